import Canvas
import MathType
import Reel
import TensorMath

/// Where everything of `positional-encoding` goes, for one frame size: each section's
/// heading, charts, axes, legend and matrices. Pure geometry; the scene makes the nodes.
public struct PELayout: Sendable {
  /// Two sentences × without and with positions: the weights of "bites" as bar charts.
  public struct Order: Sendable {
    /// "without positions", "with positions".
    public var rowTitles: [PlacedText]
    /// Each chart's sentence, `[withPositions * 2 + sentence]`.
    public var sentenceTitles: [PlacedText]
    public var charts: [BarChart]
  }

  /// The formula, the axes with a curve per plotted dimension, and their legend.
  public struct Waves: Sendable {
    public var formulas: [PlacedFormula]
    public var axes: Axes
    public var legend: Legend
    public var legendOrigin: Point
    /// Where the legend or the sweep's column goes.
    public var panel: Rect
  }

  /// The encoding of the swept position, as a column beside the axes.
  public struct Sweep: Sendable {
    /// The column's brackets and labels (its entries are counters that follow the sweep).
    public var column: MatrixBlock
    /// The "pos = …" readout above the column.
    public var position: Point
  }

  /// A heatmap on axes whose y grows downwards, like a matrix's rows.
  public struct Heatmap: Sendable {
    public var axes: Axes
    public var cellSize: Size
    public var range: ClosedRange<Double>
  }

  /// A vertical or horizontal colour scale with its ticks: the bar runs through `range`.
  public struct Scale: Sendable {
    public var range: ClosedRange<Double>
    public var bar: Rect
    public var vertical: Bool
    public var ticks: [(value: Double, label: PlacedText)]
    public var title: PlacedText
  }

  public struct Similarity: Sendable {
    public var heatmap: Heatmap
    public var scale: Scale
    public var curve: Axes
  }

  public struct Sum: Sendable {
    public var embeddings: MatrixBlock
    public var plus: PlacedFormula
    public var encoding: MatrixBlock
    public var equals: PlacedFormula
    public var x: MatrixBlock
  }

  public let frame: Size
  public let headings: [SlideHeading]
  public let footnote: PlacedText
  public let order: Order
  public let waves: Waves
  public let sweep: Sweep
  public let matrix: Heatmap
  public let matrixScale: Scale
  public let similarity: Similarity
  public let sum: Sum
  /// Tick labels' font.
  public let tickFont: Font
  /// The colours of the plotted dimensions, in order.
  public let curveColors: [Color]

  /// The diverging map of the encoding's values, centred on 0.
  public static let diverging = Colormap.rdBuR
  public static let sequential = Colormap.viridis

  public init(
    example: PositionalEncodingExample, sum sumExample: QKVExample, frame: Size, theme: Theme, mathFont: MathFont,
    measurer m: TextMeasurer
  ) throws {
    self.frame = frame
    let portrait = frame.width < frame.height
    let footnote = SlideHeading.footnote(
      [
        "Sinusoidal encodings as in “Attention Is All You Need” (Vaswani et al., 2017), sin and cos interleaved.",
        "As in Vaswani et al. (2017), sin and cos interleaved.",
      ], frame: frame, theme: theme, measurer: m)
    self.footnote = footnote
    let headings = PESection.allCases.map { section in
      SlideHeading(
        number: section.rawValue + 1, title: section.title, caption: section.caption(for: example), frame: frame,
        footnote: footnote, theme: theme, measurer: m)
    }
    self.headings = headings
    let tickFont = Font(size: 20)
    self.tickFont = tickFont
    let palette =
      [theme.primary, theme.accent, theme.alternativeAccents[1], theme.secondary]
      + theme.alternativeAccents.prefix(1) + theme.alternativeAccents.suffix(1)
    curveColors = example.dims.indices.map { palette[$0 % palette.count] }
    func formula(_ latex: String, size: Double, color: Color) throws -> PlacedFormula {
      PlacedFormula(
        formula: try Formula(latex, display: false, font: mathFont), size: size, color: color, center: .zero)
    }

    // 1. Word order: a row of two charts without positions, another with.
    let orderArea = headings[0].content
    let weights = PositionalEncodingExample.orderWeights()
    let rowTitleFont = Font(size: 24, weight: .semibold)
    let labelFont = Font(size: 22)
    var rowTitles: [PlacedText] = []
    var sentenceTitles: [PlacedText] = []
    var charts: [BarChart] = []
    let band = (orderArea.height - 24) / 2
    for row in 0..<2 {
      var title = PlacedText(
        row == 0 ? "without positions" : "with positional encodings", font: rowTitleFont, color: theme.ink,
        measurer: m)
      let top = orderArea.minY + Double(row) * (band + 24)
      title.center = Point(orderArea.center.x, top + title.size.height / 2)
      rowTitles.append(title)
      let cellWidth = min(orderArea.width / 2, 560)
      for sentence in 0..<2 {
        let words = PositionalEncodingExample.sentences[sentence]
        let left = orderArea.center.x + (Double(sentence) - 1) * cellWidth
        var caption = PlacedText(
          "“" + words.joined(separator: " ") + "”", font: labelFont, color: theme.muted, measurer: m)
        let captionTop = title.box.maxY + 10
        caption.center = Point(left + cellWidth / 2, captionTop + caption.size.height / 2)
        sentenceTitles.append(caption)
        let lineHeight = m.measure("0", font: labelFont).logical.height
        // Room above the bars for their values and below for the words.
        let plot = Rect(
          x: left + cellWidth * 0.12, y: caption.box.maxY + lineHeight + 12, width: cellWidth * 0.76,
          height: top + band - (caption.box.maxY + lineHeight + 12) - lineHeight - 14)
        charts.append(BarChart(values: weights[row][sentence], names: words, plot: plot, range: 0...1))
      }
    }
    order = Order(rowTitles: rowTitles, sentenceTitles: sentenceTitles, charts: charts)

    // 2. Waves: the formulas on top, the axes, the legend beside them (below when narrow).
    let wavesArea = headings[1].content
    let exponent = "10000^{2i/d_{\\mathrm{model}}}"
    var formulas = [
      try formula("\\mathrm{PE}_{(pos,\\,2i)} = \\sin(pos/\(exponent))", size: 30, color: theme.ink),
      try formula("\\mathrm{PE}_{(pos,\\,2i+1)} = \\cos(pos/\(exponent))", size: 30, color: theme.ink),
    ]
    let together = formulas[0].box.width + formulas[1].box.width + 60 <= wavesArea.width
    var formulaBottom = wavesArea.minY
    if together {
      let width = formulas[0].box.width + formulas[1].box.width + 60
      let height = max(formulas[0].box.height, formulas[1].box.height)
      formulas[0].center = Point(
        wavesArea.center.x - width / 2 + formulas[0].box.width / 2, wavesArea.minY + height / 2)
      formulas[1].center = Point(
        wavesArea.center.x + width / 2 - formulas[1].box.width / 2, wavesArea.minY + height / 2)
      formulaBottom += height
    } else {
      for index in formulas.indices {
        formulas[index].center = Point(wavesArea.center.x, formulaBottom + formulas[index].box.height / 2)
        formulaBottom += formulas[index].box.height + 8
      }
    }
    let legend = Legend(
      try zip(example.dims, curveColors).map { dim, color in
        Legend.Entry(color: color, label: try Formula(Self.curveLabel(dim, dModel: example.dModel), font: mathFont))
      }, size: 24)
    // The sweep's column takes the legend's place: measure it now.
    let columnStyle = MatrixStyle(font: Font(size: 26), color: theme.ink, labelColor: theme.muted)
    var column = try MatrixBlock(
      example.dims.map { [example.value(position: 0, dim: $0)] }, style: columnStyle,
      rowLabels: example.dims.map { "dim \($0)" }, name: try formula("\\mathrm{PE}(pos)", size: 30, color: theme.ink),
      widest: [example.dims.map { _ in [-1] }], mathFont: mathFont, measurer: m)
    let readoutHeight = 52.0
    let panelSize = Size(
      max(legend.extent.width, column.block.size.width),
      max(legend.extent.height, column.block.size.height + readoutHeight))
    let plotArea = Rect(
      x: wavesArea.minX, y: formulaBottom + 24, width: wavesArea.width, height: wavesArea.maxY - formulaBottom - 24)
    let panel: Rect
    let axesBox: Rect
    if !portrait {
      panel = Rect(
        x: plotArea.maxX - panelSize.width, y: plotArea.center.y - panelSize.height / 2, width: panelSize.width,
        height: panelSize.height)
      axesBox = Rect(
        x: plotArea.minX, y: plotArea.minY, width: plotArea.width - panelSize.width - 40, height: plotArea.height)
    } else {
      panel = Rect(
        x: plotArea.center.x - panelSize.width / 2, y: plotArea.maxY - panelSize.height, width: panelSize.width,
        height: panelSize.height)
      axesBox = Rect(
        x: plotArea.minX, y: plotArea.minY, width: plotArea.width, height: plotArea.height - panelSize.height - 24)
    }
    // Room inside the box for tick labels (left, below), the axis label (below) and the
    // y label (above).
    let wavesAxes = Axes(
      x: 0...Double(example.positions - 1), y: -1.2...1.2,
      plot: Rect(x: axesBox.minX + 64, y: axesBox.minY + 40, width: axesBox.width - 72, height: axesBox.height - 110),
      yTicks: [-1, -0.5, 0, 0.5, 1])
    waves = Waves(
      formulas: formulas, axes: wavesAxes, legend: legend,
      legendOrigin: Point(panel.center.x - legend.extent.width / 2, panel.center.y - legend.extent.height / 2),
      panel: panel)
    column.place(
      in: Rect(
        x: panel.center.x - column.block.size.width / 2, y: panel.minY + readoutHeight,
        width: column.block.size.width, height: column.block.size.height))
    sweep = Sweep(column: column, position: Point(panel.center.x, panel.minY + readoutHeight / 2))

    // 4. The matrix: positions down, dimensions across, a colour scale beside or below.
    let matrixArea = headings[3].content
    let scaleTicks = [-1.0, -0.5, 0, 0.5, 1]
    let (matrixBox, scale) = Self.withScale(
      in: matrixArea, portrait: portrait, range: -1...1, ticks: scaleTicks, title: "PE value", theme: theme,
      font: tickFont,
      measurer: m)
    matrix = Self.heatmap(
      in: matrixBox, rows: example.positions, columns: example.dModel, range: -1...1, square: false)
    matrixScale = scale

    // 5. Similarity: the positions × positions heatmap, and the curve against the offset.
    let similarityArea = headings[4].content
    let values = example.similarity.flatMap { $0 }
    let range = (values.min() ?? 0)...(values.max() ?? 1)
    let half: (Rect, Rect) =
      portrait
      ? (
        Rect(
          x: similarityArea.minX, y: similarityArea.minY, width: similarityArea.width,
          height: similarityArea.height * 0.5),
        Rect(
          x: similarityArea.minX, y: similarityArea.minY + similarityArea.height * 0.5 + 12,
          width: similarityArea.width, height: similarityArea.height * 0.5 - 12)
      )
      : (
        Rect(
          x: similarityArea.minX, y: similarityArea.minY, width: similarityArea.width * 0.5,
          height: similarityArea.height),
        Rect(
          x: similarityArea.minX + similarityArea.width * 0.5 + 30, y: similarityArea.minY,
          width: similarityArea.width * 0.5 - 30, height: similarityArea.height)
      )
    let similarityTicks = NiceTicks.ticks(in: range, maxCount: 5)
    let (heatBox, similarityScale) = Self.withScale(
      in: half.0, portrait: false, range: range, ticks: similarityTicks, title: "PE(p)·PE(q)", theme: theme,
      font: tickFont,
      measurer: m)
    let heat = Self.heatmap(
      in: heatBox, rows: example.positions, columns: example.positions, range: range, square: true)
    let curveBox = half.1
    let offsets = 0...Double(example.positions - 1)
    let curve = Axes(
      x: offsets, y: min(range.lowerBound, 0)...range.upperBound * 1.05,
      plot: Rect(
        x: curveBox.minX + 64, y: curveBox.minY + 40, width: curveBox.width - 72, height: curveBox.height - 110))
    similarity = Similarity(heatmap: heat, scale: similarityScale, curve: curve)

    // 6. The sum: E + PE = X, elided past a few dimensions: the largest that fits.
    let tokens = sumExample.tokens
    let dims = (0..<sumExample.dModel).map { "d" + Self.subscriptDigits($0) }
    let encodingRows = PositionalEncoding.sinusoidal(positions: tokens.count, dModel: sumExample.dModel)
    var fitted: Sum?
    for (size, columns) in [(26.0, 6), (26, 5), (24, 4), (22, 4), (20, 3)] where fitted == nil {
      var style = MatrixStyle(font: Font(size: size), color: theme.ink, labelColor: theme.muted)
      style.maxColumns = columns
      func block(_ values: Matrix, _ name: String, _ rows: [String]) throws -> MatrixBlock {
        try MatrixBlock(
          values.rowArrays.map { $0.map(Double.init) }, style: style, rowLabels: rows, columnLabels: dims,
          name: try formula(name, size: size * 1.25, color: theme.ink), mathFont: mathFont, measurer: m)
      }
      var blocks = [
        try block(sumExample.embeddings, "E", tokens),
        try block(encodingRows, "\\mathrm{PE}", tokens.indices.map { "pos \($0)" }),
        try block(sumExample.x, "X", tokens),
      ]
      var plus = try formula("+", size: size * 1.4, color: theme.muted)
      var equals = try formula("=", size: size * 1.4, color: theme.muted)
      let flowBlocks = [
        blocks[0].block, BlockFlow.Block(size: plus.box.size, keepsWithNext: true), blocks[1].block,
        BlockFlow.Block(size: equals.box.size, keepsWithNext: true), blocks[2].block,
      ]
      guard let flow = BlockFlow(flowBlocks, in: headings[5].content, gap: size, lineGap: size * 1.2) else { continue }
      for (index, frameIndex) in [0, 2, 4].enumerated() { blocks[index].place(in: flow.frames[frameIndex]) }
      plus.center = flow.frames[1].center
      equals.center = flow.frames[3].center
      fitted = Sum(embeddings: blocks[0], plus: plus, encoding: blocks[1], equals: equals, x: blocks[2])
    }
    guard let fitted else {
      throw SceneError("the sum E + PE = X does not fit a \(Int(frame.width))×\(Int(frame.height)) frame")
    }
    sum = fitted
  }

  /// The legend label of dimension `dim`: its sine or cosine, with its exponent.
  static func curveLabel(_ dim: Int, dModel: Int) -> String {
    let function = dim.isMultiple(of: 2) ? "\\sin" : "\\cos"
    return "\\mathrm{dim}\\ \(dim):\\ \(function)(pos/10000^{\(dim - dim % 2)/\(dModel)})"
  }

  /// `12` as `₁₂`.
  static func subscriptDigits(_ number: Int) -> String {
    let digits = Array("₀₁₂₃₄₅₆₇₈₉")
    return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
  }

  /// A heatmap's axes filling `box` (less room for tick labels left and above, and the
  /// y label below), its cells square if `square`.
  static func heatmap(in box: Rect, rows: Int, columns: Int, range: ClosedRange<Double>, square: Bool) -> Heatmap {
    // Above: the x tick labels and the x label (the x axis runs along the top); below: the
    // y label.
    var plot = Rect(x: box.minX + 64, y: box.minY + 76, width: box.width - 72, height: box.height - 76 - 44)
    if square {
      let side = min(plot.width, plot.height)
      plot = Rect(x: plot.minX, y: plot.minY, width: side, height: side)
    }
    var axes = Axes(
      x: 0...Double(columns), y: 0...Double(rows), plot: plot,
      xTicks: NiceTicks.ticks(in: 0...Double(columns), maxCount: 6),
      yTicks: NiceTicks.ticks(in: 0...Double(rows), maxCount: 6))
    axes.yDown = true
    return Heatmap(
      axes: axes, cellSize: Size(plot.width / Double(columns), plot.height / Double(rows)), range: range)
  }

  /// `area` split into a box for a heatmap and a colour scale beside it (below it when
  /// `portrait`).
  static func withScale(
    in area: Rect, portrait: Bool, range: ClosedRange<Double>, ticks: [Double], title text: String, theme: Theme,
    font: Font, measurer m: TextMeasurer
  ) -> (Rect, Scale) {
    let span = range.upperBound - range.lowerBound
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    let labels = ticks.map { PlacedText(NiceTicks.label($0, step: step), font: font, color: theme.muted, measurer: m) }
    var title = PlacedText(text, font: Font(size: 20, italic: true), color: theme.muted, measurer: m)
    let widest = labels.map(\.size.width).max() ?? 0
    let thickness = 24.0
    if portrait {
      let box = Rect(x: area.minX, y: area.minY, width: area.width, height: area.height - 110)
      let bar = Rect(x: area.center.x - 200, y: box.maxY + 40, width: 400, height: thickness)
      title.center = Point(bar.center.x, bar.minY - 8 - title.size.height / 2)
      let placed = zip(ticks, labels).map { value, label -> (value: Double, label: PlacedText) in
        var label = label
        let x = bar.minX + (value - range.lowerBound) / span * bar.width
        label.center = Point(x, bar.maxY + 6 + label.size.height / 2)
        return (value, label)
      }
      return (box, Scale(range: range, bar: bar, vertical: false, ticks: placed, title: title))
    }
    let width = max(thickness + 10 + widest, title.size.width) + 20
    let box = Rect(x: area.minX, y: area.minY, width: area.width - width - 20, height: area.height)
    let bar = Rect(
      x: box.maxX + 20, y: area.minY + 76 + title.size.height + 14, width: thickness,
      height: min(area.height - 180, 360))
    // Above the top tick's label, which is centred on the bar's top.
    let labelHalf = (labels.map(\.size.height).max() ?? 0) / 2
    title.center = Point(bar.minX + title.size.width / 2, bar.minY - labelHalf - 8 - title.size.height / 2)
    let placed = zip(ticks, labels).map { value, label -> (value: Double, label: PlacedText) in
      var label = label
      let y = bar.maxY - (value - range.lowerBound) / span * bar.height
      label.center = Point(bar.maxX + 8 + label.size.width / 2, y)
      return (value, label)
    }
    return (box, Scale(range: range, bar: bar, vertical: true, ticks: placed, title: title))
  }
}
