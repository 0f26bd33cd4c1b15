import Canvas

/// Many weighted edges drawn as one node, in one batched pass: edges are sorted into a few
/// buckets by sign and strength, each bucket's paint and width set once and its segments
/// stroked one after another, so the 12,544 edges of a 784-16-16-10 network cost no node,
/// layer or paint of their own.
public struct EdgeBundle: Sendable, Hashable {
  /// One edge: its ends in the bundle's local coordinates, and its weight.
  public struct Edge: Sendable, Hashable {
    public var from: Point
    public var to: Point
    public var weight: Double

    public init(from: Point, to: Point, weight: Double) {
      self.from = from
      self.to = to
      self.weight = weight
    }
  }

  public var edges: [Edge]
  public var positive: Color
  public var negative: Color
  /// Widths and opacities at |weight| = 0 and at the largest |weight|.
  public var widths: ClosedRange<Double>
  public var opacities: ClosedRange<Double>
  /// The |weight| drawn widest and most opaque.
  public var scale: Double

  /// Strength levels edges are sorted into.
  static let levels = 8

  public init(
    edges: [Edge], positive: Color, negative: Color, widths: ClosedRange<Double> = 0.6...4,
    opacities: ClosedRange<Double> = 0.12...0.9, scale: Double? = nil
  ) {
    self.edges = edges
    self.positive = positive
    self.negative = negative
    self.widths = widths
    self.opacities = opacities
    self.scale = scale ?? max(edges.map { abs($0.weight) }.max() ?? 1, 1e-12)
  }

  public var localBounds: Rect {
    guard let first = edges.first else { return .zero }
    return edges.reduce(Rect(center: first.from, size: .zero)) {
      $0.union(Rect(center: $1.from, size: .zero)).union(Rect(center: $1.to, size: .zero))
    }
  }

  /// The strength level (0 ..< levels) of `weight`.
  func level(_ weight: Double) -> Int {
    min(Self.levels - 1, Int(abs(weight) / scale * Double(Self.levels)))
  }

  /// The width and opacity edges of `level` are drawn with.
  func style(level: Int) -> (width: Double, opacity: Double) {
    let t = (Double(level) + 0.5) / Double(Self.levels)
    return (
      widths.lowerBound + (widths.upperBound - widths.lowerBound) * t,
      opacities.lowerBound + (opacities.upperBound - opacities.lowerBound) * t
    )
  }

  /// The segments to stroke, grouped by sign and level, each part of the way (`reveal`)
  /// from its start to its end, with the colour, width and opacity of their group.
  func buckets(reveal: Double) -> [(segments: [(Point, Point)], color: Color, width: Double, opacity: Double)] {
    var groups: [Int: [(Point, Point)]] = [:]
    for edge in edges {
      let key = level(edge.weight) * 2 + (edge.weight < 0 ? 1 : 0)
      let end = Point(
        edge.from.x + (edge.to.x - edge.from.x) * reveal, edge.from.y + (edge.to.y - edge.from.y) * reveal)
      groups[key, default: []].append((edge.from, end))
    }
    return groups.keys.sorted().compactMap { key in
      guard let segments = groups[key] else { return nil }
      let (width, opacity) = style(level: key / 2)
      return (segments, key % 2 == 0 ? positive : negative, width, opacity)
    }
  }
}
