import Testing

@testable import Canvas

/// Text shaped into glyphs: boxes, baseline and outlines agree with the measured text.
@Suite struct GlyphRunTests {
  let measurer = TextMeasurer()
  let font = Font(size: 40)

  @Test func oneGlyphPerLetterLeftToRight() {
    let run = measurer.glyphRun("Hello, you", font: font)
    let metrics = measurer.measure("Hello, you", font: font)
    #expect(run.glyphs.map(\.text).joined() == "Hello, you")
    #expect(zip(run.glyphs, run.glyphs.dropFirst()).allSatisfy { $0.origin.x < $1.origin.x })
    #expect(abs(run.baseline - metrics.baseline) < 1e-9)
    #expect(run.glyphs.allSatisfy { abs($0.origin.y - run.baseline) < 1e-9 })
    let last = run.glyphs[run.glyphs.count - 1]
    #expect(abs(last.origin.x + last.advance - metrics.width) < 0.01, "advances add up to the width")
  }

  @Test func outlinesLieOnTheirInkBoxes() throws {
    let run = measurer.glyphRun("Ag y", font: font)
    let space = try #require(run.glyphs.first { $0.text == " " })
    #expect(space.outline.isEmpty)
    for glyph in run.glyphs where glyph.text != " " {
      let outline = glyph.outline.bounds
      #expect(!glyph.outline.isEmpty)
      // Control points may reach a little past the ink; the box itself must match closely.
      #expect(abs(outline.minX - glyph.ink.minX) < 1.5 && abs(outline.maxX - glyph.ink.maxX) < 1.5, "\(glyph.text)")
      #expect(abs(outline.minY - glyph.ink.minY) < 1.5 && abs(outline.maxY - glyph.ink.maxY) < 1.5, "\(glyph.text)")
    }
    // "g" and "y" descend below the baseline; "A" sits on it.
    #expect(run.glyphs[1].ink.maxY > run.baseline + 5)
    #expect(abs(run.glyphs[0].ink.maxY - run.baseline) < 1)
  }

  @Test func filledOutlinesCoverWhatTheTextCovers() throws {
    let text = "Reel"
    let size = measurer.measure(text, font: font).logical.size
    let drawn = try ImageSurface(width: Int(size.width) + 4, height: Int(size.height) + 4)
    let filled = try ImageSurface(width: Int(size.width) + 4, height: Int(size.height) + 4)
    let textCanvas = try Canvas(surface: drawn)
    textCanvas.drawText(text, font: font, color: .black, at: Point(2, 2))
    let pathCanvas = try Canvas(surface: filled)
    pathCanvas.fill(measurer.glyphRun(text, font: font).outline.applying(.translation(2, 2)), with: .solid(.black))
    // Cairo places drawn glyphs on whole pixels, so edges may differ by up to half a pixel;
    // the ink and where it lies must agree.
    func inkAndCentre(_ surface: ImageSurface) -> (ink: Double, x: Double, y: Double) {
      var (ink, x, y) = (0.0, 0.0, 0.0)
      for row in 0..<surface.height {
        for column in 0..<surface.width {
          let alpha = surface.pixel(x: column, y: row).alpha
          ink += alpha
          x += alpha * Double(column)
          y += alpha * Double(row)
        }
      }
      return (ink, x / ink, y / ink)
    }
    let (a, b) = (inkAndCentre(drawn), inkAndCentre(filled))
    #expect(abs(a.ink / b.ink - 1) < 0.03, "ink \(a.ink) vs \(b.ink)")
    #expect(abs(a.x - b.x) < 0.6 && abs(a.y - b.y) < 0.6, "centre \(a) vs \(b)")
  }

  @Test func canvasShapesTextTheWayTheMeasurerDoes() throws {
    let canvas = try Canvas(surface: ImageSurface(width: 8, height: 8))
    canvas.concatenate(.scale(3, 3))  // the canvas's own scale does not change the run
    let fromCanvas = canvas.glyphRun("Write", font: font)
    let fromMeasurer = measurer.glyphRun("Write", font: font)
    #expect(fromCanvas.glyphs.map(\.origin) == fromMeasurer.glyphs.map(\.origin))
    #expect(fromCanvas.outline.bounds == fromMeasurer.outline.bounds)
  }
}
