import Canvas
import Foundation
import MathType
import Reel
import TensorMath

/// A neural network as neurons and weighted edges, with a real forward pass: the layers
/// and their connections (colour and width by weight), one neuron's weighted sum and
/// activation written out with its numbers and plotted, the values propagating layer by
/// layer (each neuron shaded by its value), the output's softmax as bars, and the MLP of a
/// transformer block at its real sizes.
///
/// Every number comes from `DenseNetwork` (seeded He/Xavier weights); the edges of each
/// pair of layers are one node drawn in one batched pass, so MNIST's 784-16-16-10 draws
/// fast.
public struct NeuronDiagramScene: ReelScene {
  public static let name = "neuron-diagram"
  public static let summary = "A neural network's neurons and weights, one neuron's sum, a real forward pass, softmax"

  public let example: NeuronExample

  public init(options: NeuronDiagramOptions) throws {
    try options.validate()
    example = NeuronExample(
      sizes: options.layers, activation: options.activation, seed: options.seed, input: options.input)
  }

  public func layout(frame: Size, theme: Theme, measurer: TextMeasurer) throws -> NeuronLayout {
    try NeuronLayout(example: example, frame: frame, theme: theme, mathFont: try MathFont(), measurer: measurer)
  }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let mathFont = try MathFont()
    let layout = try NeuronLayout(
      example: example, frame: scene.frameSize, theme: scene.theme, mathFont: mathFont, measurer: m)
    var recording = NeuronRecording(
      example: example, layout: layout, theme: scene.theme, mathFont: mathFont, measurer: m)
    try recording.record(into: &scene)
  }

  /// A neuron's fill for `value`, against the largest |value| of its layer: from the
  /// surface colour to the positive colour (or the negative one below 0).
  public static func shade(_ value: Double, largest: Double, theme: Theme) -> Color {
    let t = min(1, abs(value) / max(largest, 1e-12))
    return theme.surface.interpolated(to: value < 0 ? theme.accent : theme.primary, t)
  }
}

/// The recording of one clip.
private struct NeuronRecording {
  let example: NeuronExample
  let layout: NeuronLayout
  let theme: Theme
  let mathFont: MathFont
  let m: TextMeasurer
  var stage = SlideStage()
  /// The network's layer labels, and the network with what is drawn on it (value labels),
  /// kept from section to section.
  var layerLabels: [Node] = []
  var onNetwork: [Node] = []

  init(example: NeuronExample, layout: NeuronLayout, theme: Theme, mathFont: MathFont, measurer: TextMeasurer) {
    self.example = example
    self.layout = layout
    self.theme = theme
    self.mathFont = mathFont
    m = measurer
  }

  var style: NetworkStyle {
    NetworkStyle(
      neuronFill: theme.surface, neuronStroke: theme.muted, positive: theme.primary, negative: theme.accent,
      gapColor: theme.muted, gapFont: Font(size: 28, weight: .bold))
  }

  mutating func record(into scene: inout SceneRecorder) throws {
    let footnote = scene.make(layout.footnote.node(measurer: m))
    let net = try network(&scene, footnote: footnote)
    try neuron(&scene, net: net)
    try forward(&scene, net: net)
    try output(&scene, net: net)
    try mlp(&scene)
  }

  // MARK: Helpers

  /// Starts `section`: the last heading and what is on screen leave, except `kept`.
  mutating func begin(_ section: NeuronSection, keeping kept: [Node] = [], in scene: inout SceneRecorder) {
    stage.begin(section.name, heading: layout.headings[section.rawValue], keeping: kept, in: &scene, measurer: m)
  }

  mutating func make(_ node: Node, in scene: inout SceneRecorder) -> Node { stage.make(node, in: &scene) }

  mutating func make(_ formula: PlacedFormula, in scene: inout SceneRecorder) throws -> Node {
    try stage.make(formula, in: &scene)
  }

  /// The largest |value| of each layer (probabilities for the output layer).
  var largest: [Double] {
    example.values.indices.map { layer in
      let values = layer == example.values.count - 1 ? example.probabilities : example.values[layer]
      return values.map(abs).max() ?? 1
    }
  }

  /// The value neuron `neuron` of `layer` is shaded by (probabilities for the output).
  func value(layer: Int, _ neuron: Int) -> Double {
    layer == example.values.count - 1 ? example.probabilities[neuron] : example.values[layer][neuron]
  }

  // MARK: Sections

  /// The layers one by one, then their connections.
  mutating func network(_ scene: inout SceneRecorder, footnote: Node) throws -> NetworkNodes {
    let weights = example.network.weights
    begin(.network, in: &scene)
    scene.play(.fadeIn(footnote), duration: 0.3)
    let net = try scene.network(layout.network, style: style, measurer: m) { layer, i, j in
      Double(weights[layer][j, i])
    }
    stage.note([net.group])
    let labels = layout.layerLabels.map { make($0.node(measurer: m), in: &scene) }
    layerLabels = labels
    for layer in net.neurons.indices {
      let circles = net.neurons[layer].compactMap { $0 }
      let gap = net.gaps.filter { gap in net.layout.gap(layer: layer).map { gap.position.distance(to: $0) < 1 } ?? false
      }
      scene.play(
        .laggedStart(circles.map { .fadeIn($0, shift: Point(0, 8)) } + gap.map { .fadeIn($0) }, lagRatio: 0.08),
        .fadeIn(labels[layer]), duration: 0.7)
    }
    for edges in net.edges { scene.play(.create(edges), duration: 0.9, rate: .linear) }
    scene.wait(1.5)
    return net
  }

  /// One neuron's incoming edges light up; its sum and activation appear with their
  /// numbers and on a plot; its value lands in the neuron.
  mutating func neuron(_ scene: inout SceneRecorder, net: NetworkNodes) throws {
    begin(.neuron, keeping: [net.group] + layerLabels, in: &scene)
    let j = layout.focus
    guard let target = net.neuron(layer: 1, j), let end = net.layout.center(layer: 1, neuron: j) else { return }
    let highlights = net.layout.shown[0].enumerated().compactMap { slot, i -> Node? in
      guard i != nil else { return nil }
      let (a, b) = net.layout.edge(from: net.layout.centers[0][slot], to: end)
      return make(.line(from: a, to: b, color: theme.highlight, width: 4), in: &scene)
    }
    scene.play(
      .fade(net.edges, to: 0.25), .laggedStart(highlights.map { .create($0) }, lagRatio: 0.1),
      .indicate(target, color: theme.highlight, scale: 1.15), duration: 1.2)
    let formulas = try layout.formulas.map { try make($0, in: &scene) }
    for formula in formulas.prefix(2) { scene.play(.write(formula), duration: 1.2, rate: .linear) }
    // The activation function, with the point (z, a) marked.
    let activation = example.network.activation
    let graph = FunctionGraph(axes: layout.plot) { activation($0) }
    let curve = scene.make(.path(graph.path, stroke: theme.secondary, strokeWidth: 3))
    let z = example.sum(into: j)
    let a = activation(z)
    let point = layout.plot.point(x: z, y: a)
    let dot = scene.make(.circle(radius: 8, at: point, fill: theme.highlight, stroke: theme.ink, strokeWidth: 1.5))
    var guide = Node.line(
      from: Point(point.x, layout.plot.point(x: 0, y: 0).y), to: point, color: theme.muted, width: 1.5)
    guide.strokeStyle.dash = [6, 5]
    let guideNode = scene.make(guide)
    let axes = try scene.axes(
      layout.plot, style: AxesStyle(font: Font(size: 18), color: theme.muted, labelColor: theme.muted),
      xLabel: "z", yLabel: activation.displayName, curves: [curve, guideNode, dot], mathFont: mathFont, measurer: m)
    stage.note([axes.group])
    scene.play(.fadeIn(axes.group), duration: 0.5)
    scene.play(.create(curve), duration: 1.0, rate: .linear)
    scene.play(.create(guideNode), .fadeIn(dot, shift: Point(0, -10)), duration: 0.6)
    scene.play(.write(formulas[2]), duration: 1.2, rate: .linear)
    // The value lands in the neuron.
    var landed = [Animation.recolor([target], fill: NeuronDiagramScene.shade(a, largest: largest[1], theme: theme))]
    if let font = layout.valueFont {
      let ink = MatrixCells.ink(on: NeuronDiagramScene.shade(a, largest: largest[1], theme: theme))
      let label = make(
        .text(
          NeuronLayout.number(a).replacingOccurrences(of: "-", with: "\u{2212}"), font: font, color: ink, at: end,
          measurer: m), in: &scene)
      landed.append(.fadeIn(label, shift: end - point))
    }
    scene.play(landed, duration: 0.9)
    scene.wait(1.5)
    scene.play(.fade(net.edges, to: 1), .fadeOut(highlights), duration: 0.4)
    stage.forget(highlights)
  }

  /// Every neuron shaded by its value, layer by layer; values printed in large circles.
  mutating func forward(_ scene: inout SceneRecorder, net: NetworkNodes) throws {
    begin(.forward, keeping: [net.group] + layerLabels, in: &scene)
    onNetwork = [net.group] + layerLabels
    if let image = layout.image {
      let side = Int(Double(example.input.count).squareRoot().rounded())
      let rows = (0..<side).map { r in (0..<side).map { c in example.input[r * side + c] as Double? } }
      let picture = make(
        Node(
          .heatmap(
            HeatmapContent(
              values: rows, colormap: .viridis, range: 0...1,
              cellSize: Size(image.width / Double(side), image.height / Double(side)), gap: 0)), at: image.center),
        in: &scene)
      var caption = PlacedText(
        "the input: \(side) × \(side) pixels", font: Font(size: 20), color: theme.muted, measurer: m)
      caption.center = Point(image.center.x, image.maxY + 12 + caption.size.height / 2)
      let label = make(caption.node(measurer: m), in: &scene)
      scene.play(.create(picture), .fadeIn(label), duration: 1.0)
    }
    for layer in net.neurons.indices {
      var animations: [Animation] = []
      for (slot, neuron) in net.layout.shown[layer].enumerated() {
        guard let neuron, let circle = net.neurons[layer][slot] else { continue }
        let v = value(layer: layer, neuron)
        animations.append(.recolor([circle], fill: NeuronDiagramScene.shade(v, largest: largest[layer], theme: theme)))
        if let font = layout.valueFont {
          let text = NeuronLayout.number(v).replacingOccurrences(of: "-", with: "\u{2212}")
          // Black or white, whichever reads on the neuron's shade.
          let ink = MatrixCells.ink(on: NeuronDiagramScene.shade(v, largest: largest[layer], theme: theme))
          let label = make(
            .text(text, font: font, color: ink, at: net.layout.centers[layer][slot], measurer: m), in: &scene)
          onNetwork.append(label)
          animations.append(.fadeIn(label))
        }
      }
      if layer > 0 { scene.play(.indicate(net.edges[layer - 1], color: theme.highlight, scale: 1), duration: 0.5) }
      scene.play(.laggedStart(animations, lagRatio: 0.04), duration: 0.8)
    }
    scene.wait(1.5)
  }

  /// The output layer's softmax as bars, each named by its class.
  mutating func output(_ scene: inout SceneRecorder, net: NetworkNodes) throws {
    begin(.output, keeping: onNetwork, in: &scene)
    let chart = try scene.barChart(
      layout.chart, color: theme.primary, ink: theme.ink, muted: theme.muted,
      font: Font(size: example.probabilities.count > 6 ? 18 : 22), measurer: m)
    stage.note([chart.group])
    let last = net.layout.shown.count - 1
    let circles = net.neurons[last].compactMap { $0 }
    scene.play(
      .laggedStart(circles.map { .indicate($0, color: theme.highlight, scale: 1.15) }, lagRatio: 0.1), duration: 0.8)
    scene.play(.fadeIn(chart.baseline), .fadeIn(chart.names), duration: 0.5)
    scene.play(
      .laggedStart(zip(chart.bars, chart.values).map { .fadeIn([$0.0, $0.1], shift: Point(0, 12)) }, lagRatio: 0.15),
      duration: 1.2)
    if let best = example.probabilities.indices.max(by: { example.probabilities[$0] < example.probabilities[$1] }) {
      scene.play(.recolor([chart.bars[best]], fill: theme.accent), .indicate(chart.values[best]), duration: 0.8)
    }
    scene.wait(2.0)
  }

  /// The transformer block's MLP at GPT-2 small's sizes, elided.
  mutating func mlp(_ scene: inout SceneRecorder) throws {
    begin(.mlp, in: &scene)
    let formula = try make(layout.mlpFormula, in: &scene)
    scene.play(.write(formula), duration: 1.2, rate: .linear)
    // Weights for the edges shown only: seeded per edge, He-scaled for GELU.
    let sizes = NeuronLayout.mlpSizes
    let net = try scene.network(layout.mlp, style: style, measurer: m) { layer, i, j in
      var generator = SeededGenerator(seed: 89, key: "mlp \(layer) \(i) \(j)")
      return generator.nextNormal() * (2 / Double(sizes[layer])).squareRoot()
    }
    stage.note([net.group])
    let labels = layout.mlpLabels.map { make($0.node(measurer: m), in: &scene) }
    scene.play(.fadeIn(net.group), .laggedStart(labels.map { .fadeIn($0) }, lagRatio: 0.3), duration: 1.0)
    for edges in net.edges { scene.play(.create(edges), duration: 0.8, rate: .linear) }
    scene.wait(2.5)
  }
}
