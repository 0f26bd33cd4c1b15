import Canvas

/// Lays out blocks (matrices, operators, panels) the way text flows: left to right, a new
/// line when the next block does not fit, each line centred, the lines centred in the
/// space given. Blocks on one line share an axis (the middle of a matrix's entries, the
/// bar of an `=`), so an equation reads straight across.
public struct BlockFlow: Sendable {
  /// A block's size and the height of its axis below its top.
  public struct Block: Sendable {
    public var size: Size
    public var axis: Double
    /// Whether the block starts a new line whatever room is left.
    public var startsLine: Bool
    /// Whether the block stays on the line of the block after it (an operator never ends
    /// a line: `Q` / `· Kᵀ`, not `Q ·` / `Kᵀ`).
    public var keepsWithNext: Bool

    public init(size: Size, axis: Double? = nil, startsLine: Bool = false, keepsWithNext: Bool = false) {
      self.size = size
      self.axis = axis ?? size.height / 2
      self.startsLine = startsLine
      self.keepsWithNext = keepsWithNext
    }
  }

  /// Where each block goes, in the order given.
  public let frames: [Rect]
  /// The box of every block together.
  public let bounds: Rect

  /// Flows `blocks` into `area` with `gap` between blocks and `lineGap` between lines;
  /// `nil` if they do not fit (a block wider than the area, or lines taller than it).
  public init?(_ blocks: [Block], in area: Rect, gap: Double, lineGap: Double) {
    var lines: [[Int]] = []
    var width = 0.0
    for (index, block) in blocks.enumerated() {
      if block.size.width > area.width { return nil }
      // A block kept with the next one needs room for both (and for a chain of them).
      var next = 0.0
      var following = index
      while blocks[following].keepsWithNext && following + 1 < blocks.count {
        following += 1
        next += gap + blocks[following].size.width
      }
      if let last = lines.last, !last.isEmpty, !block.startsLine, width + gap + block.size.width + next <= area.width {
        lines[lines.count - 1].append(index)
        width += gap + block.size.width
      } else {
        lines.append([index])
        width = block.size.width
      }
    }
    let heights = lines.map { line -> (above: Double, below: Double) in
      (
        line.map { blocks[$0].axis }.max() ?? 0,
        line.map { blocks[$0].size.height - blocks[$0].axis }.max() ?? 0
      )
    }
    let total = heights.map { $0.above + $0.below }.reduce(0, +) + lineGap * Double(max(lines.count - 1, 0))
    guard total <= area.height else { return nil }
    var frames = [Rect](repeating: .zero, count: blocks.count)
    var top = area.center.y - total / 2
    for (line, height) in zip(lines, heights) {
      let lineWidth = line.map { blocks[$0].size.width }.reduce(0, +) + gap * Double(line.count - 1)
      var left = area.center.x - lineWidth / 2
      for index in line {
        let block = blocks[index]
        frames[index] = Rect(
          x: left, y: top + height.above - block.axis, width: block.size.width, height: block.size.height)
        left += block.size.width + gap
      }
      top += height.above + height.below + lineGap
    }
    self.frames = frames
    bounds = frames.dropFirst().reduce(frames.first ?? .zero) { $0.union($1) }
  }
}
