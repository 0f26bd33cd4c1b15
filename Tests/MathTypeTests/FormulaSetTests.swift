import Canvas
import Foundation
import MathType
import Testing

/// The 44 formulas of the attention literature in `Fixtures/attention-formulas.txt` (the
/// set compared with LaTeX): each typesets, in display and text style, with its ink inside
/// a sensible box.
@Suite struct FormulaSetTests {
  static let font = try! MathFont()

  static let formulas: [(name: String, latex: String)] = {
    let url = Bundle.module.url(forResource: "Fixtures/attention-formulas", withExtension: "txt")!
    return try! String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#"), let bar = line.firstIndex(of: "|") else { return nil }
      return (
        line[..<bar].trimmingCharacters(in: .whitespaces),
        line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces)
      )
    }
  }()

  @Test func theSetHasAtLeastFortyFormulas() {
    #expect(Self.formulas.count >= 40)
    #expect(Set(Self.formulas.map(\.name)).count == Self.formulas.count)
  }

  @Test(arguments: FormulaSetTests.formulas.map(\.name))
  func everyFormulaTypesets(_ name: String) throws {
    let latex = try #require(Self.formulas.first { $0.name == name }).latex
    for display in [true, false] {
      let formula = try Formula(latex, display: display, font: Self.font)
      let box = formula.bounds(size: 1000)
      let ink = formula.inkBounds(size: 1000)
      #expect(box.width > 500 && ink.width > 500, "\(name)")
      // Ink stays within a glyph's overshoot (and a last italic letter's lean) of the box.
      #expect(ink.minX >= box.minX - 150 && ink.maxX <= box.maxX + 250, "\(name): \(ink) vs \(box)")
      #expect(ink.minY >= box.minY - 60 && ink.maxY <= box.maxY + 60, "\(name): \(ink) vs \(box)")
    }
  }
}
