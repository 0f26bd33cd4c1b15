import Canvas

/// A pair of axes: the data ranges and the rectangle of the frame they fill, with round
/// ticks. Pure geometry — maps data to frame coordinates and back — so curves, dots and
/// labels can be placed before anything is made (`scene.axes` makes the nodes).
public struct Axes: Sendable, Equatable {
  public var x: ClosedRange<Double>
  public var y: ClosedRange<Double>
  /// Where the plotting area lies in the frame (y grows downwards there, upwards in data).
  public var plot: Rect
  public var xTicks: [Double]
  public var yTicks: [Double]
  /// y grows downwards, as the rows of a matrix do; the x axis is then drawn along the top.
  public var yDown = false

  /// Ticks at round values (`NiceTicks`), at most `maxTicks` on each axis, unless given.
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, plot: Rect, xTicks: [Double]? = nil, yTicks: [Double]? = nil,
    maxTicks: (x: Int, y: Int) = (7, 5)
  ) {
    self.x = x
    self.y = y
    self.plot = plot
    self.xTicks = xTicks ?? NiceTicks.ticks(in: x, maxCount: maxTicks.x)
    self.yTicks = yTicks ?? NiceTicks.ticks(in: y, maxCount: maxTicks.y)
  }

  /// The frame point of data point (`x`, `y`).
  public func point(x value: Double, y other: Double) -> Point {
    let down = (other - y.lowerBound) / (y.upperBound - y.lowerBound) * plot.height
    return Point(
      plot.minX + (value - x.lowerBound) / (x.upperBound - x.lowerBound) * plot.width,
      yDown ? plot.minY + down : plot.maxY - down)
  }

  /// The data point at frame point `point`.
  public func value(at point: Point) -> (x: Double, y: Double) {
    (
      x.lowerBound + (point.x - plot.minX) / plot.width * (x.upperBound - x.lowerBound),
      y.lowerBound + (yDown ? point.y - plot.minY : plot.maxY - point.y) / plot.height * (y.upperBound - y.lowerBound)
    )
  }

  /// Frame units per data unit along x and along y.
  public var scale: (x: Double, y: Double) {
    (plot.width / (x.upperBound - x.lowerBound), plot.height / (y.upperBound - y.lowerBound))
  }
}
