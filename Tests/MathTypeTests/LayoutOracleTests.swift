import Canvas
import MathType
import Testing

/// Box geometry against TeX's rules with Latin Modern Math's MATH constants, each value
/// derived by hand in `../shared/MATH-LAYOUT.md` §7 and checked there against LuaTeX —
/// except where Reel follows pdflatex instead: a lone subscript drops by TeX's sub1
/// (0.15 em), a boxed nucleus's subscript hangs by TeX's sub_drop (0.05 em of the script
/// size), and a display-style superscript rises by sup1 (0.413 em); those values are
/// derived by hand here. Font units (1000 per em), y up.
@Suite struct LayoutOracleTests {
  static let font = try! MathFont()

  static func box(_ latex: String, display: Bool = false) throws -> MathBox {
    try Formula(latex, display: display, font: font).box
  }

  /// The glyph shapes of a box, in order.
  static func glyphs(_ box: MathBox) -> [(x: Double, y: Double, scale: Double)] {
    box.shapes.compactMap {
      if case .glyph(_, let scale) = $0.kind { return ($0.x, $0.y, scale) }
      return nil
    }
  }

  static func rules(_ box: MathBox) -> [(x: Double, y: Double, width: Double, height: Double)] {
    box.shapes.compactMap {
      if case .rule(let width, let height) = $0.kind { return ($0.x, $0.y, width, height) }
      return nil
    }
  }

  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 0.15) -> Bool { abs(a - b) <= tolerance }

  @Test func superscriptIsRaisedBySuperscriptShiftUp() throws {
    let box = try Self.box("x^2")
    let glyphs = Self.glyphs(box)
    #expect(Self.close(glyphs[1].y, 363) && glyphs[1].scale == 0.7)
    #expect(Self.close(box.width, 1026.3) && Self.close(box.height, 827.8))
  }

  /// In display style TeX raises a superscript by sup1 (0.413 em), as pdflatex does.
  @Test func displaySuperscriptsRiseFurther() throws {
    #expect(Self.close(Self.glyphs(try Self.box("x^2", display: true))[1].y, 413))
    #expect(Self.close(Self.glyphs(try Self.box("x^2"))[1].y, 363))
  }

  @Test func subscriptIsLoweredAndClashesAreResolved() throws {
    // sub1 = 150 beats 464.8 − 344 = 120.8 (SubscriptTopMax).
    #expect(Self.close(Self.glyphs(try Self.box("x_2"))[1].y, -150))
    let both = Self.glyphs(try Self.box("x_2^2"))
    #expect(Self.close(both[1].y, 363) && Self.close(both[2].y, -261.8))
    // Cramped (under a radical) and nested scripts.
    #expect(Self.glyphs(try Self.box("\\sqrt{x^2}")).contains { Self.close($0.y, 289) && $0.scale == 0.7 })
    let nested = Self.glyphs(try Self.box("x^{2^2}"))
    #expect(Self.close(nested[2].y - nested[1].y, 254.1) && nested[2].scale == 0.5)
  }

  @Test func superscriptAfterItalicCorrection() throws {
    let glyphs = Self.glyphs(try Self.box("K^\\top"))
    #expect(Self.close(glyphs[1].x, 917))
  }

  @Test(arguments: [("a+b", 222.2), ("a=b", 277.8), ("a-b", 222.2)])
  func spacingFollowsTeXsTable(_ latex: String, _ space: Double) throws {
    let glyphs = Self.glyphs(try Self.box(latex))
    let a = try #require(Self.font.glyph(for: "\u{1D44E}"))
    let middle = try #require(Self.font.glyph(for: latex.contains("=") ? "=" : latex.contains("+") ? "+" : "\u{2212}"))
    #expect(Self.close(glyphs[1].x - Self.font.advance(a), space))
    #expect(Self.close(glyphs[2].x - glyphs[1].x - Self.font.advance(middle), space))
  }

  @Test func aPlusBIsAsWideAsInLuaTeX() throws {
    #expect(Self.close(try Self.box("a+b").width, 2180.4))
  }

  @Test func binaryOperatorsWithoutTwoOperandsAreOrdinary() throws {
    #expect(Self.glyphs(try Self.box("-b"))[1].x == Self.font.advance(try #require(Self.font.glyph(for: "\u{2212}"))))
    let sin = try Self.box("\\sin x")
    let s = Self.glyphs(sin)
    let n = try #require(Self.font.glyph(for: "n"))
    #expect(Self.close(s[3].x - s[2].x - Self.font.advance(n), 166.7))
  }

  @Test func fractionsInTextAndDisplayStyle() throws {
    let text = try Self.box("\\frac{a}{b}")
    let glyphs = Self.glyphs(text)
    #expect(Self.close(glyphs[0].y, 394) && Self.close(glyphs[1].y, -345))
    let rule = try #require(Self.rules(text).first)
    #expect(Self.close(rule.y, 230) && Self.close(rule.height, 40))
    #expect(Self.close(text.width, 674) && Self.close(text.height, 702.7) && Self.close(text.depth, 352))
    let display = try Self.box("\\frac{a}{b}", display: true)
    let d = Self.glyphs(display)
    #expect(Self.close(d[0].y, 677) && Self.close(d[1].y, -686))
    #expect(Self.close(display.width, 769) && Self.close(display.height, 1118.9) && Self.close(display.depth, 696.9))
  }

  @Test func radicalBarCoversExactlyTheRadicand() throws {
    let box = try Self.box("\\sqrt{x}")
    let bar = try #require(Self.rules(box).first)
    #expect(Self.close(bar.y + bar.height, 760.5) && Self.close(box.height, 800.5) && Self.close(box.depth, 239.5))
    #expect(Self.close(box.width, 1405))
    let x = Self.glyphs(box)[1]
    #expect(bar.x == x.x && Self.close(bar.width, 572))
    #expect(Self.close(try Self.box("\\sqrt{x}", display: true).height, 849.5))
    #expect(Self.close(try Self.box("\\sqrt[3]{x}").width, 1467.5))
  }

  /// LuaTeX's numerator and width (§7.9); the denominator by hand with sub1: d_k is 694 high
  /// and 157.7 deep, so the radical needs 694 + 157.7 + 50 + 40 = 941.7 and takes the base
  /// surd (1000, 40 above the baseline): the gap grows to 79.15, the radical is 853.15 high
  /// and 186.85 deep, the denominator drops max(686, 853.15 − 250 + 20 + 120) = 743.15.
  @Test func attentionFraction() throws {
    let box = try Self.box("\\frac{QK^\\top}{\\sqrt{d_k}}", display: true)
    #expect(Self.close(box.width, 2548.6, 0.2) && Self.close(box.height, 1504.8, 0.2))
    #expect(Self.close(box.depth, 743.15 + 186.85, 0.2))
  }

  @Test func limitsStackInDisplayAndAttachInText() throws {
    let display = try Self.box("\\sum_{i=1}^n", display: true)
    #expect(Self.close(display.height, 1465.7) && Self.close(display.depth, 1088.8) && Self.close(display.width, 1444))
    // In text style the sum is boxed: sup at 750 − 250, sub at 250 + 0.05 × 700.
    let text = Self.glyphs(try Self.box("\\sum_{i=1}^n"))
    #expect(Self.close(text[1].y, 500) && Self.close(text[2].y, -285))
    let integral = Self.glyphs(try Self.box("\\int_0^1", display: true))
    #expect(Self.close(integral[1].x, 999) && Self.close(integral[1].y, 1111))
    #expect(Self.close(integral[2].x, 408) && Self.close(integral[2].y, -(861 + 35)))
  }

  @Test func delimitersGrowWithTheirContent() throws {
    let box = try Self.box("\\left(\\frac ab\\right)", display: true)
    #expect(Self.close(box.width, 1963))
    #expect(box.height >= 1118.9 && box.depth >= 696.9)
    let matrix = try Self.box("\\begin{pmatrix}a&b\\\\c&d\\end{pmatrix}")
    #expect(Self.close(matrix.width, 3521, 0.5))
  }

  @Test func matrixColumnsAlign() throws {
    let box = try Self.box("\\begin{matrix}a&b\\\\c&d\\end{matrix}")
    let glyphs = Self.glyphs(box)
    #expect(Self.close(box.height, 1450) && Self.close(box.depth, 950))
    // b and d centred in one column, a and c in the other; rows 1200 apart.
    #expect(Self.close(glyphs[0].y - glyphs[2].y, 1200))
    let bCentre = glyphs[1].x + 429 / 2.0
    let dCentre = glyphs[3].x + Self.font.advance(try #require(Self.font.glyph(for: "\u{1D451}"))) / 2
    #expect(Self.close(bCentre, dCentre, 0.5))
  }

  @Test func accentsAndBars() throws {
    let hat = Self.glyphs(try Self.box("\\hat a"))
    #expect(Self.close(hat[1].x, 551) && Self.close(hat[1].y, 0))
    #expect(Self.close(Self.glyphs(try Self.box("\\hat b"))[1].y, 244))
    #expect(Self.close(try Self.box("\\overline{x}").height, 642))
    #expect(Self.close(try Self.box("\\underline{x}").depth, 211))
  }

  /// Beyond its largest variant a delimiter is built from parts, at least as tall as the
  /// content, and is one shape, so its overlapping parts do not show seams.
  @Test func tallDelimitersAreAssembledAsOneShape() throws {
    let box = try Self.box("\\left(\\begin{matrix}a\\\\b\\\\c\\\\d\\\\e\\\\f\\end{matrix}\\right)")
    let assemblies = box.shapes.filter {
      if case .assembly = $0.kind { return true }
      return false
    }
    #expect(assemblies.count == 2)
    // Six rows of 1200 centred on the axis: 3600 above and below it, less the shortfall.
    let axis = Self.font.constant(.axisHeight)
    #expect(box.height - axis >= 3600 * 0.901 && box.depth + axis >= 3600 * 0.901)
  }

  /// `cases` rows are 1.2 times the strut, as LaTeX's `\arraystretch` there.
  @Test func casesRowsAreStretched() throws {
    let glyphs = Self.glyphs(try Self.box("\\begin{cases}a\\\\b\\end{cases}"))
    #expect(Self.close(glyphs[1].y - glyphs[2].y, 1440))
  }

  /// `aligned` alternates right- and left-aligned columns; `\\[len]` adds space below a row.
  @Test func alignedColumnsAlternateAndRowsTakeExtraSpace() throws {
    let glyphs = Self.glyphs(try Self.box("\\begin{aligned}a &= b & cc &= d \\\\ aaa &= b & c &= d\\end{aligned}"))
    // Column 3 (c, cc) is right-aligned: the ends of cc and c line up.
    let c = try #require(Self.font.glyph(for: "\u{1D450}"))
    let cEnds = [glyphs[4].x + Self.font.advance(c), glyphs[12].x + Self.font.advance(c)]
    #expect(Self.close(cEnds[0], cEnds[1]))
    let plain = Self.glyphs(try Self.box("\\begin{matrix}a\\\\b\\end{matrix}"))
    let spaced = Self.glyphs(try Self.box("\\begin{matrix}a\\\\[4pt]b\\end{matrix}"))
    #expect(Self.close((spaced[0].y - spaced[1].y) - (plain[0].y - plain[1].y), 400))
  }

  /// `\frac` is an Ord atom in LaTeX (amsmath wraps it in braces): no space after a letter,
  /// and no italic correction before it.
  @Test func fractionsAreOrdinary() throws {
    let glyphs = Self.glyphs(try Self.box("f\\frac12"))
    let f = try #require(Self.font.glyph(for: "\u{1D453}"))
    // The numerator starts after f's advance and the null delimiter space, nothing more.
    let one = try #require(Self.font.glyph(for: "1", scriptLevel: 1))
    let rule = try #require(Self.rules(try Self.box("f\\frac12")).first)
    #expect(Self.close(rule.x, Self.font.advance(f) + 120))
    #expect(glyphs[1].x >= rule.x && Self.font.advance(one) > 0)
  }

  /// `\binom`'s parentheses shrink with the style, like everything else in a script.
  @Test func binomialParenthesesFollowTheStyle() throws {
    let text = try Self.box("\\binom nk")
    let script = try Self.box("x^{\\binom nk}")
    #expect(script.height - 363 < text.height * 0.8)
  }

  /// Delimiters take plain TeX's sizes (1, 1.2, 1.8, 2.4, 3 em) as pdflatex does, so a
  /// delimiter around another is the next size up rather than the same one.
  @Test func nestedDelimitersGrow() throws {
    let box = try Self.box("\\left(1+\\left[\\sqrt{2/\\pi}\\,x\\right]\\right)", display: true)
    let heights = box.shapes.compactMap { shape -> Double? in
      guard case .glyph(let glyph, _) = shape.kind else { return nil }
      let ink = Self.font.ink(glyph)
      return ink.top - ink.bottom
    }
    // The first glyph is the outer parenthesis, the third the bracket.
    #expect(heights[0] > heights[2] + 100, "\(heights)")
    #expect([1194.0, 1792, 2392].contains { abs(heights[0] - $0) < 30 })
  }

  /// A brace over a single letter is still about an em wide, as LaTeX's.
  @Test func bracesHaveAMinimumWidth() throws {
    let box = try Self.box("\\overbrace{V}^{n}")
    #expect(box.width >= 1000)
  }

  /// A row holding `\\vdots` is as tall as plain TeX's stacked dots, 1.5 em.
  @Test func vdotsRowsAreTall() throws {
    let glyphs = Self.glyphs(try Self.box("\\begin{matrix}a\\\\\\vdots\\\\b\\end{matrix}"))
    // Rows: a (depth 360), then vdots (height 1500, depth 360), then b (height 840).
    #expect(Self.close(glyphs[0].y - glyphs[2].y, 360 + 1500 + 360 + 840))
  }
}
