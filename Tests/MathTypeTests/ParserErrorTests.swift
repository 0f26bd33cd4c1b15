import Canvas
import MathType
import Testing

/// A formula Reel cannot read is one message with the formula quoted and a caret under the
/// problem; nothing is dropped silently.
@Suite struct ParserErrorTests {
  @Test(arguments: [
    ("\\fracc{a}{b}", "unknown command \\fracc", 0, 6),
    ("x^{2", "a '{' is never closed", 3, 1),
    ("a}b", "this '}' closes nothing", 1, 1),
    ("x^2^3", "double superscript", 3, 1),
    ("x_1_2", "double subscript", 3, 1),
    ("\\left( x", "\\left has no matching \\right", 7, 1),
    ("x \\right)", "\\right without \\left", 2, 6),
    ("\\left< x \\right>", "'<' cannot follow \\left", 5, 1),
    ("\\begin{foo} x \\end{foo}", "unknown environment 'foo'", 0, 11),
    ("\\begin{matrix} a \\end{pmatrix}", "\\begin{matrix} ends with \\end{pmatrix}", 17, 13),
    ("\\color{rose}{x}", "unknown colour 'rose'", 6, 6),
    ("a & b", "'&' is only for columns", 2, 1),
    ("\\frac{a}", "\\frac needs an argument", 7, 1),
    ("x^", "superscript needs an argument", 1, 1),
    ("\\sqrt[3{x}", "a '[' is never closed", 9, 1),
    ("\\mathcal{x}", "'x' has no form in this alphabet", 9, 1),
    ("\\textcolor{red}x", "\\textcolor needs a braced argument", 0, 10),
    ("\\begin{matrix}a\\\\[4pc]b\\end{matrix}", "'[4pc]' is not a length", 17, 5),
    (
      String(repeating: "{", count: 150) + "x" + String(repeating: "}", count: 150),
      "the formula is nested more than 100", 100, 1
    ),
  ])
  func errorsPointAtTheProblem(_ latex: String, _ message: String, _ offset: Int, _ length: Int) {
    #expect {
      _ = try MathParser.parse(latex)
    } throws: { error in
      guard let error = error as? MathSyntaxError else { return false }
      return error.message.hasPrefix(message) && error.offset == offset && error.length == length
    }
  }

  @Test func theMessageQuotesTheFormulaWithACaret() {
    let error = MathSyntaxError("unknown command \\fracc", source: "x+\\fracc{a}{b}", offset: 2, length: 6)
    #expect(error.description == "unknown command \\fracc\n  x+\\fracc{a}{b}\n    ^^^^^^")
  }

  @Test func aCharacterTheFontLacksIsAnErrorAtItsPlace() {
    #expect {
      _ = try Formula("x + 猫", font: try MathFont())
    } throws: { error in
      (error as? MathSyntaxError).map { $0.offset == 4 && $0.message.contains("猫") } ?? false
    }
  }

  /// `\color` lasts to the end of its group, as in LaTeX, and no further.
  @Test func aColourEndsWithItsGroup() throws {
    let font = try MathFont()
    for latex in ["{\\color{red} a} b", "\\frac{\\color{red}a}{b}", "\\begin{matrix}\\color{red}a & b\\end{matrix}"] {
      let shapes = try Formula(latex, font: font).box.shapes.filter {
        if case .glyph = $0.kind { return true }
        return false
      }
      #expect(shapes.first?.color != nil && shapes.last?.color == nil, "\(latex)")
    }
  }

  @Test func partsAndColoursTagTheirShapes() throws {
    let formula = try Formula("\\part{scores}{QK^\\top} = \\color{red}{V}", font: try MathFont())
    let tagged = formula.box.shapes.filter { $0.parts == ["scores"] }
    #expect(tagged.count == 3)
    #expect(formula.box.shapes.filter { $0.color != nil }.count == 1)
  }
}
