import Testing

@testable import Canvas

@Suite struct ColorTests {
  @Test(arguments: [("#440154", 0x44, 0x01, 0x54), ("fde725", 0xFD, 0xE7, 0x25), ("#abc", 0xAA, 0xBB, 0xCC)])
  func parsesHex(_ text: String, _ r: Int, _ g: Int, _ b: Int) throws {
    let color = try Color(hex: text)
    #expect(color == Color(r: UInt8(r), g: UInt8(g), b: UInt8(b)))
  }

  @Test func parsesAlpha() throws {
    let color = try Color(hex: "#11223380")
    #expect(abs(color.alpha - 128.0 / 255) < 1e-9)
    #expect(color.hex == "#11223380")
  }

  @Test(arguments: ["", "#", "#12", "#12345", "#GGGGGG", "red", "#1234567890"])
  func rejectsMalformedHex(_ text: String) {
    #expect(throws: HexColorError.self) { try Color(hex: text) }
  }

  @Test func roundTripsThroughHex() throws {
    #expect(try Color(hex: "#E4572E").hex == "#E4572E")
  }

  @Test func relativeLuminanceEndsAndContrast() {
    #expect(Color.white.relativeLuminance == 1)
    #expect(Color.black.relativeLuminance == 0)
    #expect(Color.white.contrastingText != .white)
    #expect(Color.black.contrastingText == .white)
    // Viridis' yellow end wants dark text, its purple start white text.
    #expect(Colormap.viridis.color(at: 1).contrastingText != .white)
    #expect(Colormap.viridis.color(at: 0).contrastingText == .white)
  }
}

@Suite struct ColormapTests {
  @Test func viridisEndsMatchMatplotlib() {
    #expect(Colormap.viridis.color(at: 0).hex == "#440154")
    #expect(Colormap.viridis.color(at: 1).hex == "#FDE725")
  }

  @Test func magmaEndsMatchMatplotlib() {
    #expect(Colormap.magma.color(at: 0).hex == "#000004")
    #expect(Colormap.magma.color(at: 1).hex == "#FCFDBF")
  }

  @Test func everyTableHas256Entries() {
    for map in Colormap.all { #expect(map.table.count == 256, "\(map.name)") }
  }

  @Test func divergingMapIsPaleInTheMiddle() {
    let middle = Colormap.rdBuR.color(at: 0.5)
    #expect(middle.relativeLuminance > 0.85)
    #expect(Colormap.rdBuR.isDiverging)
    #expect(Colormap.rdBuR.color(at: 0).blue > Colormap.rdBuR.color(at: 0).red)
    #expect(Colormap.rdBuR.color(at: 1).red > Colormap.rdBuR.color(at: 1).blue)
    // matplotlib's RdBu runs the other way: red for low.
    #expect(Colormap.rdBu.color(at: 0).red > Colormap.rdBu.color(at: 0).blue)
    #expect(Colormap.rdBu.table == Colormap.rdBuR.table.reversed())
  }

  @Test func clampsAndPicksBinsLikeMatplotlib() {
    let map = Colormap.viridis
    #expect(map.color(at: -3) == map.color(at: 0))
    #expect(map.color(at: 7) == map.color(at: 1))
    #expect(map.color(at: .nan) == map.color(at: 0))
    #expect(map.color(at: 0.5) == Color(rgb: map.table[128]))
    #expect(map.color(at: 0.1) == Color(rgb: map.table[25]))  // floor(25.6), as matplotlib
    #expect(map.color(at: 0.999) == Color(rgb: map.table[255]))
  }

  @Test func findsByName() {
    #expect(Colormap.named("Magma") == .magma)
    #expect(Colormap.named("jet") == nil)
  }

  @Test func numbersOnAnyColormapColourReachAA() {
    for map in Colormap.all {
      for entry in map.table {
        let cell = Color(rgb: entry)
        #expect(cell.contrastingText.contrast(with: cell) >= 4.5, "\(map.name) \(cell.hex)")
      }
    }
  }

  @Test func labMatchesKnownValues() {
    // sRGB white is L* 100, a* b* 0; pure red is about (53.2, 80.1, 67.2).
    let white = Color.white.lab
    #expect(abs(white.l - 100) < 0.01 && abs(white.a) < 0.01 && abs(white.b) < 0.01)
    let red = Color(rgb: 0xFF0000).lab
    #expect(abs(red.l - 53.24) < 0.05 && abs(red.a - 80.09) < 0.05 && abs(red.b - 67.20) < 0.05)
    #expect(Color.black.difference(from: .white) > 99)
  }

  @Test func accentIsFarFromTheColormap() {
    let orange = Color(rgb: 0xE4572E)
    let cyan = Color(rgb: 0x0091D5)
    // magma runs through oranges, so cyan is the accent that cannot be a value there.
    #expect(Colormap.magma.farthest(of: [orange, cyan]) == cyan)
    #expect(Colormap.viridis.distance(to: orange) > 40)
  }
}
