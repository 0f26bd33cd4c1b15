import Foundation

/// One step of a path.
public enum PathElement: Sendable, Hashable {
  case move(Point)
  case line(Point)
  /// A cubic Bézier curve with two control points, ending at `to`.
  case curve(Point, Point, to: Point)
  case close
}

/// A vector path: straight lines and cubic Béziers, in user space.
///
/// Paths are plain values so the engine can measure, trim and morph them without a
/// drawing surface; `Canvas` turns them into Cairo paths only when drawing.
public struct Path: Sendable, Hashable {
  public var elements: [PathElement]

  public init(_ elements: [PathElement] = []) { self.elements = elements }

  public var isEmpty: Bool { elements.isEmpty }

  public mutating func move(to p: Point) { elements.append(.move(p)) }
  public mutating func line(to p: Point) { elements.append(.line(p)) }
  public mutating func curve(_ c1: Point, _ c2: Point, to p: Point) {
    elements.append(.curve(c1, c2, to: p))
  }
  public mutating func close() { elements.append(.close) }

  /// Appends another path's elements.
  public mutating func append(_ other: Path) { elements += other.elements }

  /// A straight segment.
  public static func line(from a: Point, to b: Point) -> Path { Path([.move(a), .line(b)]) }

  /// A closed polygon through `points`.
  public static func polygon(_ points: [Point]) -> Path {
    guard let first = points.first else { return Path() }
    return Path([.move(first)] + points.dropFirst().map { .line($0) } + [.close])
  }

  /// A rectangle, optionally with corners rounded by `cornerRadius` (clamped to fit).
  public static func rectangle(_ rect: Rect, cornerRadius: Double = 0) -> Path {
    let r = min(max(cornerRadius, 0), rect.width / 2, rect.height / 2)
    guard r > 0 else {
      return .polygon([
        Point(rect.minX, rect.minY), Point(rect.maxX, rect.minY),
        Point(rect.maxX, rect.maxY), Point(rect.minX, rect.maxY),
      ])
    }
    var path = Path()
    path.move(to: Point(rect.minX + r, rect.minY))
    path.line(to: Point(rect.maxX - r, rect.minY))
    path.append(arc(center: Point(rect.maxX - r, rect.minY + r), radius: r, from: -.pi / 2, to: 0, connect: true))
    path.line(to: Point(rect.maxX, rect.maxY - r))
    path.append(arc(center: Point(rect.maxX - r, rect.maxY - r), radius: r, from: 0, to: .pi / 2, connect: true))
    path.line(to: Point(rect.minX + r, rect.maxY))
    path.append(arc(center: Point(rect.minX + r, rect.maxY - r), radius: r, from: .pi / 2, to: .pi, connect: true))
    path.line(to: Point(rect.minX, rect.minY + r))
    path.append(arc(center: Point(rect.minX + r, rect.minY + r), radius: r, from: .pi, to: 1.5 * .pi, connect: true))
    path.close()
    return path
  }

  /// A full circle, starting at the rightmost point and running clockwise on screen.
  public static func circle(center: Point, radius: Double) -> Path {
    var path = arc(center: center, radius: radius, from: 0, to: 2 * .pi)
    path.close()
    return path
  }

  /// A circular arc from angle `start` to `end` (radians, clockwise on screen when
  /// `end > start`), as cubic Béziers of at most a quarter turn each.
  /// With `connect`, the arc continues the current subpath instead of starting a new one.
  public static func arc(
    center: Point, radius: Double, from start: Double, to end: Double,
    connect: Bool = false
  ) -> Path {
    let pieces = max(1, Int((abs(end - start) / (.pi / 2)).rounded(.up)))
    let step = (end - start) / Double(pieces)
    // Control-point distance for a Bézier approximating an arc of angle `step`.
    let k = 4.0 / 3.0 * tan(step / 4) * radius
    func point(_ angle: Double) -> Point {
      Point(center.x + radius * cos(angle), center.y + radius * sin(angle))
    }
    var path = Path()
    let first = point(start)
    path.elements.append(connect ? .line(first) : .move(first))
    for index in 0..<pieces {
      let a0 = start + Double(index) * step
      let a1 = a0 + step
      let p0 = point(a0)
      let p1 = point(a1)
      let c1 = Point(p0.x - k * sin(a0), p0.y + k * cos(a0))
      let c2 = Point(p1.x + k * sin(a1), p1.y - k * cos(a1))
      path.curve(c1, c2, to: p1)
    }
    return path
  }

  /// The path with every point moved by `transform`.
  public func applying(_ transform: Transform) -> Path {
    Path(
      elements.map { element in
        switch element {
        case .move(let p): return .move(transform.apply(p))
        case .line(let p): return .line(transform.apply(p))
        case .curve(let c1, let c2, let p):
          return .curve(transform.apply(c1), transform.apply(c2), to: transform.apply(p))
        case .close: return .close
        }
      })
  }
}
