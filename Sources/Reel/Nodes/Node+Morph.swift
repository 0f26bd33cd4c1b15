import Canvas

extension Node {
  /// The node partway through turning into `target`: place and style interpolate; two
  /// shapes morph point by point here, text morphs outline by outline when drawn, other
  /// contents cross-fade. At `progress` 1 the result is `target` with this node's identity,
  /// parent and drawing order.
  func morphed(into target: Node, progress p: Double) -> Node {
    if p >= 1 {
      var done = target
      done.id = id
      done.parent = parent
      done.zIndex = zIndex
      return done
    }
    var n = self
    n.position = position.interpolated(to: target.position, p)
    n.pivot = pivot.interpolated(to: target.pivot, p)
    n.scale = lerp(scale, target.scale, p)
    n.rotation = lerp(rotation, target.rotation, p)
    n.opacity = lerp(opacity, target.opacity, p)
    n.fill = Self.blend(fill, target.fill, p)
    n.stroke = Self.blend(stroke, target.stroke, p)
    n.strokeStyle.width = lerp(strokeStyle.width, target.strokeStyle.width, p)
    if case .shape(let a) = content, case .shape(let b) = target.content {
      n.content = .shape(Self.morph(a, b, p))
    } else {
      n.content = .morph(from: content, to: target.content, progress: p)
    }
    return n
  }

  private static func blend(_ a: Paint?, _ b: Paint?, _ p: Double) -> Paint? {
    switch (a, b) {
    case (nil, nil): return nil
    case (let a?, nil): return .solid(a.baseColor.withAlpha(1 - p))
    case (nil, let b?): return .solid(b.baseColor.withAlpha(p))
    case (let a?, let b?): return .solid(a.baseColor.interpolated(to: b.baseColor, p))
    }
  }

  /// Samples both paths at the same number of points per subpath and interpolates them.
  /// A path with fewer subpaths is padded with subpaths collapsed to its centre.
  static func morph(_ a: Path, _ b: Path, _ p: Double) -> Path {
    let samples = 96
    var la = a.flattened()
    var lb = b.flattened()
    let count = max(la.count, lb.count)
    func pad(_ lines: inout [Polyline], around center: Point) {
      while lines.count < count { lines.append(Polyline(points: [center, center], isClosed: true)) }
    }
    pad(&la, around: a.bounds.center)
    pad(&lb, around: b.bounds.center)
    var result = Path()
    for (x, y) in zip(la, lb) {
      let pa = x.resampled(count: samples)
      let pb = y.resampled(count: samples)
      result.move(to: pa[0].interpolated(to: pb[0], p))
      for index in 1..<samples { result.line(to: pa[index].interpolated(to: pb[index], p)) }
      if x.isClosed || y.isClosed { result.close() }
    }
    return result
  }
}
