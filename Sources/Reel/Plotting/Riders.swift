import Canvas

extension SceneRecorder {
  /// Makes a dot that rides the graph of `f` on `axes`: at every moment it sits at
  /// x = the value of `tracker`, y = f(x) — a computed node, a pure function of time.
  /// Made, not shown.
  public mutating func rider(
    on axes: Axes, following tracker: ValueTracker, color: Color, radius: Double = 8,
    _ f: @escaping @Sendable (Double) -> Double
  ) -> Node {
    make(.circle(radius: radius, at: axes.point(x: axes.x.lowerBound, y: f(axes.x.lowerBound)), fill: color)) {
      node, now in
      var placed = node
      let x = now.value(tracker)
      placed.position = axes.point(x: x, y: f(x))
      return placed
    }
  }

  /// Makes a label showing f(x) at x = the value of `tracker` (a counter with `decimals`),
  /// kept beside the point it reads: to its right, or to its left near the right edge.
  /// Made, not shown.
  public mutating func readout(
    on axes: Axes, following tracker: ValueTracker, decimals: Int = 2, range: ClosedRange<Double>, font: Font,
    color: Color, measurer: TextMeasurer, _ f: @escaping @Sendable (Double) -> Double
  ) -> Node {
    let label = Node.counter(0, decimals: decimals, reserving: range, font: font, color: color, measurer: measurer)
    let width = label.bounds.width
    return make(label) { node, now in
      let x = now.value(tracker)
      let point = axes.point(x: x, y: f(x))
      var placed = node.counting(f(x))
      let right = point.x + 16 + width <= axes.plot.maxX
      placed.position = Point(right ? point.x + 16 + width / 2 : point.x - 16 - width / 2, point.y - 18)
      return placed
    }
  }

  /// Makes a vertical line across the plotting area at x = the value of `tracker`, dashed
  /// when `dash` is given (lengths of dashes and gaps, as a guide line). Made, not shown.
  public mutating func sweepLine(
    on axes: Axes, following tracker: ValueTracker, color: Color, width: Double = 2, dash: [Double] = []
  ) -> Node {
    let plot = axes.plot
    var line = Node.line(from: Point(plot.minX, plot.minY), to: Point(plot.minX, plot.maxY), color: color, width: width)
    line.strokeStyle.dash = dash
    return make(line) {
      node, now in
      var placed = node
      placed.position = Point(axes.point(x: now.value(tracker), y: 0).x, plot.center.y)
      return placed
    }
  }
}
