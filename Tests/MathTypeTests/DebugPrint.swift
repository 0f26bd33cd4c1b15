import Canvas
import MathType
import Testing

@Test func debugPrint() throws {
  let font = try MathFont()
  for (latex, display) in [("a+b", false), ("\\frac{a}{b}", true), ("\\int_0^1", true), ("\\begin{matrix}a&b\\\\c&d\\end{matrix}", false), ("a", false), ("b", false)] {
    let box = try Formula(latex, display: display, font: font).box
    print("DBG", latex, box.width, box.height, box.depth)
    for s in box.shapes { print("DBG   ", s.kind, s.x, s.y) }
  }
  for c: Unicode.Scalar in ["\u{1D44E}", "\u{1D44F}", "+", "\u{1D450}", "\u{1D451}"] {
    let g = font.glyph(for: c)!
    print("DBG glyph", c, font.advance(g), font.italicCorrection(g), font.ink(g))
  }
}
