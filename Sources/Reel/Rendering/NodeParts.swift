/// Which parts of a node are drawn: all of it, or, for a heatmap redrawn where only some of
/// its cells may have changed, the cells listed (by index, `row * columns + column`). A frame
/// drawn over the last leaves out the parts that touch none of the pixels being redrawn, so
/// those pixels come out as a full drawing makes them.
public enum NodeParts: Sendable, Equatable {
  case all
  case cells(Set<Int>)

  /// Whether cell `index` of a heatmap is drawn.
  func includes(cell index: Int) -> Bool {
    switch self {
    case .all: return true
    case .cells(let cells): return cells.contains(index)
    }
  }
}
