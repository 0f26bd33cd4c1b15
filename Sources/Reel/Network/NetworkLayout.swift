import Canvas

/// Where a network's neurons go: layers spaced evenly across `region`, each a centred
/// column; a layer with more neurons than fit shows its first and last few with a ⋮
/// between. Pure geometry: edges run from circle border to circle border.
public struct NetworkLayout: Sendable {
  public let sizes: [Int]
  public let region: Rect
  public let radius: Double
  /// Per layer, which neuron each slot shows; `nil` for the ⋮.
  public let shown: [[Int?]]
  /// Per layer, the centre of each slot.
  public let centers: [[Point]]

  /// `maxRadius`: the largest circle; `minSpacing`: the least distance between centres,
  /// which decides how many neurons a column shows.
  public init(sizes: [Int], region: Rect, maxRadius: Double = 28, minSpacing: Double = 30) {
    self.sizes = sizes
    self.region = region
    let slots = max(3, Int(region.height / minSpacing))
    let shown = sizes.map { size -> [Int?] in
      guard size > slots else { return Array(0..<size) }
      let head = (slots - 1) / 2
      let tail = slots - 1 - head
      return Array(0..<head) + [nil] + Array((size - tail)..<size)
    }
    self.shown = shown
    let most = shown.map(\.count).max() ?? 1
    let spacing = min(region.height / Double(most), maxRadius * 2.7)
    let r = min(maxRadius, spacing * 0.36)
    radius = r
    let columns = sizes.count
    centers = shown.enumerated().map { layer, slots in
      let x =
        columns == 1
        ? region.center.x : region.minX + r + (region.width - 2 * r) * Double(layer) / Double(columns - 1)
      let top = region.center.y - spacing * Double(slots.count - 1) / 2
      return slots.indices.map { Point(x, top + spacing * Double($0)) }
    }
  }

  /// The centre of neuron `neuron` of `layer`, or `nil` if it is elided.
  public func center(layer: Int, neuron: Int) -> Point? {
    shown[layer].firstIndex(of: neuron).map { centers[layer][$0] }
  }

  /// The centre of `layer`'s ⋮, if it has one.
  public func gap(layer: Int) -> Point? {
    shown[layer].firstIndex(of: nil).map { centers[layer][$0] }
  }

  /// The edge from `a` to `b` cut at both circles.
  public func edge(from a: Point, to b: Point) -> (Point, Point) {
    let length = max(a.distance(to: b), 1e-9)
    let d = (b - a) * (1 / length)
    return (a + d * radius, b - d * radius)
  }

  /// Every shown edge between `layer` and `layer + 1`, with `weight(from, to)`; edges from
  /// or to a ⋮ are left out (the ⋮ gets a faint fan of its own).
  public func edges(after layer: Int, weight: (Int, Int) -> Double) -> [EdgeBundle.Edge] {
    var edges: [EdgeBundle.Edge] = []
    for (i, a) in zip(shown[layer], centers[layer]) {
      guard let i else { continue }
      for (j, b) in zip(shown[layer + 1], centers[layer + 1]) {
        guard let j else { continue }
        let (start, end) = edge(from: a, to: b)
        edges.append(EdgeBundle.Edge(from: start, to: end, weight: weight(i, j)))
      }
    }
    return edges
  }

  /// The box of every neuron and ⋮.
  public var bounds: Rect {
    let all = centers.flatMap { $0 }
    guard let first = all.first else { return region }
    return all.reduce(Rect(center: first, size: .zero)) { $0.union(Rect(center: $1, size: .zero)) }
      .insetBy(dx: -radius, dy: -radius)
  }
}
