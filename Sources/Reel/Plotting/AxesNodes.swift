import Canvas
import MathType

/// How a pair of axes is drawn.
public struct AxesStyle: Sendable {
  /// Tick labels' font; axis labels are a little larger.
  public var font: Font
  public var color: Color
  public var labelColor: Color
  /// Grid lines at every tick, in this colour; `nil` for none.
  public var grid: Color?
  public var lineWidth = 2.0
  public var tickLength = 8.0

  public init(font: Font, color: Color, labelColor: Color, grid: Color? = nil) {
    self.font = font
    self.color = color
    self.labelColor = labelColor
    self.grid = grid
  }
}

/// A tick label: plain text, or LaTeX to typeset (π/2, 10⁻³, d_k).
public enum TickLabel: Sendable, Hashable {
  case text(String)
  case math(String)
}

/// A pair of axes on screen: every line, tick and label its own node, and the curves drawn
/// on it, all in one group, so the axes and their curves move, scale and fade as one.
public struct AxesNodes: Sendable {
  public let axes: Axes
  public let group: Node
  /// The left (y) and bottom (x) axis lines, and the line y = 0 when 0 lies inside the
  /// y range and is not its bottom.
  public let lines: [Node]
  public let ticks: [Node]
  public let tickLabels: [Node]
  public let grid: [Node]
  /// The x axis's label, then the y axis's.
  public let labels: [Node]
  /// The curves, in the order given.
  public let curves: [Node]
}

extension SceneRecorder {
  /// Makes axes with round ticks (labelled by `tickLabel`, numbers by default), optional
  /// axis labels (below the x axis, and above the y axis, reading across), and `curves`
  /// (nodes already made, e.g. from `FunctionGraph`), grouped as one. Made, not shown.
  public mutating func axes(
    _ axes: Axes, style: AxesStyle, xLabel: String? = nil, yLabel: String? = nil, curves: [Node] = [],
    tickLabel: ((_ isX: Bool, _ value: Double) -> TickLabel)? = nil, mathFont: MathFont, measurer: TextMeasurer
  ) throws -> AxesNodes {
    let plot = axes.plot
    // Labels carry as many decimals as the spacing of the ticks needs.
    func spacing(_ ticks: [Double], _ range: ClosedRange<Double>) -> Double {
      ticks.count > 1 ? ticks[1] - ticks[0] : NiceTicks.step(for: range)
    }
    let xStep = spacing(axes.xTicks, axes.x)
    let yStep = spacing(axes.yTicks, axes.y)
    let label =
      tickLabel ?? { isX, value in .text(NiceTicks.label(value, step: isX ? xStep : yStep)) }
    var grid: [Node] = []
    if let gridColor = style.grid {
      for x in axes.xTicks {
        let p = axes.point(x: x, y: axes.y.lowerBound)
        grid.append(make(.line(from: p, to: Point(p.x, plot.minY), color: gridColor, width: 1)))
      }
      for y in axes.yTicks {
        let p = axes.point(x: axes.x.lowerBound, y: y)
        grid.append(make(.line(from: p, to: Point(plot.maxX, p.y), color: gridColor, width: 1)))
      }
    }
    // The x axis runs along the bottom, or along the top when y grows downwards.
    let xAxisY = axes.yDown ? plot.minY : plot.maxY
    let outwards = axes.yDown ? -1.0 : 1.0
    var lines = [
      make(
        .line(
          from: Point(plot.minX, plot.minY), to: Point(plot.minX, plot.maxY), color: style.color, width: style.lineWidth
        )),
      make(
        .line(from: Point(plot.minX, xAxisY), to: Point(plot.maxX, xAxisY), color: style.color, width: style.lineWidth)),
    ]
    if axes.y.contains(0) && axes.y.lowerBound < 0 && !axes.yDown {
      let y = axes.point(x: 0, y: 0).y
      lines.append(make(.line(from: Point(plot.minX, y), to: Point(plot.maxX, y), color: style.color, width: 1)))
    }
    var ticks: [Node] = []
    var tickLabels: [Node] = []
    let gap = style.tickLength + 4
    // The lowest edge of the x tick labels, for the x axis's label.
    var lowest = xAxisY + gap * outwards
    func labelNode(_ tick: TickLabel, at anchor: Point, below: Bool) throws -> Node {
      switch tick {
      case .text(let text):
        let size = measurer.measure(text, font: style.font).logical.size
        let center =
          below
          ? Point(anchor.x, anchor.y + (gap + size.height / 2) * outwards)
          : Point(anchor.x - gap - size.width / 2, anchor.y)
        if below {
          lowest = outwards > 0 ? max(lowest, center.y + size.height / 2) : min(lowest, center.y - size.height / 2)
        }
        return make(.text(text, font: style.font, color: style.labelColor, at: center, measurer: measurer))
      case .math(let latex):
        let formula = try Formula(latex, display: false, font: mathFont)
        let box = formula.bounds(size: style.font.size * 1.1)
        let center =
          below
          ? Point(anchor.x, anchor.y + (gap + box.height / 2) * outwards)
          : Point(anchor.x - gap - box.width / 2, anchor.y)
        if below {
          lowest = outwards > 0 ? max(lowest, center.y + box.height / 2) : min(lowest, center.y - box.height / 2)
        }
        return try self.formula(formula, size: style.font.size * 1.1, center: center, color: style.labelColor).group
      }
    }
    for x in axes.xTicks {
      let p = Point(axes.point(x: x, y: 0).x, xAxisY)
      ticks.append(
        make(.line(from: p, to: Point(p.x, p.y + style.tickLength * outwards), color: style.color, width: 1.5)))
      tickLabels.append(try labelNode(label(true, x), at: p, below: true))
    }
    for y in axes.yTicks {
      let p = axes.point(x: axes.x.lowerBound, y: y)
      ticks.append(make(.line(from: p, to: Point(p.x - style.tickLength, p.y), color: style.color, width: 1.5)))
      tickLabels.append(try labelNode(label(false, y), at: p, below: false))
    }
    let labelFont = style.font.withSize(style.font.size * 1.1)
    var labels: [Node] = []
    if let xLabel {
      let height = measurer.measure(xLabel, font: labelFont).logical.height
      labels.append(
        make(
          .text(
            xLabel, font: labelFont, color: style.labelColor,
            at: Point(plot.center.x, lowest + (8 + height / 2) * outwards), measurer: measurer)))
    }
    if let yLabel {
      let size = measurer.measure(yLabel, font: labelFont).logical.size
      labels.append(
        make(
          .text(
            yLabel, font: labelFont, color: style.labelColor,
            at: Point(
              plot.minX + size.width / 2 - gap,
              axes.yDown ? plot.maxY + 14 + size.height / 2 : plot.minY - 14 - size.height / 2), measurer: measurer)))
    }
    let group = try self.group(grid + lines + ticks + tickLabels + labels + curves)
    return AxesNodes(
      axes: axes, group: group, lines: lines, ticks: ticks, tickLabels: tickLabels, grid: grid, labels: labels,
      curves: curves)
  }
}
