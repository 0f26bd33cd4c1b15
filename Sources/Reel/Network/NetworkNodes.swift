import Canvas

/// A network on screen: one bundle of edges per pair of layers beneath the neurons, the
/// neurons (circles) and the ⋮ of elided layers, all in one group.
public struct NetworkNodes: Sendable {
  public let layout: NetworkLayout
  public let group: Node
  /// `edges[l]`: the edges between layer `l` and `l + 1`, one node.
  public let edges: [Node]
  /// `neurons[l][slot]`: the circle of each shown neuron (`nil` at a ⋮ slot).
  public let neurons: [[Node?]]
  /// The ⋮ of each elided layer.
  public let gaps: [Node]

  /// The circle of neuron `neuron` of `layer`, if shown.
  public func neuron(layer: Int, _ neuron: Int) -> Node? {
    layout.shown[layer].firstIndex(of: neuron).flatMap { neurons[layer][$0] }
  }
}

/// How a network is drawn.
public struct NetworkStyle: Sendable {
  public var neuronFill: Color
  public var neuronStroke: Color
  public var positive: Color
  public var negative: Color
  public var gapColor: Color
  public var gapFont: Font

  public init(
    neuronFill: Color, neuronStroke: Color, positive: Color, negative: Color, gapColor: Color, gapFont: Font
  ) {
    self.neuronFill = neuronFill
    self.neuronStroke = neuronStroke
    self.positive = positive
    self.negative = negative
    self.gapColor = gapColor
    self.gapFont = gapFont
  }
}

extension SceneRecorder {
  /// Makes a network from `layout`: edges coloured and sized by `weight(layer, from, to)`
  /// (positive and negative in their two colours, wider and more opaque the larger |w|),
  /// the ⋮ of elided layers with a faint fan of edges standing for theirs, and the
  /// neurons on top. Made, not shown.
  public mutating func network(
    _ layout: NetworkLayout, style: NetworkStyle, measurer: TextMeasurer,
    weight: (_ layer: Int, _ from: Int, _ to: Int) -> Double
  ) throws -> NetworkNodes {
    var edges: [Node] = []
    for layer in 0..<(layout.sizes.count - 1) {
      var list = layout.edges(after: layer) { weight(layer, $0, $1) }
      let scale = max(list.map { abs($0.weight) }.max() ?? 1, 1e-12)
      // Edges of elided neurons: a faint fan from each ⋮, weight a fifth of the largest.
      let faint = scale * 0.2
      if let gap = layout.gap(layer: layer) {
        for b in layout.centers[layer + 1] where b != layout.gap(layer: layer + 1) {
          let (start, end) = layout.edge(from: gap, to: b)
          list.append(EdgeBundle.Edge(from: start, to: end, weight: faint))
        }
      }
      if let gap = layout.gap(layer: layer + 1) {
        for a in layout.centers[layer] where a != layout.gap(layer: layer) {
          let (start, end) = layout.edge(from: a, to: gap)
          list.append(EdgeBundle.Edge(from: start, to: end, weight: faint))
        }
      }
      let bundle = EdgeBundle(edges: list, positive: style.positive, negative: style.negative, scale: scale)
      let box = bundle.localBounds
      var centred = bundle
      centred.edges = bundle.edges.map {
        EdgeBundle.Edge(from: $0.from - box.center, to: $0.to - box.center, weight: $0.weight)
      }
      edges.append(make(Node(.edges(centred), at: box.center)))
    }
    var neurons: [[Node?]] = []
    var gaps: [Node] = []
    for (layer, slots) in layout.shown.enumerated() {
      neurons.append(
        slots.enumerated().map { slot, neuron in
          let center = layout.centers[layer][slot]
          guard neuron != nil else {
            gaps.append(make(.text("⋮", font: style.gapFont, color: style.gapColor, at: center, measurer: measurer)))
            return nil
          }
          return make(
            .circle(
              radius: layout.radius, at: center, fill: style.neuronFill, stroke: style.neuronStroke,
              strokeWidth: max(1.5, layout.radius * 0.1)))
        })
    }
    let group = try self.group(edges + neurons.flatMap { $0.compactMap { $0 } } + gaps)
    return NetworkNodes(layout: layout, group: group, edges: edges, neurons: neurons, gaps: gaps)
  }
}
