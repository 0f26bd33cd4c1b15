/// A colour stop of a gradient: `offset` in [0, 1] along it.
public struct GradientStop: Sendable, Hashable {
  public var offset: Double
  public var color: Color
  public init(_ offset: Double, _ color: Color) {
    self.offset = offset
    self.color = color
  }
}

/// What fills or strokes a shape.
public enum Paint: Sendable, Hashable {
  case solid(Color)
  /// A gradient along the line from `start` to `end`.
  case linearGradient(start: Point, end: Point, stops: [GradientStop])
  /// A gradient from a circle at `center` with radius 0 out to `radius`.
  case radialGradient(center: Point, radius: Double, stops: [GradientStop])

  /// The same paint with every colour's alpha multiplied by `factor`: how a node's opacity
  /// is folded into its paint instead of drawing it through a separate layer.
  public func withAlpha(_ factor: Double) -> Paint {
    guard factor != 1 else { return self }
    func faded(_ stops: [GradientStop]) -> [GradientStop] {
      stops.map { GradientStop($0.offset, $0.color.withAlpha(factor)) }
    }
    switch self {
    case .solid(let color): return .solid(color.withAlpha(factor))
    case .linearGradient(let start, let end, let stops):
      return .linearGradient(start: start, end: end, stops: faded(stops))
    case .radialGradient(let center, let radius, let stops):
      return .radialGradient(center: center, radius: radius, stops: faded(stops))
    }
  }

  /// A representative colour (the solid colour, or the first stop).
  public var baseColor: Color {
    switch self {
    case .solid(let color): return color
    case .linearGradient(_, _, let stops), .radialGradient(_, _, let stops):
      return stops.first?.color ?? .clear
    }
  }
}

/// How a line ends.
public enum LineCap: Sendable, Hashable { case butt, round, square }
/// How two segments of a line meet.
public enum LineJoin: Sendable, Hashable { case miter, round, bevel }

/// How a path is stroked.
public struct StrokeStyle: Sendable, Hashable {
  public var width: Double
  public var cap: LineCap
  public var join: LineJoin
  /// Alternating on/off lengths; empty for a solid line.
  public var dash: [Double]
  public var dashOffset: Double

  public init(
    width: Double = 2, cap: LineCap = .round, join: LineJoin = .round,
    dash: [Double] = [], dashOffset: Double = 0
  ) {
    self.width = width
    self.cap = cap
    self.join = join
    self.dash = dash
    self.dashOffset = dashOffset
  }
}
