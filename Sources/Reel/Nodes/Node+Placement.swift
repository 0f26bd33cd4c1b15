import Canvas

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

  /// A text node moved up or down so its baseline (the line its letters sit on) lies at
  /// `y`: how labels of different sizes line up. Other nodes align their centre.
  public func aligningBaseline(to y: Double) -> Node {
    var copy = self
    guard case .text(let text) = content else {
      copy.position.y += y - bounds.center.y
      return copy
    }
    copy.position.y += y - transform.apply(Point(0, text.baseline)).y
    return copy
  }
}
