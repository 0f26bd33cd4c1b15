import Canvas

/// Several node values placed together: arranged in a row, a column or a grid, centred or
/// set beside a box, before they are recorded.
///
/// A layout helper: it computes the members' positions from their measured boxes. Pass the
/// arranged `nodes` to the recorder, or to `SceneRecorder.group` to make them one node
/// that animates as a unit.
///
/// ```swift
/// let labels = Group(words.map { .text($0, font: font, color: ink, measurer: m) })
///   .arranged(.row, spacing: 24)
///   .centered(at: Point(960, 200))
/// ```
public struct Group: Sendable, Hashable {
  public enum Axis: Sendable, Hashable { case row, column }
  /// How members line up across the arrangement's axis.
  public enum Alignment: Sendable, Hashable { case start, center, end }

  public var nodes: [Node]

  public init(_ nodes: [Node]) { self.nodes = nodes }

  /// The box around every member (`.zero` when empty).
  public var bounds: Rect {
    guard let first = nodes.first else { return .zero }
    return nodes.dropFirst().reduce(first.bounds) { $0.union($1.bounds) }
  }

  /// Members one after another, left to right (`row`) or top to bottom (`column`),
  /// `spacing` apart, starting where the first member is.
  public func arranged(_ axis: Axis, spacing: Double = 16, alignment: Alignment = .center) -> Group {
    guard let first = nodes.first else { return self }
    let start = first.bounds
    var cursor = axis == .row ? start.minX : start.minY
    let cross =
      axis == .row
      ? (alignment == .start ? start.minY : alignment == .end ? start.maxY : start.center.y)
      : (alignment == .start ? start.minX : alignment == .end ? start.maxX : start.center.x)
    return Group(
      nodes.map { node in
        let box = node.bounds
        var placed: Node
        switch axis {
        case .row:
          placed = node.aligned(.left, to: cursor)
          switch alignment {
          case .start: placed = placed.aligned(.up, to: cross)
          case .end: placed = placed.aligned(.down, to: cross)
          case .center: placed.position.y += cross - box.center.y
          }
          cursor += box.width + spacing
        case .column:
          placed = node.aligned(.up, to: cursor)
          switch alignment {
          case .start: placed = placed.aligned(.left, to: cross)
          case .end: placed = placed.aligned(.right, to: cross)
          case .center: placed.position.x += cross - box.center.x
          }
          cursor += box.height + spacing
        }
        return placed
      })
  }

  /// Members in rows of `columns`, each centred in a cell as large as the largest member.
  public func arrangedInGrid(columns: Int, spacing: Double = 16) -> Group {
    guard let first = nodes.first, columns > 0 else { return self }
    let cellWidth = nodes.map(\.bounds.width).max() ?? 0
    let cellHeight = nodes.map(\.bounds.height).max() ?? 0
    let origin = first.bounds.origin
    return Group(
      nodes.enumerated().map { index, node in
        let row = index / columns
        let column = index % columns
        return node.centered(
          at: Point(
            origin.x + (cellWidth + spacing) * Double(column) + cellWidth / 2,
            origin.y + (cellHeight + spacing) * Double(row) + cellHeight / 2))
      })
  }

  /// The group moved so its box is centred on `point`.
  public func centered(at point: Point) -> Group {
    let offset = point - bounds.center
    return shifted(by: offset)
  }

  /// The group moved so its box sits beside `other` on `side`, `spacing` apart.
  public func next(to other: Rect, _ side: Direction, spacing: Double = 16) -> Group {
    let box = bounds
    let moved = Node.rectangle(width: box.width, height: box.height, at: box.center)
      .next(to: other, side, spacing: spacing)
    return shifted(by: moved.position - box.center)
  }

  public func shifted(by offset: Point) -> Group {
    Group(
      nodes.map { node in
        var moved = node
        moved.position = moved.position + offset
        return moved
      })
  }
}
