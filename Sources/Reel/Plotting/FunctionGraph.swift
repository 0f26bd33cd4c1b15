import Canvas

/// The graph of y = f(x) on a pair of axes, as polylines in frame coordinates: sampled
/// adaptively — a segment is split until the curve strays from its chord by less than
/// `tolerance` frame units (a quarter pixel at 4K by default) — and clipped to the axes'
/// plotting area, so a curve that leaves the y range is cut at its edge.
public struct FunctionGraph: Sendable {
  /// Runs of points inside the plotting area, left to right.
  public let runs: [[Point]]

  /// A quarter pixel at 4K: frames are 1080 units high, 4K is 2160 pixels.
  public static let quarterPixelAt4K = 0.125

  /// Samples `f` over `domain` (the x range by default).
  public init(
    axes: Axes, domain: ClosedRange<Double>? = nil, tolerance: Double = quarterPixelAt4K,
    _ f: (Double) -> Double
  ) {
    let domain = domain ?? axes.x
    func frame(_ x: Double) -> Point { axes.point(x: x, y: f(x)) }
    var points: [Point] = []
    // A first even grid, so no feature narrower than the domain hides between two samples.
    let start = 64
    var previous = (x: domain.lowerBound, p: frame(domain.lowerBound))
    points.append(previous.p)
    for k in 1...start {
      let x = domain.lowerBound + (domain.upperBound - domain.lowerBound) * Double(k) / Double(start)
      let next = (x: x, p: frame(x))
      Self.refine(from: previous, to: next, depth: 0, tolerance: tolerance, frame: frame, into: &points)
      previous = next
    }
    runs = Self.clipped(points, to: axes.plot)
  }

  /// Adds the points after `a` up to `b`, splitting where the curve leaves the chord.
  private static func refine(
    from a: (x: Double, p: Point), to b: (x: Double, p: Point), depth: Int, tolerance: Double,
    frame: (Double) -> Point, into points: inout [Point]
  ) {
    let middle = (a.x + b.x) / 2
    let m = frame(middle)
    // The curve at the quarter points too, so a wiggle symmetric about the middle counts.
    let q1 = frame((a.x + middle) / 2)
    let q3 = frame((middle + b.x) / 2)
    let chord = { (t: Double) in Point(a.p.x + (b.p.x - a.p.x) * t, a.p.y + (b.p.y - a.p.y) * t) }
    let error = max(m.distance(to: chord(0.5)), q1.distance(to: chord(0.25)), q3.distance(to: chord(0.75)))
    if error > tolerance && depth < 16 {
      refine(from: a, to: (middle, m), depth: depth + 1, tolerance: tolerance, frame: frame, into: &points)
      refine(from: (middle, m), to: b, depth: depth + 1, tolerance: tolerance, frame: frame, into: &points)
    } else {
      points.append(b.p)
    }
  }

  /// The polyline cut to the parts inside `rect` (top and bottom edges; x is the domain's).
  static func clipped(_ points: [Point], to rect: Rect) -> [[Point]] {
    var runs: [[Point]] = []
    var run: [Point] = []
    func inside(_ p: Point) -> Bool { p.y >= rect.minY - 1e-9 && p.y <= rect.maxY + 1e-9 }
    func crossing(_ a: Point, _ b: Point) -> Point {
      let edge = (a.y < rect.minY || b.y < rect.minY) ? rect.minY : rect.maxY
      let t = (edge - a.y) / (b.y - a.y)
      return Point(a.x + (b.x - a.x) * t, edge)
    }
    for (index, point) in points.enumerated() {
      let previous = index > 0 ? points[index - 1] : nil
      switch (previous.map(inside), inside(point)) {
      case (nil, true), (true?, true): run.append(point)
      case (true?, false):
        if let previous { run.append(crossing(previous, point)) }
        runs.append(run)
        run = []
      case (false?, true):
        if let previous { run.append(crossing(previous, point)) }
        run.append(point)
      default: continue
      }
    }
    if run.count > 1 { runs.append(run) }
    return runs.filter { $0.count > 1 }
  }

  /// The runs as one path.
  public var path: Path {
    var path = Path()
    for run in runs {
      guard let first = run.first else { continue }
      path.move(to: first)
      for point in run.dropFirst() { path.line(to: point) }
    }
    return path
  }
}
