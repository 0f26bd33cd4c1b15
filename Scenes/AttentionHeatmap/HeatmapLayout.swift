import Canvas
import Foundation
import Reel

/// Where everything in the attention-heatmap scene goes, computed from measured text for a
/// given frame, token list and caption — never from guessed widths.
///
/// The frame holds a title block at the top; below it the heatmap (keys across the top,
/// queries down the left) and, to its right, a panel with the colorbar and the caption.
/// Label fonts shrink with the number of tokens down to 14 units (14 px at 1080p); when
/// even that is too tall for a cell, only every k-th label is shown.
public struct HeatmapLayout: Sendable {
  public var title: PlacedText
  public var subtitle: PlacedText
  public var keysTitle: PlacedText
  public var queriesTitle: PlacedText
  /// One entry per token; `nil` where the label is left out so the others stay legible.
  public var rowLabels: [PlacedText?]
  public var columnLabels: [PlacedText?]
  public var grid: Rect
  public var cellSize: Double
  public var labelFont: Font
  /// Font for the weight printed in each cell, or `nil` when cells are too small for it.
  public var valueFont: Font?
  public var colorbar: Rect
  public var colorbarTitle: PlacedText
  public var ticks: [PlacedText]
  public var tickValues: [Double]
  /// The masked-cell key, present for causal attention.
  public var maskSwatch: Rect?
  public var maskLegend: PlacedText?
  public var caption: [PlacedText]

  /// Every piece of text, for drawing and for overlap checks.
  public var allText: [PlacedText] {
    [title, subtitle, keysTitle, queriesTitle, colorbarTitle] + rowLabels.compactMap { $0 }
      + columnLabels.compactMap { $0 } + ticks + [maskLegend].compactMap { $0 } + caption
  }

  static let margin = 48.0
  static let maxCell = 180.0
  static let minFont = 14.0
  static let maxFont = 28.0

  /// The smallest cell worth drawing; a frame too narrow for it is an error, not a mess.
  static let minCell = 6.0

  public init(
    tokens: [String], frame: Size, scale: ColorbarScale, causal: Bool,
    caption captionLines: [String], theme: Theme, measurer m: TextMeasurer
  ) throws {
    let n = tokens.count
    let margin = Self.margin
    let ink = theme.ink
    let muted = theme.muted

    // Title block.
    var title = PlacedText("Self-attention weights", font: Font(size: 46, weight: .semibold), color: ink, measurer: m)
    title.center = Point(frame.width / 2, 34 + title.size.height / 2)
    var subtitle = PlacedText(
      "softmax(QKᵀ / √dₖ): each row is one query's attention over the keys and sums to 1",
      font: Font(size: 24), color: muted, measurer: m)
    subtitle.string = m.truncated(subtitle.string, font: subtitle.font, maxWidth: frame.width - 2 * margin)
    subtitle.center = Point(frame.width / 2, title.box.maxY + 6 + subtitle.size.height / 2)

    // Right panel: colorbar ticks, legend and caption set its width.
    let tickFont = Font(size: 20)
    let tickValues = scale.ticks
    var ticks = tickValues.map { PlacedText(String(format: "%.2f", $0), font: tickFont, color: muted, measurer: m) }
    var colorbarTitle = PlacedText("weight", font: Font(size: 22, italic: true), color: muted, measurer: m)
    var maskLegend =
      causal ? PlacedText("masked (−∞ before softmax)", font: Font(size: 20), color: muted, measurer: m) : nil
    let panelMax = max(240, min(560, frame.width * 0.3))
    // Caption lines shrink to fit the panel (to 22 units at most), and only then are shortened.
    var caption = captionLines.enumerated().map { index, line in
      var font = index == 0 ? Font(size: 30, weight: .semibold) : Font(size: 24)
      while font.size > 22 && m.measure(line, font: font).width > panelMax { font.size -= 1 }
      let fitted = m.truncated(line, font: font, maxWidth: panelMax)
      return PlacedText(fitted, font: font, color: index == 0 ? ink : muted, measurer: m)
    }
    let barWidth = 26.0
    let tickWidth = ticks.map(\.size.width).max() ?? 0
    let panelWidth =
      ([barWidth + 10 + tickWidth, colorbarTitle.size.width, (maskLegend?.size.width ?? 0) + 34]
      + caption.map(\.size.width)).max() ?? 0

    // Heatmap: the largest label font whose cells still hold it.
    let axisFont = Font(size: 24, italic: true)
    var keysTitle = PlacedText("Keys", font: axisFont, color: muted, measurer: m)
    var queriesTitle = PlacedText("Queries", font: axisFont, color: muted, isVertical: true, measurer: m)
    let top = subtitle.box.maxY + 24
    let bottom = frame.height - 32
    let availableWidth = frame.width - 2 * margin - queriesTitle.box.width - 10 - 12 - 56 - panelWidth
    let choice = Self.fitLabels(
      tokens, down: bottom - top - 10, across: availableWidth, labelColumnMinimum: keysTitle.size.width,
      measurer: m)
    let cell = choice.cell
    guard cell >= Self.minCell else {
      throw SceneError("the frame is too narrow for \(n) tokens; use a wider --resolution (16:9 fits up to 64)")
    }
    let lineHeight = m.measure("Ag", font: choice.font).height
    // Show every k-th label when one line is taller than a cell.
    let stride = max(1, Int((lineHeight / cell).rounded(.up)))
    // The label column also holds the "Keys" title in its top corner.
    let rowLabelWidth = max(
      choice.texts.map { m.measure($0, font: choice.font).width }.max() ?? 0,
      keysTitle.size.width)

    // Centre the whole composition horizontally and the heatmap block vertically.
    let gridSide = cell * Double(n)
    let blockWidth = queriesTitle.box.width + 10 + rowLabelWidth + 12 + gridSide + 56 + panelWidth
    let left = max(margin, (frame.width - blockWidth) / 2)
    let blockHeight = choice.labelHeight + 10 + gridSide
    let blockTop = top + max(0, (bottom - top - blockHeight) / 2)
    let gridX = left + queriesTitle.box.width + 10 + rowLabelWidth + 12
    let gridY = blockTop + choice.labelHeight + 10
    let grid = Rect(x: gridX, y: gridY, width: gridSide, height: gridSide)

    // "Keys" sits in the empty corner above the row labels, level with the column labels' foot.
    keysTitle.center = Point(gridX - 12 - keysTitle.size.width / 2, gridY - 10 - keysTitle.size.height / 2)
    queriesTitle.center = Point(left + queriesTitle.box.width / 2, grid.center.y)
    let labelFont = choice.font
    let rowLabels: [PlacedText?] = choice.texts.enumerated().map { i, text in
      guard i % stride == 0 else { return nil }
      var label = PlacedText(text, font: labelFont, color: ink, measurer: m)
      label.center = Point(gridX - 12 - label.size.width / 2, gridY + (Double(i) + 0.5) * cell)
      return label
    }
    let columnLabels: [PlacedText?] = choice.texts.enumerated().map { j, text in
      guard j % stride == 0 else { return nil }
      var label = PlacedText(text, font: labelFont, color: ink, isVertical: choice.rotated, measurer: m)
      let x = gridX + (Double(j) + 0.5) * cell
      label.center = Point(x, gridY - 10 - label.box.height / 2)
      return label
    }

    // Value font: as large as reads well, and only if "0.00" fits inside a cell.
    let valueSize = min(30, (cell * 0.3).rounded(.down))
    let valueFits =
      valueSize >= Self.minFont
      && m.measure("0.00", font: Font(family: Font.sans, size: valueSize)).width <= cell - 10
    let valueFont = valueFits ? Font(size: valueSize) : nil

    // Panel: colorbar from the top of the grid, legend under it, caption last.
    let panelX = grid.maxX + 56
    colorbarTitle.center = Point(panelX + colorbarTitle.size.width / 2, grid.minY + colorbarTitle.size.height / 2)
    let barTop = colorbarTitle.box.maxY + 12
    let barHeight = min(max(grid.height * 0.55, 220), 420)
    let colorbar = Rect(x: panelX, y: barTop, width: barWidth, height: barHeight)
    for index in ticks.indices {
      let y = colorbar.maxY - tickValues[index] / scale.upperBound * barHeight
      ticks[index].center = Point(colorbar.maxX + 10 + ticks[index].size.width / 2, y)
    }
    var cursor = colorbar.maxY + (ticks.last.map { $0.size.height / 2 } ?? 0) + 28
    var maskSwatch: Rect?
    if var legend = maskLegend {
      let swatch = Rect(x: panelX, y: cursor, width: 24, height: 24)
      legend.center = Point(swatch.maxX + 10 + legend.size.width / 2, swatch.center.y)
      maskSwatch = swatch
      maskLegend = legend
      cursor = max(swatch.maxY, legend.box.maxY) + 28
    }
    let captionHeight = caption.reduce(0) { $0 + $1.size.height + 6 }
    cursor = max(cursor, grid.maxY - captionHeight)
    for index in caption.indices {
      caption[index].center = Point(panelX + caption[index].size.width / 2, cursor + caption[index].size.height / 2)
      cursor = caption[index].box.maxY + 6
    }

    self.title = title
    self.subtitle = subtitle
    self.keysTitle = keysTitle
    self.queriesTitle = queriesTitle
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.grid = grid
    self.cellSize = cell
    self.labelFont = labelFont
    self.valueFont = valueFont
    self.colorbar = colorbar
    self.colorbarTitle = colorbarTitle
    self.ticks = ticks
    self.tickValues = tickValues
    self.maskSwatch = maskSwatch
    self.maskLegend = maskLegend
    self.caption = caption
  }

  /// Token labels fitted to the space for the heatmap.
  struct LabelFit {
    var font: Font
    /// The tokens, shortened with an ellipsis where too long.
    var texts: [String]
    /// Whether column labels stand upright.
    var rotated: Bool
    var cell: Double
    /// Height taken by the column labels above the grid.
    var labelHeight: Double
  }

  /// The largest label font (28 down to 14) whose cells still hold it, with tokens
  /// shortened to leave the grid room for one line per token. `down` and `across` are the
  /// space for labels plus grid; the row-label column is at least `labelColumnMinimum` wide.
  static func fitLabels(
    _ tokens: [String], down: Double, across: Double, labelColumnMinimum: Double,
    measurer m: TextMeasurer
  ) -> LabelFit {
    let n = Double(tokens.count)
    var size = maxFont
    while true {
      let font = Font(size: size)
      let lineHeight = m.measure("Ag", font: font).height
      let maxLabel = max(4 * size, min(8 * size, down - n * lineHeight - 10))
      let texts = tokens.map { m.truncated($0, font: font, maxWidth: maxLabel) }
      let widest = texts.map { m.measure($0, font: font).width }.max() ?? 0
      let cellAcross = (across - max(widest, labelColumnMinimum)) / n
      // Column labels lie flat when they fit across a cell, else they stand upright.
      var fit = LabelFit(
        font: font, texts: texts, rotated: false,
        cell: min(maxCell, cellAcross, (down - lineHeight) / n), labelHeight: lineHeight)
      if widest + 10 > fit.cell {
        fit.rotated = true
        fit.labelHeight = widest
        fit.cell = min(maxCell, cellAcross, (down - widest) / n)
      }
      if size <= minFont || size <= fit.cell * 0.42 { return fit }
      size -= 1
    }
  }
}
