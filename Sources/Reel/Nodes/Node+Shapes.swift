import Canvas

/// Ready-made nodes: shapes, lines, arrows and measured text.
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
