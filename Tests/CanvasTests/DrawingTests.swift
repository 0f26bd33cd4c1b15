import Foundation
import Testing

@testable import Canvas

/// Pixel checks of what the canvas draws.
@Suite struct DrawingTests {
  let red = Color(rgb: 0xFF0000)
  let blue = Color(rgb: 0x0000FF)

  func whiteCanvas(_ width: Int = 64, _ height: Int = 64) throws -> (ImageSurface, Canvas) {
    let surface = try ImageSurface(width: width, height: height)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: .white)
    return (surface, canvas)
  }

  func close(_ a: Color, _ b: Color, _ tolerance: Double = 2.0 / 255) -> Bool {
    abs(a.red - b.red) <= tolerance && abs(a.green - b.green) <= tolerance
      && abs(a.blue - b.blue) <= tolerance && abs(a.alpha - b.alpha) <= tolerance
  }

  @Test func rejectsImpossibleSizes() {
    #expect(throws: CanvasError.invalidSize(width: 0, height: 10)) { try ImageSurface(width: 0, height: 10) }
    #expect(throws: CanvasError.self) { try ImageSurface(width: 40_000, height: 10) }
  }

  @Test func stridesAreUnpadded() throws {
    let surface = try ImageSurface(width: 37, height: 3)
    #expect(surface.stride == 37 * 4)
  }

  @Test func fillsInsideOnly() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.fill(.rectangle(Rect(x: 16, y: 16, width: 32, height: 32)), with: .solid(red))
    try canvas.checkStatus()
    #expect(surface.pixel(x: 32, y: 32) == red)
    #expect(surface.pixel(x: 8, y: 8) == .white)
    #expect(surface.pixel(x: 50, y: 32) == .white)
  }

  @Test func strokesTheOutline() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.stroke(
      .rectangle(Rect(x: 10, y: 10, width: 44, height: 44)), with: .solid(blue),
      style: StrokeStyle(width: 4, cap: .butt, join: .miter))
    #expect(surface.pixel(x: 10, y: 32) == blue)
    #expect(surface.pixel(x: 32, y: 32) == .white)
  }

  @Test func dashesLeaveGaps() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.stroke(
      .line(from: Point(0, 32.5), to: Point(64, 32.5)), with: .solid(.black),
      style: StrokeStyle(width: 3, cap: .butt, dash: [8, 8]))
    #expect(surface.pixel(x: 4, y: 32) == .black)
    #expect(surface.pixel(x: 12, y: 32) == .white)
  }

  @Test func linearGradientRunsBetweenItsEnds() throws {
    let (surface, canvas) = try whiteCanvas(100, 10)
    canvas.fill(
      .rectangle(Rect(x: 0, y: 0, width: 100, height: 10)),
      with: .linearGradient(
        start: Point(0, 0), end: Point(100, 0),
        stops: [GradientStop(0, red), GradientStop(1, blue)]))
    #expect(close(surface.pixel(x: 0, y: 5), red, 0.02))
    #expect(close(surface.pixel(x: 99, y: 5), blue, 0.02))
    let middle = surface.pixel(x: 50, y: 5)
    #expect(abs(middle.red - 0.5) < 0.02 && abs(middle.blue - 0.5) < 0.02)
  }

  @Test func radialGradientFadesOutwards() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.fill(
      .rectangle(Rect(x: 0, y: 0, width: 64, height: 64)),
      with: .radialGradient(
        center: Point(32, 32), radius: 32,
        stops: [GradientStop(0, .black), GradientStop(1, .white)]))
    #expect(surface.pixel(x: 32, y: 32).red < 0.05)
    #expect(abs(surface.pixel(x: 48, y: 32).red - 0.5) < 0.05)
    #expect(surface.pixel(x: 0, y: 0) == .white)  // past the radius the last stop extends
  }

  @Test func opacityGroupBlendsOnce() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.withOpacity(0.5) {
      // Two overlapping opaque squares: inside a group the overlap is not darker.
      canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 40, height: 40)), with: .solid(.black))
      canvas.fill(.rectangle(Rect(x: 20, y: 20, width: 40, height: 40)), with: .solid(.black))
    }
    let overlap = surface.pixel(x: 30, y: 30)
    let single = surface.pixel(x: 10, y: 10)
    #expect(close(overlap, single))
    #expect(abs(single.red - 0.5) < 0.01)
  }

  @Test func clippedLayerBlendsOnlyInsideItsBounds() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.withOpacity(0.5, clippedTo: Rect(x: 0, y: 0, width: 32, height: 64)) {
      canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 64, height: 64)), with: .solid(.black))
    }
    #expect(abs(surface.pixel(x: 16, y: 16).red - 0.5) < 0.01)
    #expect(surface.pixel(x: 48, y: 16) == .white)
  }

  @Test func alphaFoldedIntoPaintMatchesALayer() throws {
    let (folded, foldedCanvas) = try whiteCanvas()
    let (layered, layeredCanvas) = try whiteCanvas()
    let square = Path.rectangle(Rect(x: 8, y: 8, width: 40, height: 40))
    foldedCanvas.fill(square, with: Paint.solid(red).withAlpha(0.4))
    layeredCanvas.withOpacity(0.4) { layeredCanvas.fill(square, with: .solid(red)) }
    #expect(close(folded.pixel(x: 20, y: 20), layered.pixel(x: 20, y: 20)))
    let gradient = Paint.linearGradient(
      start: .zero, end: Point(64, 0), stops: [GradientStop(0, .black), GradientStop(1, red)])
    #expect(gradient.withAlpha(0.5) != gradient)
    #expect(gradient.withAlpha(1) == gradient)
  }

  @Test func clipLimitsDrawing() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.withSavedState {
      canvas.clip(to: .rectangle(Rect(x: 0, y: 0, width: 32, height: 64)))
      canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 64, height: 64)), with: .solid(red))
    }
    #expect(surface.pixel(x: 16, y: 16) == red)
    #expect(surface.pixel(x: 48, y: 16) == .white)
  }

  @Test func transformsMoveDrawing() throws {
    let (surface, canvas) = try whiteCanvas()
    canvas.withSavedState {
      canvas.concatenate(.translation(32, 32))
      canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 8, height: 8)), with: .solid(red))
    }
    #expect(surface.pixel(x: 36, y: 36) == red)
    #expect(surface.pixel(x: 4, y: 4) == .white)
  }

  @Test func pngRoundTripsOpaquePixels() throws {
    let (surface, canvas) = try whiteCanvas(20, 10)
    canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 10, height: 10)), with: .solid(Color(rgb: 0x123456)))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reel-\(UUID()).png").path
    defer { unlink(path) }
    try PNG.write(surface, to: path, opaque: true)
    let image = try PNG.read(path)
    #expect(image.width == 20 && image.height == 10)
    #expect(Array(image.rgba[0..<4]) == [0x12, 0x34, 0x56, 0xFF])
    #expect(Array(image.rgba[(15 * 4)..<(16 * 4)]) == [0xFF, 0xFF, 0xFF, 0xFF])
  }

  @Test func pngKeepsStraightAlpha() throws {
    let surface = try ImageSurface(width: 4, height: 4)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: Color(red: 1, green: 0, blue: 0, alpha: 0.5))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reel-\(UUID()).png").path
    defer { unlink(path) }
    try PNG.write(surface, to: path, opaque: false)
    let image = try PNG.read(path)
    #expect(image.rgba[0] == 255)  // unpremultiplied red
    #expect(abs(Int(image.rgba[3]) - 128) <= 1)  // half alpha
  }

  @Test func pngWriteToMissingFolderThrows() throws {
    let surface = try ImageSurface(width: 2, height: 2)
    #expect(throws: CanvasError.self) { try PNG.write(surface, to: "/nonexistent-reel/x.png", opaque: true) }
  }
}

/// Packing to three bytes a pixel, four pixels at a time, keeps every pixel's B, G, R in
/// order, at widths that are not multiples of four.
@Test(arguments: [1, 3, 4, 5, 17, 642])
func packingToBGRKeepsEveryPixel(width: Int) throws {
  let surface = try ImageSurface(width: width, height: 3)
  var generator = SystemRandomNumberGenerator()
  surface.withUnsafeMutablePixels { raw in
    for index in 0..<raw.count { raw[index] = index % 4 == 3 ? 255 : UInt8.random(in: 0...255, using: &generator) }
  }
  var packed: [UInt8] = []
  surface.pack(.bgr, into: &packed)
  let expected = surface.withUnsafePixels { raw in
    (0..<3).flatMap { y in (0..<width).flatMap { x in (0..<3).map { raw[y * surface.stride + 4 * x + $0] } } }
  }
  #expect(packed == expected)
}

/// Saving the pixels around a rectangle and putting them back restores exactly those.
@Suite struct SavedPixelsTests {
  @Test func theStripsAroundARectangleArePutBackAndTheRestIsLeft() throws {
    let surface = try ImageSurface(width: 40, height: 30)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: Color(rgb: 0x2F6FD0))
    let outer = Rect(x: 5, y: 4, width: 30, height: 20)
    let inner = Rect(x: 12, y: 9, width: 10, height: 6)
    let saved = surface.save(outer, around: inner)
    #expect(saved.byteCount == Int(outer.width * outer.height - inner.width * inner.height) * 4)
    canvas.clear(Rect(x: 0, y: 0, width: 40, height: 30), to: .white)
    surface.restore(saved)
    for (x, y) in [(5, 4), (34, 23), (11, 12), (22, 12), (15, 8), (15, 15)] {
      #expect(surface.pixel(x: x, y: y) == Color(rgb: 0x2F6FD0))  // around: put back
    }
    for (x, y) in [(12, 9), (21, 14), (4, 4), (35, 23), (5, 24)] {
      #expect(surface.pixel(x: x, y: y) == .white)  // inside, or outside the outer box
    }
  }
}

@Suite struct YUV420ConverterTests {
  func frame(_ color: Color) throws -> ImageSurface {
    let surface = try ImageSurface(width: 4, height: 2)
    try Canvas(surface: surface).clear(to: color)
    return surface
  }

  func convert(_ color: Color) throws -> (y: UInt8, u: UInt8, v: UInt8) {
    var out: [UInt8] = []
    let converter = YUV420Converter(width: 4, height: 2)
    converter.convert(try frame(color), into: &out)
    #expect(out.count == 8 + 2 + 2)
    return (out[0], out[8], out[10])
  }

  @Test func blackWhiteAndGreyUseTheLimitedRange() throws {
    #expect(try convert(.black) == (16, 128, 128))
    #expect(try convert(.white) == (235, 128, 128))
    #expect(try convert(Color(r: 128, g: 128, b: 128)) == (126, 128, 128))
  }

  @Test func primariesFollowBT709() throws {
    // Reference values: Y = 16 + 219·(0.2126 R + 0.7152 G + 0.0722 B), etc., rounded.
    #expect(try convert(Color(rgb: 0xFF0000)) == (63, 102, 240))
    #expect(try convert(Color(rgb: 0x00FF00)) == (173, 42, 26))
    #expect(try convert(Color(rgb: 0x0000FF)) == (32, 240, 118))
  }

  /// The conversion, written plainly, one block at a time: the reference the fast,
  /// banded conversion must match byte for byte.
  func reference(_ surface: ImageSurface) -> [UInt8] {
    let (w, h) = (surface.width, surface.height)
    var out = [UInt8](repeating: 0, count: w * h * 3 / 2)
    surface.withUnsafePixels { raw in
      let p = raw.bindMemory(to: UInt8.self)
      for by in 0..<(h / 2) {
        for bx in 0..<(w / 2) {
          var (sr, sg, sb) = (0, 0, 0)
          for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let s = (2 * by + dy) * surface.stride + (2 * bx + dx) * 4
            let (b, g, r) = (Int(p[s]), Int(p[s + 1]), Int(p[s + 2]))
            out[(2 * by + dy) * w + 2 * bx + dx] = UInt8(16 + ((11_966 * r + 40_254 * g + 4_064 * b + 32_768) >> 16))
            (sr, sg, sb) = (sr + r, sg + g, sb + b)
          }
          let c = by * (w / 2) + bx
          out[w * h + c] = UInt8(128 + ((-6_596 * sr - 22_188 * sg + 28_784 * sb + 4 * 32_768) >> 18))
          out[w * h + (w / 2) * (h / 2) + c] = UInt8(
            128 + ((28_784 * sr - 26_145 * sg - 2_639 * sb + 4 * 32_768) >> 18))
        }
      }
    }
    return out
  }

  /// Random opaque frames of sizes that are not multiples of anything convenient, small
  /// and banded (more than 32 block rows): the fast conversion equals the reference.
  @Test(arguments: [(2, 2), (6, 4), (34, 66), (642, 130), (1282, 258)])
  func fastConversionEqualsTheReference(_ size: (Int, Int)) throws {
    let surface = try ImageSurface(width: size.0, height: size.1)
    var generator = SystemRandomNumberGenerator()
    surface.withUnsafeMutablePixels { raw in
      for index in 0..<raw.count { raw[index] = index % 4 == 3 ? 255 : UInt8.random(in: 0...255, using: &generator) }
    }
    var out: [UInt8] = []
    YUV420Converter(width: size.0, height: size.1).convert(surface, into: &out)
    #expect(out == reference(surface))
  }

  /// Converting a region over an earlier frame's bytes: only the blocks the region
  /// touches change, so a frame that differs only there converts to the bytes of a whole
  /// conversion, whatever the region's alignment.
  @Test(arguments: [
    Rect(x: 0, y: 0, width: 70, height: 40), Rect(x: 3, y: 5, width: 17, height: 9),
    Rect(x: 33.5, y: 21.2, width: 30, height: 0.5), Rect(x: 50, y: 30, width: 100, height: 100),
  ])
  func aRegionIsConvertedOverAnEarlierFrame(region: Rect) throws {
    let (before, after) = (try ImageSurface(width: 70, height: 40), try ImageSurface(width: 70, height: 40))
    var generator = SystemRandomNumberGenerator()
    before.withUnsafeMutablePixels { raw in
      for index in 0..<raw.count { raw[index] = index % 4 == 3 ? 255 : UInt8.random(in: 0...255, using: &generator) }
    }
    // `after` is `before` with new pixels in the region only (its pixels touched by it).
    let touched = try #require(region.roundedOut().intersection(Rect(x: 0, y: 0, width: 70, height: 40)))
    before.withUnsafePixels { old in
      after.withUnsafeMutablePixels { new in
        new.copyMemory(from: old)
        for y in Int(touched.minY)..<Int(touched.maxY) {
          for x in Int(touched.minX)..<Int(touched.maxX) { new[y * after.stride + x * 4 + 1] ^= 0x5A }
        }
      }
    }
    let converter = YUV420Converter(width: 70, height: 40)
    var out: [UInt8] = []
    converter.convert(before, into: &out)
    out.withUnsafeMutableBytes { converter.convert(after, into: $0, region: region) }
    #expect(out == reference(after))
    #expect(out != reference(before))
  }

  @Test func chromaAveragesEachBlock() throws {
    let surface = try ImageSurface(width: 2, height: 2)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: .black)
    canvas.fill(.rectangle(Rect(x: 0, y: 0, width: 1, height: 2)), with: .solid(Color(rgb: 0xFF0000)))
    var out: [UInt8] = []
    YUV420Converter(width: 2, height: 2).convert(surface, into: &out)
    #expect(out[0] == 63 && out[1] == 16)  // per-pixel luma
    #expect(out[4] == 115 && out[5] == 184)  // half red: chroma halfway to red's
  }
}
