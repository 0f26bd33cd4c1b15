import Canvas
import Foundation
import MathType
import Testing

/// Typeset formulas against reference images (±2 per channel) and one SVG as text: a
/// change in layout, outlines or drawing shows up here.
@Suite struct FormulaGoldenTests {
  static let font = try! MathFont()

  static let formulas: [(name: String, latex: String)] = [
    ("attention", "\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V"),
    ("softmax", "\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_{j=1}^{n} e^{x_j}}"),
    ("pe", "PE_{(pos,2i)} = \\sin\\left(\\frac{pos}{10000^{2i/d_{\\mathrm{model}}}}\\right)"),
    ("layernorm", "\\mathrm{LayerNorm}(x) = \\gamma \\odot \\frac{x - \\mu}{\\sqrt{\\sigma^2 + \\epsilon}} + \\beta"),
    ("sum-limits", "\\mu = \\frac{1}{d}\\sum_{i=1}^{d} x_i"),
    ("cases", "M_{ij} = \\begin{cases} 0 & \\text{if } j \\le i \\\\ -\\infty & \\text{otherwise} \\end{cases}"),
    (
      "rope",
      "R_{\\Theta,m} = \\begin{pmatrix} \\cos m\\theta & -\\sin m\\theta \\\\ \\sin m\\theta & \\cos m\\theta \\end{pmatrix}"
    ),
    ("matrix", "\\begin{bmatrix} q_1 \\cdot k_1 & \\cdots \\\\ \\vdots & \\ddots \\end{bmatrix}"),
    ("cross-entropy", "\\mathcal{L} = -\\sum_{t=1}^{T} \\log p_\\theta(x_t \\mid x_{<t})"),
    ("adam", "\\theta_t = \\theta_{t-1} - \\eta\\,\\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}"),
    ("braces", "\\underbrace{QK^\\top}_{n \\times n}\\,\\overbrace{V}^{n \\times d_v}"),
    ("root-degree", "\\sqrt[3]{x^2 + y^2} \\approx \\binom{n}{k}"),
    ("colour-parts", "\\part{scores}{\\color{#1E63D6}{QK^\\top}} / \\sqrt{d_k}"),
  ]

  /// The formula on white at 40 px per em, with 8 px around its ink.
  static func image(_ latex: String) throws -> ImageSurface {
    let formula = try Formula(latex, font: font)
    let ink = formula.inkBounds(size: 40)
    let surface = try ImageSurface(width: Int(ink.width.rounded(.up)) + 16, height: Int(ink.height.rounded(.up)) + 16)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: .white)
    formula.draw(on: canvas, size: 40, origin: Point(8 - ink.minX, 8 - ink.minY), color: Color(rgb: 0x1A1A1A))
    return surface
  }

  @Test(arguments: FormulaGoldenTests.formulas.map(\.name))
  func formulaMatchesItsGolden(_ name: String) throws {
    let latex = try #require(Self.formulas.first { $0.name == name }).latex
    try GoldenImage().check(try Self.image(latex), named: "formula-\(name)")
  }

  @Test func svgMatchesItsGoldenText() throws {
    let formula = try Formula("\\frac{QK^\\top}{\\sqrt{d_k}}", font: Self.font)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("formula-\(getpid()).svg").path
    defer { unlink(path) }
    let ink = formula.inkBounds(size: 20)
    let document = try VectorDocument(.svg, path: path, width: ink.width + 8, height: ink.height + 8)
    try document.addPage { canvas in
      formula.draw(on: canvas, size: 20, origin: Point(4 - ink.minX, 4 - ink.minY), color: .black)
    }
    try document.finish()
    // Cairo numbers surfaces across the process; the number is not the drawing.
    let text = try String(contentsOfFile: path, encoding: .utf8).replacing(/id="surface\d+"/, with: "id=\"surface\"")
    let golden = GoldenImage.folder.appendingPathComponent("formula-attention-fraction.svg")
    if ProcessInfo.processInfo.environment["REEL_RECORD"] == "1" {
      try Data(text.utf8).write(to: golden)
      return
    }
    #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
  }
}
