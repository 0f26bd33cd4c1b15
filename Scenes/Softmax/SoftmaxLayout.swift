import Canvas
import Foundation
import Reel

/// Where everything in the softmax scene goes, computed from measured text for one frame.
///
/// Wide frames (16:9, 4:3) put the five steps in a column on the left and the chart on the
/// right; narrower ones (1:1, 9:16) stack one step's caption, the chart and the
/// temperature slider. The chart holds one bar per logit over its name, a value above each
/// bar, and below it a bar split into the probabilities, which fills exactly to 1.
public struct SoftmaxLayout: Sendable {
  public enum Arrangement: Sendable, Hashable {
    /// Steps in a column beside the chart.
    case side
    /// One step's caption above the chart, the slider below it.
    case stacked
  }

  /// One step of the explanation: its title and one line of detail.
  public struct Step: Sendable, Hashable {
    public var title: PlacedText
    public var detail: PlacedText
    public var box: Rect { title.box.union(detail.box) }
  }

  public var arrangement: Arrangement
  public var title: PlacedText
  public var formula: PlacedText
  public var steps: [Step]
  /// Where bars are drawn: a height of 1 reaches from `plot.maxY` to `plot.minY`.
  public var plot: Rect
  public var barWidth: Double
  /// The centre x of each bar.
  public var barCenters: [Double]
  public var classLabels: [PlacedText]
  public var valueFont: Font
  /// What the bars show, one per stage, all at the same place above the plot.
  public var quantities: [PlacedText]
  /// Grid labels at probability 0.5 and 1, left of the plot.
  public var gridLabels: [PlacedText]
  /// The bar split into the probabilities, and its labels: "0", "1" and the sum.
  public var stack: Rect
  public var stackEnds: [PlacedText]
  public var sumFont: Font
  public var sumCenter: Point
  /// The temperature slider's track (a line through its middle), tick labels and the
  /// words at its ends.
  public var track: Rect
  public var trackTicks: [(value: Double, label: PlacedText)]
  public var trackEnds: [PlacedText]
  public var temperatureFont: Font
  /// Where the temperature counter's centre sits above the slider's dot.
  public var temperatureRise: Double

  /// The slider's range: temperatures between these can be shown.
  public static let temperatures = 0.25...2.0
  static let minimumText = 16.0

  public init(
    frame: Size, stepTexts: [(title: String, detail: String)], quantityNames: [String], classNames: [String],
    valueRange: ClosedRange<Double>, theme: Theme, measurer m: TextMeasurer
  ) {
    let side = frame.width >= 1300
    arrangement = side ? .side : .stacked
    let margin = side ? 72.0 : 48.0
    let usable = frame.width - 2 * margin
    let ink = theme.ink
    let muted = theme.muted

    // Title and formula, centred at the top.
    var title = PlacedText.fitted(
      "Softmax turns scores into probabilities", font: Font(size: 46, weight: .semibold), color: ink,
      maxWidth: usable, minimumSize: 34, measurer: m)
    if title.string.hasSuffix("…") {
      title = PlacedText("Softmax", font: Font(size: 46, weight: .semibold), color: ink, measurer: m)
    }
    title.center = Point(frame.width / 2, 36 + title.size.height / 2)
    var formula = PlacedText.fitted(
      "pᵢ = exp(zᵢ / T) / Σⱼ exp(zⱼ / T)", font: Font(size: 30), color: muted, maxWidth: usable,
      minimumSize: Self.minimumText, measurer: m)
    formula.center = Point(frame.width / 2, title.box.maxY + 8 + formula.size.height / 2)
    let top = formula.box.maxY + (side ? 56 : 36)
    let bottom = frame.height - 48

    // Steps: a column on the left, or one caption at a time across the top.
    let panelWidth = side ? min(frame.width * 0.3, 520) : usable
    var steps = stepTexts.map { text in
      Step(
        title: .fitted(
          text.title, font: Font(size: 30, weight: .semibold), color: muted, maxWidth: panelWidth,
          minimumSize: 22, measurer: m),
        detail: .fitted(
          text.detail, font: Font(size: 22), color: muted, maxWidth: panelWidth, minimumSize: Self.minimumText,
          measurer: m))
    }
    var cursor = top
    for index in steps.indices {
      let x = side ? margin + 28 : frame.width / 2
      func place(_ text: inout PlacedText, y: Double) {
        text.center = Point(side ? x + text.size.width / 2 : x, y + text.size.height / 2)
      }
      place(&steps[index].title, y: cursor)
      place(&steps[index].detail, y: steps[index].title.box.maxY + 4)
      if side { cursor = steps[index].detail.box.maxY + 30 }
    }
    let stepsBottom = steps.map(\.box.maxY).max() ?? top

    // The temperature slider: under the steps, or at the bottom of a stacked frame.
    temperatureFont = Font(size: 32, weight: .semibold)
    let counterHeight = m.measure("T = 0.00", font: temperatureFont).height
    let tickFont = Font(size: 20)
    let tickHeight = m.measure("0", font: tickFont).height
    let endFont = Font(size: 20, italic: true)
    let sliderHeight = counterHeight + 16 + 12 + tickHeight + 6 + m.measure("Ag", font: endFont).height
    let sliderWidth = side ? panelWidth - 40 : min(usable - 40, 520)
    let sliderX = side ? margin + 28 + 12 : (frame.width - sliderWidth) / 2
    let sliderTop = side ? stepsBottom + 40 : bottom - sliderHeight
    track = Rect(x: sliderX, y: sliderTop + counterHeight + 16, width: sliderWidth, height: 12)
    temperatureRise = 16 + 6 + counterHeight / 2
    trackTicks = [0.25, 0.5, 1, 2].map { value in
      (value, PlacedText(String(format: "%g", value), font: tickFont, color: muted, measurer: m))
    }
    trackEnds = ["sharper", "flatter"].map { PlacedText($0, font: endFont, color: muted, measurer: m) }

    // The chart: axis title, values above bars, names below, then the stacked bar.
    let chartLeft = side ? margin + panelWidth + 96 : margin
    let chartRight = frame.width - margin
    let quantityFont = Font(size: 24, italic: true)
    let gutter = m.measure("0.5", font: tickFont).width + 16
    let n = classNames.count
    let plotWidth = chartRight - chartLeft - gutter
    let slot = plotWidth / Double(n)
    barWidth = min(160, slot * 0.6)
    // Value labels: as large as reads well while the widest value fits a slot.
    var valueSize = 26.0
    let widest = max(abs(valueRange.lowerBound), abs(valueRange.upperBound))
    let sample = (valueRange.lowerBound < 0 ? "−" : "") + String(format: "%.2f", widest)
    while valueSize > 14 && m.measure(sample, font: Font(size: valueSize)).width > slot - 8 { valueSize -= 1 }
    valueFont = Font(size: valueSize)
    let valueHeight = m.measure("0.00", font: valueFont).height
    let nameSize = 26.0
    classLabels = classNames.map {
      .fitted(
        $0, font: Font(size: nameSize), color: ink, maxWidth: slot - 8, minimumSize: Self.minimumText, measurer: m)
    }
    let nameHeight = classLabels.map(\.size.height).max() ?? 0
    let stackHeight = 40.0
    sumFont = Font(size: 26, weight: .semibold)
    let sumHeight = m.measure("Σ pᵢ = 1.00", font: sumFont).height
    let chartTop = side ? top : stepsBottom + 32
    let chartBottom = side ? bottom : sliderTop - 36
    quantities = quantityNames.map {
      PlacedText($0, font: quantityFont, color: muted, measurer: m)
    }
    let quantityHeight = quantities.map(\.size.height).max() ?? 0
    let plotTop = chartTop + quantityHeight + 12 + valueHeight + 10
    let plotBottom = chartBottom - (sumHeight + 10 + stackHeight + 36 + nameHeight + 14)
    // A negative logit's value sits below its bar: keep room for it above the names.
    plot = Rect(x: chartLeft + gutter, y: plotTop, width: plotWidth, height: max(plotBottom - plotTop, 80))
    let plotRect = plot
    barCenters = (0..<n).map { plotRect.minX + (Double($0) + 0.5) * slot }
    for index in classLabels.indices {
      classLabels[index].center = Point(barCenters[index], plot.maxY + 14 + classLabels[index].size.height / 2)
    }
    for index in quantities.indices {
      quantities[index].center = Point(plot.minX + quantities[index].size.width / 2, chartTop + quantityHeight / 2)
    }
    gridLabels = [0.5, 1.0].map { value in
      var label = PlacedText(value == 1 ? "1" : "0.5", font: tickFont, color: muted, measurer: m)
      label.center = Point(plotRect.minX - 10 - label.size.width / 2, plotRect.maxY - value * plotRect.height)
      return label
    }
    stack = Rect(
      x: plot.minX + slot * 0.2, y: plot.maxY + 14 + nameHeight + 36, width: plot.width - slot * 0.4,
      height: stackHeight)
    let stackRect = stack
    stackEnds = ["0", "1"].enumerated().map { index, text in
      var label = PlacedText(text, font: tickFont, color: muted, measurer: m)
      label.center = Point(index == 0 ? stackRect.minX : stackRect.maxX, stackRect.maxY + 8 + label.size.height / 2)
      return label
    }
    sumCenter = Point(stack.center.x, stack.maxY + 10 + sumHeight / 2)

    // Slider labels, now that the track is placed.
    let trackRect = track
    for index in trackTicks.indices {
      let x = Self.trackX(trackTicks[index].value, on: trackRect)
      trackTicks[index].label.center = Point(x, trackRect.maxY + 6 + tickHeight / 2)
    }
    let endsY = trackRect.maxY + 6 + tickHeight + 6
    trackEnds[0].center = Point(trackRect.minX + trackEnds[0].size.width / 2, endsY + trackEnds[0].size.height / 2)
    trackEnds[1].center = Point(trackRect.maxX - trackEnds[1].size.width / 2, endsY + trackEnds[1].size.height / 2)

    self.title = title
    self.formula = formula
    self.steps = steps
  }

  /// Where temperature `t` lies on the slider: a logarithmic scale, so halving and
  /// doubling T move the dot equally far.
  public static func trackX(_ t: Double, on track: Rect) -> Double {
    let range = temperatures
    let u = (log(t) - log(range.lowerBound)) / (log(range.upperBound) - log(range.lowerBound))
    return track.minX + min(max(u, 0), 1) * track.width
  }

  /// Every piece of text that is on screen at the end (for overlap checks): title,
  /// formula, steps (all of them side by side; the last one when stacked), names, the
  /// last quantity, grid labels, stack labels and slider labels.
  public var finalText: [PlacedText] {
    let visibleSteps = arrangement == .side ? steps : Array(steps.suffix(1))
    return [title, formula] + visibleSteps.flatMap { [$0.title, $0.detail] } + classLabels
      + quantities.suffix(1) + gridLabels + stackEnds + trackTicks.map(\.label) + trackEnds
  }
}
