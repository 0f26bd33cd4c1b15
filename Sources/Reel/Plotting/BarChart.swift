import Canvas

/// A bar chart of a vector of values: one bar per value from a zero line, its value above
/// (or below, for a negative one) and its name underneath. Pure geometry — the scene makes
/// the nodes with `scene.barChart`.
public struct BarChart: Sendable {
  public var values: [Double]
  public var names: [String]
  /// The area the bars use (names and values lie outside it, above and below).
  public var plot: Rect
  /// The values the plot's height spans; always includes 0.
  public var range: ClosedRange<Double>
  public var decimals: Int

  public init(
    values: [Double], names: [String], plot: Rect, range: ClosedRange<Double>? = nil, decimals: Int = 2
  ) {
    self.values = values
    self.names = names
    self.plot = plot
    let low = min(range?.lowerBound ?? values.min() ?? 0, 0)
    let high = max(range?.upperBound ?? values.max() ?? 1, 0)
    self.range = low...(high > low ? high : low + 1)
    self.decimals = decimals
  }

  /// The y of the zero line.
  public var zero: Double {
    plot.maxY - (0 - range.lowerBound) / (range.upperBound - range.lowerBound) * plot.height
  }

  /// The centre x of bar `index`.
  public func center(_ index: Int) -> Double {
    plot.minX + plot.width * (Double(index) + 0.5) / Double(max(values.count, 1))
  }

  public var barWidth: Double { plot.width / Double(max(values.count, 1)) * 0.62 }

  /// Bar `index`'s rectangle.
  public func bar(_ index: Int) -> Rect {
    let top = plot.maxY - (values[index] - range.lowerBound) / (range.upperBound - range.lowerBound) * plot.height
    return Rect(x: center(index) - barWidth / 2, y: min(top, zero), width: barWidth, height: abs(zero - top))
  }

  /// A value as shown: `decimals` digits, a true minus sign.
  public func format(_ value: Double) -> String {
    let text = String(format: "%.\(decimals)f", abs(value))
    let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
    return (value < 0 && !isZero ? "\u{2212}" : "") + text
  }
}

/// A bar chart on screen: bars, values, names and the zero line, grouped.
public struct BarChartNodes: Sendable {
  public let group: Node
  public let bars: [Node]
  public let values: [Node]
  public let names: [Node]
  public let baseline: Node
}

extension SceneRecorder {
  /// Makes `chart`'s nodes (value and name labels in `font`). Made, not shown.
  public mutating func barChart(
    _ chart: BarChart, color: Color, ink: Color, muted: Color, font: Font, measurer: TextMeasurer
  ) throws -> BarChartNodes {
    let plot = chart.plot
    let baseline = make(
      .line(from: Point(plot.minX, chart.zero), to: Point(plot.maxX, chart.zero), color: muted, width: 2))
    var bars: [Node] = []
    var values: [Node] = []
    var names: [Node] = []
    for index in chart.values.indices {
      let box = chart.bar(index)
      bars.append(
        make(
          .rectangle(
            width: box.width, height: max(box.height, 0.5), cornerRadius: min(4, box.height / 2), at: box.center,
            fill: color)))
      let text = chart.format(chart.values[index])
      let height = measurer.measure(text, font: font).logical.height
      let negative = chart.values[index] < 0
      values.append(
        make(
          .text(
            text, font: font, color: ink,
            at: Point(box.center.x, negative ? box.maxY + 6 + height / 2 : box.minY - 6 - height / 2),
            measurer: measurer)))
      let nameHeight = measurer.measure(chart.names[index], font: font).logical.height
      let below = max(
        plot.maxY, chart.values.indices.map { chart.bar($0).maxY + (chart.values[$0] < 0 ? height + 6 : 0) }.max() ?? 0)
      names.append(
        make(
          .text(
            chart.names[index], font: font, color: muted, at: Point(box.center.x, below + 8 + nameHeight / 2),
            measurer: measurer)))
    }
    let group = try self.group([baseline] + bars + values + names)
    return BarChartNodes(group: group, bars: bars, values: values, names: names, baseline: baseline)
  }
}
