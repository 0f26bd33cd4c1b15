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

  /// `nodes` drawn with `transform` (frame to pixels) into a surface of `size` pixels.
  init(nodes: [Node], transform: Transform, size: Size) {
    surfaceBounds = Rect(origin: .zero, size: size)
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

  /// A box holding every pixel that may differ between `earlier`'s frame and this one:
  /// where a node changed, came or went, in both frames. `nil` when the frames are the same.
  public func changedPixels(since earlier: DrawnFrame) -> Rect? {
    guard comparable && earlier.comparable && surfaceBounds == earlier.surfaceBounds else { return surfaceBounds }
    var changed: Rect?
    func add(_ box: Rect?) {
      guard let box else { return }
      changed = changed.map { $0.union(box) } ?? box
    }
    for (id, now) in drawn {
      guard let before = earlier.drawn[id] else {
        add(now.pixels)
        continue
      }
      if before.node != now.node {
        add(before.pixels)
        add(now.pixels)
      }
    }
    for (id, before) in earlier.drawn where drawn[id] == nil { add(before.pixels) }
    return changed
  }
}
