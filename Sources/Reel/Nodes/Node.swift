import Canvas

/// One thing on screen — a shape, a line of text, a heatmap — and how it is placed and styled.
///
/// Nodes are values: an animation never mutates a node, it computes the node's state at a
/// time. `content` is in local coordinates, centred on the origin; `position`, `scale` and
/// `rotation` place it in the frame.
public struct Node: Sendable, Hashable {
  /// Set when the node is registered with a `SceneRecorder`.
  public internal(set) var id: NodeID?
  public var content: NodeContent
  /// Where the local origin (the content's centre) lands in the frame.
  public var position: Point
  public var scale: Double = 1
  /// Radians, clockwise on screen.
  public var rotation: Double = 0
  /// Fill of shapes; the colour of text.
  public var fill: Paint?
  public var stroke: Paint?
  public var strokeStyle = StrokeStyle()
  public var opacity: Double = 1
  /// Drawing order: higher is in front; equal values keep the order nodes were registered.
  public var zIndex: Int = 0
  /// How much of the node is drawn, 0…1: a path's length, text's glyphs, a heatmap's rows.
  /// `create` and `write` animate it.
  public var reveal: Double = 1

  public init(
    _ content: NodeContent, at position: Point = .zero, fill: Paint? = nil,
    stroke: Paint? = nil, strokeStyle: StrokeStyle = StrokeStyle()
  ) {
    self.content = content
    self.position = position
    self.fill = fill
    self.stroke = stroke
    self.strokeStyle = strokeStyle
  }

  /// The transform from local coordinates to the frame.
  public var transform: Transform {
    Transform.scale(scale, scale)
      .concatenating(.rotation(rotation))
      .concatenating(.translation(position.x, position.y))
  }

  /// The node's box in the frame (the bounding box when rotated).
  public var bounds: Rect { content.localBounds.applying(transform) }
}

// MARK: - Making nodes

extension Node {
  /// A rectangle of the given size, optionally with rounded corners.
  public static func rectangle(
    width: Double, height: Double, cornerRadius: Double = 0,
    at position: Point = .zero, fill: Color? = nil,
    stroke: Color? = nil, strokeWidth: Double = 2
  ) -> Node {
    let path = Path.rectangle(
      Rect(x: -width / 2, y: -height / 2, width: width, height: height),
      cornerRadius: cornerRadius)
    return Node(
      .shape(path), at: position, fill: fill.map(Paint.solid),
      stroke: stroke.map(Paint.solid), strokeStyle: StrokeStyle(width: strokeWidth))
  }

  public static func circle(
    radius: Double, at position: Point = .zero, fill: Color? = nil,
    stroke: Color? = nil, strokeWidth: Double = 2
  ) -> Node {
    Node(
      .shape(.circle(center: .zero, radius: radius)), at: position, fill: fill.map(Paint.solid),
      stroke: stroke.map(Paint.solid), strokeStyle: StrokeStyle(width: strokeWidth))
  }

  /// A straight line between two points in the frame.
  public static func line(from a: Point, to b: Point, color: Color, width: Double = 2) -> Node {
    let mid = a.interpolated(to: b, 0.5)
    return Node(
      .shape(.line(from: a - mid, to: b - mid)), at: mid, stroke: .solid(color),
      strokeStyle: StrokeStyle(width: width))
  }

  /// A line with a filled triangular head at `b`.
  public static func arrow(
    from a: Point, to b: Point, color: Color, width: Double = 3,
    tipLength: Double = 18
  ) -> Node {
    let mid = a.interpolated(to: b, 0.5)
    let (p, q) = (a - mid, b - mid)
    let length = max(p.distance(to: q), 1e-9)
    let direction = (q - p) * (1 / length)
    let normal = Point(-direction.y, direction.x)
    let base = q - direction * tipLength
    var path = Path.line(from: p, to: base)
    path.append(.polygon([q, base + normal * (tipLength * 0.45), base - normal * (tipLength * 0.45)]))
    return Node(
      .shape(path), at: mid, fill: .solid(color), stroke: .solid(color),
      strokeStyle: StrokeStyle(width: width))
  }

  /// A closed polygon through points given in the frame.
  public static func polygon(_ points: [Point], fill: Color? = nil, stroke: Color? = nil) -> Node {
    path(.polygon(points), fill: fill, stroke: stroke)
  }

  /// Any path given in frame coordinates; it is re-centred on its bounding box.
  public static func path(
    _ path: Path, fill: Color? = nil, stroke: Color? = nil,
    strokeWidth: Double = 2
  ) -> Node {
    let center = path.bounds.center
    return Node(
      .shape(path.applying(.translation(-center.x, -center.y))), at: center,
      fill: fill.map(Paint.solid), stroke: stroke.map(Paint.solid),
      strokeStyle: StrokeStyle(width: strokeWidth))
  }

  /// One line of text, measured now so layout and animation never guess its size.
  public static func text(
    _ string: String, font: Font, color: Color, at position: Point = .zero,
    measurer: TextMeasurer
  ) -> Node {
    let metrics = measurer.measure(string, font: font)
    return Node(
      .text(TextContent(string: string, font: font, metrics: metrics)), at: position,
      fill: .solid(color))
  }
}

// MARK: - Placing nodes

/// A side of a box, for placing one thing next to another.
public enum Direction: Sendable, Hashable {
  case left, right, up, down
}

extension Node {
  /// The node moved so its box sits beside `other` on `side`, `spacing` apart, centred on
  /// the other axis.
  public func next(to other: Rect, _ side: Direction, spacing: Double = 16) -> Node {
    var copy = self
    let box = bounds
    let offset = Point(position.x - box.center.x, position.y - box.center.y)
    let center: Point
    switch side {
    case .left: center = Point(other.minX - spacing - box.width / 2, other.center.y)
    case .right: center = Point(other.maxX + spacing + box.width / 2, other.center.y)
    case .up: center = Point(other.center.x, other.minY - spacing - box.height / 2)
    case .down: center = Point(other.center.x, other.maxY + spacing + box.height / 2)
    }
    copy.position = center + offset
    return copy
  }

  /// The node moved so its box's `edge` lies at `value` (x for left/right, y for up/down).
  public func aligned(_ edge: Direction, to value: Double) -> Node {
    var copy = self
    let box = bounds
    switch edge {
    case .left: copy.position.x += value - box.minX
    case .right: copy.position.x += value - box.maxX
    case .up: copy.position.y += value - box.minY
    case .down: copy.position.y += value - box.maxY
    }
    return copy
  }

  /// The node moved so its box is centred on `point`.
  public func centered(at point: Point) -> Node {
    var copy = self
    let box = bounds
    copy.position = copy.position + (point - box.center)
    return copy
  }
}
