/// A path flattened into polylines: what measuring, trimming and morphing work on.
public struct Polyline: Sendable, Hashable {
  public var points: [Point]
  public var isClosed: Bool

  public init(points: [Point], isClosed: Bool) {
    self.points = points
    self.isClosed = isClosed
  }

  /// The points including the return to the start when closed.
  var vertices: [Point] { isClosed && !points.isEmpty ? points + [points[0]] : points }

  public var length: Double {
    zip(vertices, vertices.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
  }

  /// `count` points evenly spaced by arc length along the polyline (the end included).
  public func resampled(count: Int) -> [Point] {
    let vs = vertices
    guard vs.count > 1, count > 1 else { return Array(repeating: vs.first ?? .zero, count: max(count, 1)) }
    let total = length
    guard total > 0 else { return Array(repeating: vs[0], count: count) }
    var result: [Point] = []
    result.reserveCapacity(count)
    var segment = 0
    var walked = 0.0
    for index in 0..<count {
      let target = total * Double(index) / Double(count - 1)
      while segment < vs.count - 2 && walked + vs[segment].distance(to: vs[segment + 1]) < target {
        walked += vs[segment].distance(to: vs[segment + 1])
        segment += 1
      }
      let segmentLength = vs[segment].distance(to: vs[segment + 1])
      let t = segmentLength > 0 ? min(1, (target - walked) / segmentLength) : 0
      result.append(vs[segment].interpolated(to: vs[segment + 1], t))
    }
    return result
  }
}

extension Path {
  /// The path as polylines, one per subpath; curves are split into `curveSteps` chords.
  public func flattened(curveSteps: Int = 24) -> [Polyline] {
    var lines: [Polyline] = []
    var current: [Point] = []
    func flush(closed: Bool) {
      if current.count > 1 { lines.append(Polyline(points: current, isClosed: closed)) }
      current = []
    }
    for element in elements {
      switch element {
      case .move(let p):
        flush(closed: false)
        current = [p]
      case .line(let p):
        current.append(p)
      case .curve(let c1, let c2, let p):
        let p0 = current.last ?? p
        for step in 1...curveSteps {
          let t = Double(step) / Double(curveSteps)
          let u = 1 - t
          let a = u * u * u
          let b = 3 * u * u * t
          let c = 3 * u * t * t
          let d = t * t * t
          current.append(
            Point(
              a * p0.x + b * c1.x + c * c2.x + d * p.x,
              a * p0.y + b * c1.y + c * c2.y + d * p.y))
        }
      case .close:
        let start = current.first
        if let start, let last = current.last, last == start, current.count > 1 { current.removeLast() }
        flush(closed: true)
        if let start { current = [start] }
      }
    }
    flush(closed: false)
    return lines
  }

  /// Total length of all subpaths.
  public var length: Double { flattened().reduce(0) { $0 + $1.length } }

  /// The first `fraction` of the path by length, as open polylines: what "Create" draws.
  public func trimmed(to fraction: Double) -> Path {
    if fraction >= 1 { return self }
    let lines = flattened()
    var remaining = lines.reduce(0) { $0 + $1.length } * max(fraction, 0)
    var result = Path()
    for line in lines where remaining > 0 {
      let vs = line.vertices
      result.move(to: vs[0])
      for (a, b) in zip(vs, vs.dropFirst()) {
        let d = a.distance(to: b)
        if d <= remaining {
          result.line(to: b)
          remaining -= d
        } else {
          result.line(to: a.interpolated(to: b, remaining / d))
          remaining = 0
          break
        }
      }
    }
    return result
  }

  /// Bounding box of the path's points (control points included, so slightly generous).
  public var bounds: Rect {
    var xs: [Double] = []
    var ys: [Double] = []
    for element in elements {
      switch element {
      case .move(let p), .line(let p):
        xs.append(p.x)
        ys.append(p.y)
      case .curve(let c1, let c2, let p):
        xs += [c1.x, c2.x, p.x]
        ys += [c1.y, c2.y, p.y]
      case .close: break
      }
    }
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return .zero }
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }
}
