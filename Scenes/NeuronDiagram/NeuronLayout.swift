import Canvas
import MathType
import Reel
import TensorMath

/// Where everything of `neuron-diagram` goes for one frame size: the network beside (or
/// above) a panel that holds one neuron's computation, the input picture and the output
/// probabilities, and the transformer MLP on a slide of its own. Pure geometry.
public struct NeuronLayout: Sendable {
  public let headings: [SlideHeading]
  public let footnote: PlacedText
  public let network: NetworkLayout
  public let layerLabels: [PlacedText]
  /// The neuron of the first hidden layer worked out in the `neuron` section (one on screen).
  public let focus: Int
  /// Room beside the network for the section's details.
  public let panel: Rect
  /// One neuron's sum with its numbers, then its activation, line by line: the LaTeX and
  /// the typeset lines.
  public let formulaLines: [String]
  public let formulas: [PlacedFormula]
  /// The activation function's little plot, under the formulas.
  public let plot: Axes
  /// A neuron's value inside its circle, when circles are large enough to hold it.
  public let valueFont: Font?
  /// The input as the picture it is (a square input of 64 values or more).
  public let image: Rect?
  public let chart: BarChart
  /// The transformer block's MLP, its layer labels and formula.
  public let mlp: NetworkLayout
  public let mlpLabels: [PlacedText]
  public let mlpFormula: PlacedFormula

  /// GPT-2 small's sizes.
  public static let mlpSizes = [768, 3072, 768]

  public init(example: NeuronExample, frame: Size, theme: Theme, mathFont: MathFont, measurer m: TextMeasurer) throws {
    // The panel goes under the network unless the frame is clearly wider than tall.
    let stacked = frame.width < frame.height * 1.3
    let footnote = SlideHeading.footnote(
      [
        "Seeded He/Xavier weights, not a trained network; the arithmetic is real.",
        "Seeded weights, not a trained network.",
      ], frame: frame, theme: theme, measurer: m)
    self.footnote = footnote
    let headings = NeuronSection.allCases.map { section in
      SlideHeading(
        number: section.rawValue + 1, title: section.title, caption: section.caption(for: example), frame: frame,
        footnote: footnote, theme: theme, measurer: m)
    }
    self.headings = headings
    // The sections share one place for the network: the roomiest content area they all have.
    let content = headings.dropLast().map(\.content).reduce(headings[0].content) {
      Rect(x: $0.minX, y: max($0.minY, $1.minY), width: $0.width, height: min($0.maxY, $1.maxY) - max($0.minY, $1.minY))
    }
    let labelFont = Font(size: 20)
    let labelHeight = m.measure("0", font: labelFont).logical.height
    let networkArea: Rect
    if stacked {
      networkArea = Rect(x: content.minX, y: content.minY, width: content.width, height: content.height * 0.5)
      panel = Rect(
        x: content.minX, y: networkArea.maxY + 16, width: content.width, height: content.maxY - networkArea.maxY - 16)
    } else {
      networkArea = Rect(x: content.minX, y: content.minY, width: content.width * 0.58, height: content.height)
      panel = Rect(
        x: networkArea.maxX + 48, y: content.minY, width: content.maxX - networkArea.maxX - 48, height: content.height)
    }
    let sizes = example.network.sizes
    let network = NetworkLayout(
      sizes: sizes,
      region: Rect(
        x: networkArea.minX + 20, y: networkArea.minY, width: networkArea.width - 40,
        height: networkArea.height - labelHeight - 14), maxRadius: 34, minSpacing: 34)
    self.network = network
    let bottom = network.bounds.maxY + 8
    layerLabels = sizes.enumerated().map { layer, size in
      let kind = layer == 0 ? "input" : layer == sizes.count - 1 ? "output" : "hidden"
      var label = PlacedText("\(kind) \(size)", font: labelFont, color: theme.muted, measurer: m)
      label.center = Point(network.centers[layer][0].x, bottom + labelHeight / 2)
      return label
    }
    let valueSize = network.radius * 0.62
    valueFont = valueSize >= 14 && sizes.allSatisfy({ $0 <= 10 }) ? Font(size: valueSize) : nil

    // The neuron's computation: its sum written out with the numbers, then its value.
    let dense = example.network
    let j = example.focus(among: network.shown[1].compactMap { $0 })
    focus = j
    let inputs = example.input
    let weights = (0..<sizes[0]).map { Double(dense.weights[0][j, $0]) }
    let terms = Self.terms(weights: weights, inputs: inputs)
    let bias = dense.biases[0][j]
    let z = example.sum(into: j)
    let a = example.values[1][j]
    let name = dense.activation == .sigmoid ? "\\sigma" : "\\mathrm{\(dense.activation.displayName)}"
    let lines = [
      "z = \\textstyle\\sum_i w_i\\,x_i + b",
      "z = " + terms + " " + Self.signed(bias) + " = " + Self.number(z),
      "a = \(name)(z) = \(name)(\(Self.number(z))) = " + Self.number(a),
    ]
    formulaLines = lines
    var formulas = try lines.map {
      PlacedFormula(
        formula: try Formula($0, display: false, font: mathFont), size: 28, color: theme.ink, center: .zero)
    }
    var y = panel.minY
    for index in formulas.indices {
      let width = formulas[index].formula.bounds(size: 1).width
      formulas[index].size = max(16, min(28, panel.width / width))
      let box = formulas[index].box
      formulas[index].center = Point(panel.minX + box.width / 2, y + box.height / 2)
      y += box.height + 14
    }
    self.formulas = formulas
    let reach = max(3, (abs(z) * 1.3).rounded(.up))
    let yRange: ClosedRange<Double> =
      switch dense.activation {
      case .relu, .gelu: -0.6...reach
      case .sigmoid: -0.1...1.1
      case .tanh: -1.1...1.1
      }
    let plotTop = y + 30
    let plotHeight = min(panel.maxY - plotTop - 60, panel.width * 0.7)
    plot = Axes(
      x: -reach...reach, y: yRange,
      plot: Rect(
        x: panel.minX + 56, y: plotTop, width: min(panel.width - 70, plotHeight * 1.6), height: max(plotHeight, 40)),
      maxTicks: (5, 4))

    // The input picture, in the panel (top) during the forward pass.
    let side = Int(Double(sizes[0]).squareRoot().rounded())
    if side * side == sizes[0] && side >= 8 {
      let length = min(panel.width * 0.5, panel.height * 0.45)
      image = Rect(x: panel.center.x - length / 2, y: panel.minY + 30, width: length, height: length)
    } else {
      image = nil
    }
    chart = BarChart(
      values: example.probabilities, names: example.classNames,
      plot: Rect(x: panel.minX + 10, y: panel.minY + 50, width: panel.width - 20, height: min(panel.height - 110, 360)),
      range: 0...1)

    // The MLP: its own slide, the whole content area.
    let mlpArea = headings[4].content
    let formula = try Formula(
      "\\mathrm{FFN}(x) = \\mathrm{GELU}(x\\,W_1 + b_1)\\,W_2 + b_2", display: false, font: mathFont)
    var mlpFormula = PlacedFormula(formula: formula, size: 30, color: theme.ink, center: .zero)
    mlpFormula.size = min(30, mlpArea.width / formula.bounds(size: 1).width)
    mlpFormula.center = Point(mlpArea.center.x, mlpArea.minY + mlpFormula.box.height / 2)
    let mlpRegion = Rect(
      x: mlpArea.minX + mlpArea.width * 0.12, y: mlpFormula.box.maxY + 24, width: mlpArea.width * 0.76,
      height: mlpArea.maxY - mlpFormula.box.maxY - 24 - 2 * labelHeight - 24)
    let mlp = NetworkLayout(sizes: Self.mlpSizes, region: mlpRegion, maxRadius: 14, minSpacing: 64)
    self.mlp = mlp
    self.mlpFormula = mlpFormula
    let mlpBottom = mlp.bounds.maxY + 8
    let mlpNames = ["d_model = 768", "4 · d_model = 3072", "d_model = 768"]
    mlpLabels = mlpNames.enumerated().map { layer, text in
      var label = PlacedText(text, font: labelFont, color: theme.muted, measurer: m)
      label.center = Point(mlp.centers[layer][0].x, mlpBottom + labelHeight / 2)
      return label
    }
  }

  /// `w₁·x₁ + w₂·x₂ + …` with the numbers; past five terms, the three that add most (by
  /// |w·x|, in input order) and a ⋯ for the rest.
  static func terms(weights: [Double], inputs: [Double]) -> String {
    let count = weights.count
    let largest = weights.indices.sorted { abs(weights[$0] * inputs[$0]) > abs(weights[$1] * inputs[$1]) }
    let shown = count > 5 ? largest.prefix(3).sorted() : Array(0..<count)
    let products = shown.map { "\(Self.wrapped(weights[$0]))\\cdot \(Self.wrapped(inputs[$0]))" }
    return products.joined(separator: " + ") + (count > 5 ? " + \\cdots" : "")
  }

  /// Two decimals with a minus (LaTeX's `-` is set as a minus sign).
  static func number(_ value: Double) -> String {
    let text = String(format: "%.2f", abs(value))
    return (value < 0 && text != "0.00" ? "-" : "") + text
  }

  /// A factor in a product: negative numbers in parentheses.
  static func wrapped(_ value: Double) -> String {
    let text = number(value)
    return text.hasPrefix("-") ? "(\(text))" : text
  }

  /// A term added at the end: `+ 0.10` or `- 0.10`.
  static func signed(_ value: Double) -> String {
    let text = number(value)
    return text.hasPrefix("-") ? "- " + text.dropFirst() : "+ " + text
  }
}
