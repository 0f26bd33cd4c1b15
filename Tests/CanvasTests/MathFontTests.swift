import Canvas
import Testing

/// The math font as HarfBuzz reads it, against the values measured for Latin Modern Math
/// (`../shared/MATH-LAYOUT.md` §2–3).
@Suite struct MathFontTests {
  static let font = try! MathFont()

  @Test func constantsAreTheMATHTables() {
    let font = Self.font
    #expect(font.unitsPerEm == 1000)
    #expect(font.constant(.axisHeight) == 250)
    #expect(font.constant(.superscriptShiftUp) == 363)
    #expect(font.constant(.superscriptShiftUpCramped) == 289)
    #expect(font.constant(.fractionRuleThickness) == 40)
    #expect(font.constant(.scriptPercentScaleDown) == 70)
    #expect(font.constant(.radicalKernAfterDegree) == -556)
    #expect(font.minConnectorOverlap == 20)
  }

  @Test func glyphMetricsScriptFormsAndStretchyParts() throws {
    let font = Self.font
    let two = try #require(font.glyph(for: "2"))
    let twoScript = try #require(font.glyph(for: "2", scriptLevel: 1))
    let twoScriptScript = try #require(font.glyph(for: "2", scriptLevel: 2))
    #expect(twoScript != two && font.advance(twoScript) == 569 && font.advance(twoScriptScript) == 681)
    let italicF = try #require(font.glyph(for: "\u{1D453}"))
    #expect(font.italicCorrection(italicF) == 90)
    let radical = try #require(font.glyph(for: "\u{221A}"))
    let ink = font.ink(radical)
    #expect(ink.top == 40 && ink.bottom == -960 && font.advance(radical) == 833)
    let paren = try #require(font.glyph(for: "("))
    let heights = font.variants(paren, horizontal: false).map {
      let ink = font.ink($0.glyph)
      return ink.top - ink.bottom
    }
    #expect(heights.count == 8 && heights.first == 996)
    let parts = font.assembly(paren, horizontal: false)
    #expect(parts.map(\.isExtender) == [false, true, false])
    #expect(parts.map(\.fullAdvance) == [1495, 498, 1495])
    #expect(font.isExtendedShape(try #require(font.glyph(for: "\u{2211}"))))
  }

  @Test func outlinesAreCubicPathsInFontUnits() throws {
    let font = Self.font
    let x = try #require(font.glyph(for: "\u{1D465}"))
    let path = font.outline(x)
    #expect(!path.isEmpty)
    let bounds = path.bounds
    let ink = font.ink(x)
    // y points down in the path: the ink top is at -top.
    #expect(abs(bounds.minY + ink.top) < 1 && abs(bounds.maxY + ink.bottom) < 1)
    #expect(abs(bounds.minX - ink.left) < 1 && abs(bounds.maxX - ink.right) < 1)
  }
}
