import Canvas

/// What a surface shows: the nodes drawn into it and the pixels each one may cover. Two of
/// them tell which pixels can differ between their frames, so that a surface, or a frame
/// converted from one, is brought to the next frame by redrawing only those.
public struct DrawnFrame: Sendable {
  /// Each node drawn, by id, with its box in whole pixels (clipped to the surface).
  private let drawn: [NodeID: (node: Node, pixels: Rect?)]
  /// Whether every node has an id; a node without one cannot be compared.
  private let comparable: Bool
  /// The whole surface, in pixels.
  public let surfaceBounds: Rect
  /// From frame coordinates to pixels.
  private let transform: Transform

  /// `nodes` drawn with `transform` (frame to pixels) into a surface of `size` pixels.
  init(nodes: [Node], transform: Transform, size: Size) {
    surfaceBounds = Rect(origin: .zero, size: size)
    self.transform = transform
    var drawn: [NodeID: (node: Node, pixels: Rect?)] = [:]
    drawn.reserveCapacity(nodes.count)
    for node in nodes {
      guard let id = node.id else { continue }
      drawn[id] = (node, node.drawnBounds.applying(transform).roundedOut().intersection(surfaceBounds))
    }
    self.drawn = drawn
    comparable = drawn.count == nodes.count
  }

  /// The pixels `node` may cover in this frame, if it is on the surface.
  func pixels(of node: Node) -> Rect? {
    guard let id = node.id else { return surfaceBounds }
    return drawn[id]?.pixels
  }

  /// The nodes of `nodes` (this frame's) whose boxes meet `region`, in drawing order.
  func nodes(touching region: Rect, of nodes: [Node]) -> [Node] {
    nodes.filter { pixels(of: $0)?.intersects(region) ?? false }
  }

  /// The parts of `node` (this frame's) that may touch `region`, and a box holding the
  /// pixels they may cover: the cells of a heatmap meeting it, or the whole node.
  func parts(of node: Node, meeting region: Rect) -> (parts: NodeParts, pixels: Rect?) {
    guard case .heatmap(let heatmap) = node.content, !heatmap.drawsAsImage, node.id != nil else {
      return (.all, pixels(of: node))
    }
    var cells = Set<Int>()
    var covered: Rect?
    for row in heatmap.values.indices {
      for column in heatmap.values[row].indices {
        guard let box = pixels(ofCell: row, column, of: node, heatmap), box.intersects(region) else { continue }
        cells.insert(row * heatmap.columns + column)
        covered = covered.map { $0.union(box) } ?? box
      }
    }
    return (.cells(cells), covered)
  }

  /// The pixels one cell of a heatmap node may cover, if any are on the surface.
  private func pixels(ofCell row: Int, _ column: Int, of node: Node, _ heatmap: HeatmapContent) -> Rect? {
    node.drawnBounds(ofCell: row, column, in: heatmap).applying(transform).roundedOut().intersection(surfaceBounds)
  }

  /// The rows of a heatmap whose look differs between `before` and `now`, when the two
  /// nodes differ only in how much of the grid is shown (a heatmap being created fills a
  /// row or two per frame); `nil` when they differ otherwise.
  private static func rowsRevealed(from before: Node, to now: Node) -> [Int]? {
    guard case .heatmap(let heatmap) = now.content, !heatmap.drawsAsImage else { return nil }
    var revealedAsNow = before
    revealedAsNow.reveal = now.reveal
    guard revealedAsNow == now else { return nil }
    return heatmap.values.indices.filter {
      heatmap.rowVisibility($0, reveal: before.reveal) != heatmap.rowVisibility($0, reveal: now.reveal)
    }
  }

  /// Boxes holding every pixel that may differ between `earlier`'s frame and this one:
  /// where a node changed, came or went, in both frames. Boxes near each other are merged
  /// into one; none when the frames are the same.
  public func changedPixels(since earlier: DrawnFrame) -> [Rect] {
    guard comparable && earlier.comparable && surfaceBounds == earlier.surfaceBounds else { return [surfaceBounds] }
    var changed = ChangedRegions()
    for (id, now) in drawn {
      guard let before = earlier.drawn[id] else {
        changed.add(now.pixels)
        continue
      }
      if before.node != now.node {
        if case .heatmap(let heatmap) = now.node.content, let rows = Self.rowsRevealed(from: before.node, to: now.node)
        {
          for row in rows {
            for column in heatmap.values[row].indices {
              changed.add(pixels(ofCell: row, column, of: now.node, heatmap))
            }
          }
        } else {
          changed.add(before.pixels)
          changed.add(now.pixels)
        }
      }
    }
    for (id, before) in earlier.drawn where drawn[id] == nil { changed.add(before.pixels) }
    return changed.boxes
  }
}

/// Boxes of changed pixels, each box added merged with those it would barely grow: redrawing
/// a region has a cost of its own, and two boxes far apart are cheaper redrawn apart than
/// as the box holding both.
private struct ChangedRegions {
  private(set) var boxes: [Rect] = []

  /// Pixels a region's own cost is worth (a 64-pixel square).
  private static let regionCost = 64.0 * 64.0

  mutating func add(_ box: Rect?) {
    guard var box, box.width > 0, box.height > 0 else { return }
    while let near = boxes.firstIndex(where: {
      Self.area($0.union(box)) <= Self.area($0) + Self.area(box) + Self.regionCost
    }) {
      box = boxes.remove(at: near).union(box)
    }
    boxes.append(box)
  }

  private static func area(_ box: Rect) -> Double { box.width * box.height }
}
