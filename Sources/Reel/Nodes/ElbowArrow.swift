import Canvas

extension SceneRecorder {
  /// Makes an arrow along straight segments through `points` (at least two), its
  /// triangular head at the last point: for arrows that turn corners around what lies
  /// between their ends. One group of two nodes, the line and the head; `create` draws
  /// the line and then the head appears. Made, not shown.
  public mutating func elbowArrow(
    through points: [Point], color: Color, width: Double = 3, tipLength: Double = 16
  ) throws -> Node {
    guard points.count >= 2, let last = points.last else {
      throw RecordingError("an arrow needs at least two points")
    }
    let before = points[points.count - 2]
    let length = max(before.distance(to: last), 1e-9)
    let direction = (last - before) * (1 / length)
    let normal = Point(-direction.y, direction.x)
    let base = last - direction * min(tipLength, length)
    var line = Path()
    line.move(to: points[0])
    for point in points.dropFirst().dropLast() { line.line(to: point) }
    line.line(to: base)
    let head = Path.polygon([last, base + normal * (tipLength * 0.45), base - normal * (tipLength * 0.45)])
    return try group([make(.path(line, stroke: color, strokeWidth: width)), make(.path(head, fill: color))])
  }
}
