import Canvas
import Foundation
import MathType
import Reel

/// Where everything in the attention-heatmap scene goes, computed from measured text for a
/// given frame — never from guessed widths.
///
/// Wide frames (16:9, 4:3) set the grid, the caption panel beside the focus row, and a
/// colorbar as tall as the grid in one row centred on the frame. Square and portrait frames
/// put the grid at full width, and a horizontal colorbar, the caption and (portrait) the
/// ranked list below it. Title and subtitle are at the top, the footnote saying where the
/// weights come from at the bottom. Label fonts shrink with the token count down to 14
/// units; when a line is taller than a cell, every k-th label is shown — always including
/// the focus query and every key the caption names.
public struct HeatmapLayout: Sendable {
  public enum Arrangement: Sendable, Hashable {
    /// Grid, caption panel and colorbar side by side.
    case side
    /// Grid on top; colorbar, caption and list under it.
    case below
  }

  public var arrangement: Arrangement
  public var title: PlacedText
  public var subtitle: [PlacedText]
  /// softmax(QKᵀ/√d_k), typeset, leading the subtitle.
  public var subtitleFormula: PlacedFormula
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
  public var colorbar: ColorbarLayout
  public var panel: FocusPanel
  /// A line from the focus row to its caption (side by side only).
  public var leader: (from: Point, to: Point)?
  public var footnote: [PlacedText]

  /// Every piece of text, for drawing and for overlap checks.
  public var allText: [PlacedText] {
    [title] + subtitle + [keysTitle, queriesTitle] + rowLabels.compactMap { $0 } + columnLabels.compactMap { $0 }
      + colorbar.texts + panel.texts + footnote
  }

  static let maxCell = 220.0
  static let minFont = 14.0
  static let maxFont = 28.0
  /// The smallest cell worth drawing (a pixel at 1080p: 512 tokens fit a 16:9 frame); a
  /// frame too small for it is an error, not a mess.
  static let minCell = 1.0

  public init(
    tokens: [String], frame: Size, scale: ColorScale, saturates: Bool = false, causal: Bool, focus: AttentionFocus,
    footnote note: String, theme: Theme, accent: Color, measurer m: TextMeasurer
  ) throws {
    // One language for every token, so a Japanese sentence's kanji keep Japanese shapes.
    let language = Font.language(for: tokens)
    let n = tokens.count
    let side = frame.width >= frame.height * 1.25
    arrangement = side ? .side : .below
    let margin = side ? 56.0 : 36.0
    let usable = frame.width - 2 * margin
    let ink = theme.ink
    let muted = theme.muted

    // Title block, present from the first frame.
    var title = PlacedText.fitted(
      "Self-attention weights", font: Font(size: 46, weight: .semibold), color: ink, maxWidth: usable,
      minimumSize: 30, measurer: m)
    title.center = Point(frame.width / 2, 30 + title.size.height / 2)
    // The subtitle: the formula, typeset, then what it means; on one line when it fits.
    var formula = PlacedFormula(
      formula: try Formula(
        "\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})", display: false, font: try MathFont()),
      size: 29, color: muted, center: .zero)
    let meaning = "each row is one query's attention over the keys and adds up to 1"
    let subtitleFont = Font(size: 24)
    let rest = PlacedText(": " + meaning, font: subtitleFont, color: muted, measurer: m)
    var subtitle: [PlacedText]
    let gap = 2.0
    if formula.box.width + gap + rest.size.width <= usable {
      let metrics = m.measure(rest.string, font: subtitleFont)
      let baseline = title.box.maxY + 4 + max(formula.ascent, metrics.baseline)
      let left = frame.width / 2 - (formula.box.width + gap + rest.size.width) / 2
      formula.center = Point(left + formula.box.width / 2, baseline + (formula.descent - formula.ascent) / 2)
      var line = rest
      line.center = Point(
        left + formula.box.width + gap + rest.size.width / 2, baseline - metrics.baseline + metrics.logical.height / 2)
      subtitle = [line]
    } else {
      formula.center = Point(frame.width / 2, title.box.maxY + 4 + formula.box.height / 2)
      let sub = RichText(
        [TextRun("Each " + meaning.dropFirst(5), font: subtitleFont, color: muted)], maxWidth: usable, balanced: true,
        measurer: m)
      subtitle = Self.centered(sub, at: frame.width / 2, top: formula.box.maxY + 2)
    }
    let top = max(subtitle.map(\.box.maxY).max() ?? 0, formula.box.maxY) + (side ? 30 : 22)

    // Footnote at the bottom.
    let foot = RichText(
      [TextRun(note, font: Font(size: 18), color: muted)], maxWidth: usable, balanced: true, measurer: m)
    let footnote = Self.centered(foot, at: frame.width / 2, top: frame.height - 22 - foot.size.height)
    let bottom = frame.height - 22 - foot.size.height - (side ? 24 : 18)

    // Measured pieces whose size does not depend on the grid.
    let axisFont = Font(size: 24, italic: true)
    var keysTitle = PlacedText("Keys", font: axisFont, color: muted, measurer: m)
    var queriesTitle = PlacedText("Queries", font: axisFont, color: muted, isVertical: true, measurer: m)
    var colorbar = ColorbarLayout(
      orientation: side ? .vertical : .horizontal, scale: scale, saturates: saturates, tokenCount: n, causal: causal,
      theme: theme, measurer: m)
    let forced = Set([focus.query] + focus.named)
    let leftOfGrid = queriesTitle.box.width + 10 + 12
    func makePanel(width: Double, listLength: Int = 5) -> FocusPanel {
      FocusPanel(
        focus: focus, tokens: tokens, width: width, listLength: listLength, language: language, theme: theme,
        accent: accent, measurer: m)
    }
    // Side by side, the panel takes what the grid, sized by the height, leaves over.
    var panel: FocusPanel
    var choice: LabelFit
    if side {
      // The colorbar's title stands above the grid's top, level with the column labels;
      // the masked-cell key goes under the grid.
      let down = bottom - top - 10 - colorbar.keyHeight
      let tall = Self.fitLabels(
        tokens, down: down, across: usable, labelColumnMinimum: keysTitle.size.width, language: language, measurer: m)
      let spare =
        usable - leftOfGrid - max(tall.widest, keysTitle.size.width) - tall.cell * Double(n) - 56 - 48
        - colorbar.breadth
      let panelWidth = min(480, max(320, spare))
      panel = makePanel(width: panelWidth)
      let across = usable - leftOfGrid - 56 - panel.size.width - 48 - colorbar.breadth
      choice = Self.fitLabels(
        tokens, down: down, across: across, labelColumnMinimum: keysTitle.size.width, language: language, measurer: m)
      // Width the grid could not use (its height ran out first) goes to the panel.
      let leftover = across - max(choice.widest, keysTitle.size.width) - choice.cell * Double(n)
      let width = min(480, panelWidth + max(0, leftover))
      if width > panelWidth + 1 { panel = makePanel(width: width) }
      // The longest list (5 keys, then 3, then none) that fits beside the grid.
      let room = choice.cell * Double(n) + colorbar.keyHeight
      for length in [3, 0] where panel.size.height > room {
        panel = makePanel(width: width, listLength: length)
      }
    } else {
      // The grid as wide as the frame allows; the ranked list only if it still fits below.
      let across = usable - leftOfGrid
      let wide = Self.fitLabels(
        tokens, down: frame.height, across: across, labelColumnMinimum: keysTitle.size.width, language: language,
        measurer: m)
      let gridHeight = wide.labelHeight + 10 + wide.cell * Double(n)
      // The longest list (5 keys, then 3, then none) that leaves the grid its full size.
      panel = makePanel(width: min(usable, 720), listLength: 0)
      for length in [5, 3] {
        let candidate = makePanel(width: min(usable, 720), listLength: length)
        if gridHeight + 28 + colorbar.breadth + 26 + candidate.size.height <= bottom - top {
          panel = candidate
          break
        }
      }
      let down = bottom - top - 10 - 28 - colorbar.breadth - 26 - panel.size.height
      choice = Self.fitLabels(
        tokens, down: down, across: across, labelColumnMinimum: keysTitle.size.width, language: language,
        measurer: m)
    }
    let cell = choice.cell
    guard cell >= Self.minCell else {
      throw SceneError(
        "the frame is too narrow for \(n) tokens (their cells would be under a pixel at 1080p); use a wider frame: 16:9 holds 512"
      )
    }
    let rowLabelWidth = max(choice.widest, keysTitle.size.width)
    let gridSide = cell * Double(n)

    // Horizontal placement: the whole row of parts centred on the frame's axis.
    let gridX: Double
    let blockHeight = choice.labelHeight + 10 + gridSide
    let blockTop: Double
    if side {
      let blockWidth =
        queriesTitle.box.width + 10 + rowLabelWidth + 12 + gridSide + 56 + panel.size.width + 48
        + colorbar.breadth
      let left = max(margin, (frame.width - blockWidth) / 2)
      gridX = left + queriesTitle.box.width + 10 + rowLabelWidth + 12
      // Centred with what hangs below the grid (the masked-cell key) counted in.
      blockTop = top + max(0, (bottom - top - blockHeight - colorbar.keyHeight) / 2)
    } else {
      // The grid itself on the axis; its labels hang to the left.
      gridX = max(margin + queriesTitle.box.width + 10 + rowLabelWidth + 12, (frame.width - gridSide) / 2)
      // Grid, colorbar and caption centred in the height between title and footnote.
      let total = blockHeight + 28 + colorbar.breadth + 26 + panel.size.height
      blockTop = top + max(0, (bottom - top - total) / 2)
    }
    let gridY = blockTop + choice.labelHeight + 10
    let grid = Rect(x: gridX, y: gridY, width: gridSide, height: gridSide)

    keysTitle.center = Point(gridX - 12 - keysTitle.size.width / 2, gridY - 10 - keysTitle.size.height / 2)
    queriesTitle.center = Point(gridX - 12 - rowLabelWidth - 10 - queriesTitle.box.width / 2, grid.center.y)
    let shown = Self.shownLabels(count: n, stride: choice.stride, forced: forced)
    let labelFont = choice.font
    var rowLabels: [PlacedText?] = choice.texts.enumerated().map { i, text in
      guard shown.contains(i) else { return nil }
      var label = PlacedText(Bidi.isolate(text), font: labelFont, color: ink, measurer: m)
      label.center = Point(gridX - 12 - label.size.width / 2, gridY + (Double(i) + 0.5) * cell)
      return label
    }
    var columnLabels: [PlacedText?] = choice.texts.enumerated().map { j, text in
      guard shown.contains(j) else { return nil }
      var label = PlacedText(Bidi.isolate(text), font: labelFont, color: ink, isVertical: choice.rotated, measurer: m)
      label.center = Point(gridX + (Double(j) + 0.5) * cell, gridY - 10 - label.box.height / 2)
      return label
    }

    // Two named tokens side by side may stand taller than their cells: nudge them apart.
    Self.spread(&rowLabels, along: \.y, within: grid.minY...grid.maxY, gap: { $0.box.height })
    Self.spread(&columnLabels, along: \.x, within: grid.minX...grid.maxX, gap: { $0.box.width })

    // Values printed in cells: as large as reads well, only if "0.00" fits.
    let valueSize = min(30, (cell * 0.3).rounded(.down))
    let valueFits = valueSize >= Self.minFont && m.measure("0.00", font: Font(size: valueSize)).width <= cell - 10
    valueFont = valueFits ? Font(size: valueSize) : nil

    // Panel and colorbar.
    let rowY = gridY + (Double(focus.query) + 0.5) * cell
    var placedPanel: FocusPanel
    if side {
      let panelX = grid.maxX + 56
      // The caption's first line level with the focus row, as far as the grid allows.
      let firstLine = panel.caption.first.map { $0.center.y } ?? 0
      let panelTop = min(max(rowY - firstLine, gridY), max(gridY, min(grid.maxY, bottom) - panel.size.height))
      placedPanel = panel.moved(to: Point(panelX, panelTop))
      let captionY = placedPanel.caption.first.map(\.center.y) ?? rowY
      leader = (Point(grid.maxX + 8, rowY), Point(panelX - 10, captionY))
      colorbar.place(
        at: Point(panelX + panel.size.width + 48, gridY - colorbar.lead), length: gridSide,
        scale: scale, within: margin...(frame.width - margin))
      colorbar.placeMaskKey(at: Point(gridX, grid.maxY + 16))
    } else {
      let box = colorbar.place(
        at: Point(gridX, grid.maxY + 28), length: gridSide, scale: scale, within: margin...(frame.width - margin))
      placedPanel = panel.moved(to: Point((frame.width - panel.size.width) / 2, box.maxY + 26))
      leader = nil
    }

    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.title = title
    self.subtitle = subtitle
    self.subtitleFormula = formula
    self.keysTitle = keysTitle
    self.queriesTitle = queriesTitle
    self.grid = grid
    self.cellSize = cell
    self.labelFont = labelFont
    self.colorbar = colorbar
    self.panel = placedPanel
    self.footnote = footnote
  }

  /// Moves shown labels along one axis just enough that none overlaps the next, keeping
  /// each group of crowded labels centred where they belong, but within `span` (the grid's
  /// side), so a crowd at the grid's first or last row does not reach past it.
  static func spread(
    _ labels: inout [PlacedText?], along axis: WritableKeyPath<Point, Double>, within span: ClosedRange<Double>,
    gap: (PlacedText) -> Double
  ) {
    let shown = labels.indices.filter { labels[$0] != nil }
    guard let size = shown.compactMap({ labels[$0].map(gap) }).max() else { return }
    // The centre of a cluster of `count` labels kept inside `span` (when it fits there).
    func inside(_ center: Double, count: Int) -> Double {
      let half = Double(count) * size / 2
      guard span.upperBound - span.lowerBound >= 2 * half else { return center }
      return min(max(center, span.lowerBound + half), span.upperBound - half)
    }
    // Clusters of labels that must sit `size` apart: each centred on its labels' own places.
    var clusters: [(members: [Int], center: Double)] = []
    for index in shown {
      guard let place = labels[index]?.center[keyPath: axis] else { continue }
      clusters.append(([index], inside(place, count: 1)))
      while clusters.count > 1 {
        let (a, b) = (clusters[clusters.count - 2], clusters[clusters.count - 1])
        let aEnd = a.center + Double(a.members.count - 1) * size / 2
        let bStart = b.center - Double(b.members.count - 1) * size / 2
        guard aEnd + size > bStart + 1e-9 else { break }
        let members = a.members + b.members
        let places = members.compactMap { labels[$0]?.center[keyPath: axis] }
        clusters.removeLast(2)
        clusters.append((members, inside(places.reduce(0, +) / Double(places.count), count: members.count)))
      }
    }
    for cluster in clusters {
      for (offset, index) in cluster.members.enumerated() {
        let place = cluster.center + (Double(offset) - Double(cluster.members.count - 1) / 2) * size
        labels[index]?.center[keyPath: axis] = place
      }
    }
  }

  /// Lines of text centred on `x`, the first one's top at `top`.
  static func centered(_ text: RichText, at x: Double, top: Double) -> [PlacedText] {
    text.lines.flatMap { line -> [PlacedText] in
      let width = (line.last?.box.maxX ?? 0) - (line.first?.box.minX ?? 0)
      return line.map { piece in
        var moved = piece
        moved.center = piece.center + Point(x - width / 2, top)
        return moved
      }
    }
  }

  /// The labels to show when every `stride`-th fits: all of `forced`, and every `stride`-th
  /// other one that keeps `stride` away from them.
  static func shownLabels(count: Int, stride: Int, forced: Set<Int>) -> Set<Int> {
    guard stride > 1 else { return Set(0..<count) }
    var shown = forced
    for index in Swift.stride(from: 0, to: count, by: stride)
    where !forced.contains(where: { abs($0 - index) < stride }) {
      shown.insert(index)
    }
    return shown
  }

  /// Token labels fitted to the space for the heatmap.
  struct LabelFit {
    var font: Font
    /// The tokens, shortened with an ellipsis where too long.
    var texts: [String]
    var widest: Double
    /// Whether column labels stand upright.
    var rotated: Bool
    var cell: Double
    /// Height taken by the column labels above the grid.
    var labelHeight: Double
    /// Every `stride`-th label fits beside the next.
    var stride: Int
  }

  /// The largest label font (28 down to 14) whose cells still hold it, with tokens
  /// shortened to leave the grid room for one line per token. `down` and `across` are the
  /// space for labels plus grid; the row-label column is at least `labelColumnMinimum` wide.
  static func fitLabels(
    _ tokens: [String], down: Double, across: Double, labelColumnMinimum: Double, language: String? = nil,
    measurer m: TextMeasurer
  ) -> LabelFit {
    let n = Double(tokens.count)
    // A size above 0.42 of the largest cell possible never fits (see the loop's end):
    // starting below it spares measuring hundreds of tokens at sizes that cannot be chosen.
    let largestCell = min(maxCell, across / n, down / n)
    var size = min(maxFont, max(minFont, (0.42 * largestCell).rounded(.down)))
    while true {
      let font = Font(size: size).withLanguage(language)
      let maxLabel = max(4 * size, min(8 * size, down - n * size * 1.2 - 10))
      // Shortened in the middle: tokens that share a start still differ at their ends.
      let texts = tokens.map { m.shortenedInTheMiddle($0, font: font, maxWidth: maxLabel) }
      let metrics = texts.map { m.measure(Bidi.isolate($0), font: font) }
      let widest = metrics.map(\.width).max() ?? 0
      // Scripts from fallback fonts (CJK, emoji) may stand taller than Latin text.
      let lineHeight = max(metrics.map(\.height).max() ?? 0, m.measure("Ag", font: font).height)
      let cellAcross = (across - max(widest, labelColumnMinimum)) / n
      // Column labels lie flat when they fit across a cell, else they stand upright.
      var fit = LabelFit(
        font: font, texts: texts, widest: widest, rotated: false,
        cell: min(maxCell, cellAcross, (down - lineHeight) / n), labelHeight: lineHeight, stride: 1)
      if widest + 10 > fit.cell {
        fit.rotated = true
        fit.labelHeight = widest
        fit.cell = min(maxCell, cellAcross, (down - widest) / n)
      }
      fit.stride = max(1, Int((lineHeight / fit.cell).rounded(.up)))
      if size <= minFont || size <= fit.cell * 0.42 { return fit }
      size -= 1
    }
  }
}
