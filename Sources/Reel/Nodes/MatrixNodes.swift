import Canvas
import MathType

/// How a matrix is drawn: its numbers, brackets and labels.
public struct MatrixStyle: Sendable {
  /// The entries' font; DejaVu Sans has tabular digits, so columns of numbers line up.
  public var font: Font
  public var color: Color
  /// The brackets' colour, when they carry the matrix's identity (Q in the query colour);
  /// `nil` draws them in `color`.
  public var bracketColor: Color?
  public var labelColor: Color
  /// Digits after the decimal point.
  public var decimals = 2
  /// Space between columns and between rows, in pixels.
  public var columnGap: Double
  public var rowGap: Double
  /// `[` for brackets, `(` for parentheses.
  public var bracket: Unicode.Scalar = "["
  /// Heatmap mode: each entry on a cell coloured by its value, its digits in black or
  /// white, whichever reads better on it.
  public var cells: MatrixCells?
  /// Elision: with more rows (columns) than this, the matrix shows the first ones, a row of
  /// ⋮ (a column of ⋯) and the last one. At least 3; `nil` shows every row (column).
  public var maxRows: Int?
  public var maxColumns: Int?

  public init(font: Font, color: Color, labelColor: Color) {
    self.font = font
    self.color = color
    self.labelColor = labelColor
    columnGap = font.size * 0.9
    rowGap = font.size * 0.45
  }

  /// `value` with `decimals` digits and a true minus sign (−0.12, not -0.12); a value that
  /// rounds to zero shows no sign; −∞ (a masked score) is written so.
  public func format(_ value: Double) -> String {
    if value.isInfinite { return value < 0 ? "\u{2212}∞" : "∞" }
    let text = String(format: "%.\(decimals)f", abs(value))
    let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
    return (value < 0 && !isZero ? "\u{2212}" : "") + text
  }
}

/// Heatmap mode of a matrix: the colormap and the values at its two ends.
public struct MatrixCells: Sendable {
  public var colormap: Colormap
  public var range: ClosedRange<Double>
  /// Entries a mask hides (`mask[row][column]`; empty: none), drawn on `maskFill` with
  /// `maskInk` digits, never in a colour of the map, so a masked 0 is not read as a weight.
  public var mask: [[Bool]] = []
  public var maskFill = Color(rgb: 0xE4E4E7)
  public var maskInk = Color(rgb: 0x5B6170)

  public init(colormap: Colormap, range: ClosedRange<Double>) {
    self.colormap = colormap
    self.range = range
  }

  /// Whether entry (`row`, `column`) of the values is masked.
  public func isMasked(_ row: Int, _ column: Int) -> Bool {
    mask.indices.contains(row) && mask[row].indices.contains(column) && mask[row][column]
  }

  /// The cell colour of `value`, clamped to the range.
  public func color(of value: Double) -> Color {
    let span = range.upperBound - range.lowerBound
    return colormap.color(at: span > 0 ? min(max((value - range.lowerBound) / span, 0), 1) : 0.5)
  }

  /// Black or white, whichever contrasts more with `background`.
  public static func ink(on background: Color) -> Color {
    background.contrast(with: .black) >= background.contrast(with: .white) ? .black : .white
  }
}

/// A matrix on screen: its entries, brackets and labels are nodes of their own in one group,
/// so a row, a column or a cell can be highlighted, recoloured or changed alone.
public struct MatrixNodes: Sendable {
  /// The whole matrix (brackets, entries, labels).
  public let group: Node
  /// `entries[row][column]`, as shown: in an elided matrix, the dots are entries too (see
  /// `shownRows`, `shownColumns` and `entry(row:column:)`).
  public let entries: [[Node]]
  /// Which row and column of the values each shown row and column is; `nil` for the dots.
  public let shownRows: [Int?]
  public let shownColumns: [Int?]
  /// In heatmap mode, the coloured cell behind each entry (`cells[row][column]`); empty
  /// otherwise.
  public let cells: [[Node]]
  /// Left and right bracket.
  public let brackets: [Node]
  public let rowLabels: [Node]
  public let columnLabels: [Node]
  /// The box of each row and column of entries, for highlights.
  public let rowBoxes: [Rect]
  public let columnBoxes: [Rect]
  /// The box of entries and brackets.
  public let bounds: Rect
  /// The box of everything: entries, brackets and labels.
  public let extent: Rect

  /// The box of entries and brackets (`bounds`) and of everything (`extent`) a matrix of
  /// `values` would have, centred on the origin: for laying out before making it.
  public static func measure(
    _ values: [[Double]], style: MatrixStyle, rowLabels: [String] = [], columnLabels: [String] = [],
    mathFont: MathFont, measurer: TextMeasurer
  ) throws -> (bounds: Rect, extent: Rect) {
    let layout = try MatrixLayout(
      values: values, style: style, rowLabels: rowLabels, columnLabels: columnLabels, mathFont: mathFont,
      measurer: measurer)
    let (dx, dy) = (-layout.bounds.center.x, -layout.bounds.center.y)
    return (layout.bounds.offsetBy(dx: dx, dy: dy), layout.extent.offsetBy(dx: dx, dy: dy))
  }

  /// The entry showing value (`row`, `column`), or `nil` if elision left it out.
  public func entry(row: Int, column: Int) -> Node? {
    guard let r = shownRows.firstIndex(of: row), let c = shownColumns.firstIndex(of: column) else { return nil }
    return entries[r][c]
  }

  /// The entries of shown row `row`, left to right.
  public func row(_ row: Int) -> [Node] { entries[row] }

  /// The entries of shown column `column`, top to bottom.
  public func column(_ column: Int) -> [Node] { entries.map { $0[column] } }

  /// A rounded frame around a row, a column or one cell, to bring on screen as a highlight.
  public func highlight(row: Int? = nil, column: Int? = nil, color: Color, width: Double = 3) -> Node {
    let box: Rect
    switch (row, column) {
    case (let row?, let column?):
      let r = rowBoxes[row]
      let c = columnBoxes[column]
      box = Rect(x: c.minX, y: r.minY, width: c.width, height: r.height)
    case (let row?, nil): box = rowBoxes[row]
    case (nil, let column?): box = columnBoxes[column]
    case (nil, nil): box = bounds
    }
    // Around the heatmap cells too, which reach past the entries.
    let pad = cells.isEmpty ? 4.0 : 3 + max(cells[0][0].bounds.width - columnBoxes[0].width, 0) / 2
    return .rectangle(
      width: box.width + 2 * pad, height: box.height + 2 * pad, cornerRadius: 6, at: box.center, stroke: color,
      strokeWidth: width)
  }
}

/// A matrix's nodes as values, placed in the frame, before they are registered.
struct MatrixPieces {
  var cells: [[Node]]
  var entries: [[Node]]
  var shownRows: [Int?]
  var shownColumns: [Int?]
  var brackets: [Node]
  var rowLabels: [Node]
  var columnLabels: [Node]
  var rowBoxes: [Rect]
  var columnBoxes: [Rect]
  var bounds: Rect
  var extent: Rect

  init(
    _ values: [[Double]], center: Point, style: MatrixStyle, rowLabels: [String], columnLabels: [String],
    mathFont: MathFont, measurer: TextMeasurer
  ) throws {
    let layout = try MatrixLayout(
      values: values, style: style, rowLabels: rowLabels, columnLabels: columnLabels, mathFont: mathFont,
      measurer: measurer)
    let offset = Point(center.x - layout.bounds.center.x, center.y - layout.bounds.center.y)
    func moved(_ point: Point) -> Point { Point(point.x + offset.x, point.y + offset.y) }
    func movedRect(_ rect: Rect) -> Rect { rect.offsetBy(dx: offset.x, dy: offset.y) }
    shownRows = layout.shownRows
    shownColumns = layout.shownColumns
    /// The cell colour and digit colour at a shown place in heatmap mode.
    func colors(_ mode: MatrixCells, _ row: Int, _ column: Int) -> (fill: Color, ink: Color)? {
      guard let r = layout.shownRows[row], let c = layout.shownColumns[column] else { return nil }
      if mode.isMasked(r, c) { return (mode.maskFill, mode.maskInk) }
      let fill = mode.color(of: values[r][c])
      return (fill, MatrixCells.ink(on: fill))
    }
    cells =
      style.cells.map { mode in
        layout.entries.indices.map { row in
          layout.entries[row].indices.map { column in
            let box = Rect(
              x: layout.columnBoxes[column].minX - style.columnGap * 0.4,
              y: layout.rowBoxes[row].minY - style.rowGap * 0.4,
              width: layout.columnBoxes[column].width + style.columnGap * 0.8,
              height: layout.rowBoxes[row].height + style.rowGap * 0.8)
            return Node.rectangle(
              width: box.width, height: box.height, cornerRadius: style.font.size * 0.15, at: moved(box.center),
              fill: colors(mode, row, column)?.fill)
          }
        }
      } ?? []
    entries = layout.entries.enumerated().map { row, placed in
      placed.enumerated().map { column, entry in
        let ink = style.cells.flatMap { colors($0, row, column)?.ink } ?? style.color
        return Node.text(entry.text, font: style.font, color: ink, at: moved(entry.center), measurer: measurer)
      }
    }
    brackets = layout.brackets.map {
      .path($0.applying(.translation(offset.x, offset.y)), fill: style.bracketColor ?? style.color)
    }
    let labelFont = style.font.withSize(style.font.size * 0.85)
    self.rowLabels = layout.rowLabels.map {
      .text($0.text, font: labelFont, color: style.labelColor, at: moved($0.center), measurer: measurer)
    }
    self.columnLabels = layout.columnLabels.map {
      .text($0.text, font: labelFont, color: style.labelColor, at: moved($0.center), measurer: measurer)
    }
    rowBoxes = layout.rowBoxes.map(movedRect)
    columnBoxes = layout.columnBoxes.map(movedRect)
    bounds = movedRect(layout.bounds)
    extent = movedRect(layout.extent)
  }
}

extension MatrixNodes {
  /// The matrix turning into one of `values` (same shape), laid out again about the same
  /// centre: each entry's digits morph into the new ones at their new place, cells take
  /// their new colours, brackets and labels follow a change of width. Play the result; the
  /// nodes keep their identities. The matrix's group must not have been moved.
  public func changing(
    to values: [[Double]], style: MatrixStyle, rowLabels: [String] = [], columnLabels: [String] = [],
    mathFont: MathFont, measurer: TextMeasurer
  ) throws -> [Animation] {
    // The last row and column always show, so they give the shape of the values.
    let rows = (shownRows.compactMap { $0 }.max() ?? -1) + 1
    let columns = (shownColumns.compactMap { $0 }.max() ?? -1) + 1
    guard values.count == rows, values.allSatisfy({ $0.count == columns }) else {
      throw RecordingError("a \(rows)×\(columns) matrix can only change to values of the same shape")
    }
    let target = try MatrixPieces(
      values, center: bounds.center, style: style, rowLabels: rowLabels, columnLabels: columnLabels,
      mathFont: mathFont, measurer: measurer)
    let sources: [Node] = cells.flatMap { $0 } + entries.flatMap { $0 } + brackets + self.rowLabels + self.columnLabels
    let targets: [Node] =
      target.cells.flatMap { $0 } + target.entries.flatMap { $0 } + target.brackets + target.rowLabels
      + target.columnLabels
    return zip(sources, targets).map { Animation.transform($0.0, into: $0.1) }
  }
}

extension SceneRecorder {
  /// Makes a matrix of `values` (rows of equal length) centred on `center`: entries with
  /// their decimal points aligned in each column, brackets as tall as the entries, and
  /// optional labels left of the rows and above the columns. Made, not shown: bring
  /// `group` (or its parts) on screen with an animation.
  public mutating func matrix(
    _ values: [[Double]], center: Point, style: MatrixStyle, rowLabels: [String] = [],
    columnLabels: [String] = [], mathFont: MathFont, measurer: TextMeasurer
  ) throws -> MatrixNodes {
    let pieces = try MatrixPieces(
      values, center: center, style: style, rowLabels: rowLabels, columnLabels: columnLabels, mathFont: mathFont,
      measurer: measurer)
    // Cells first, so they are drawn behind the digits.
    let cells = pieces.cells.map { $0.map { make($0) } }
    let entries = pieces.entries.map { $0.map { make($0) } }
    let brackets = pieces.brackets.map { make($0) }
    let rows = pieces.rowLabels.map { make($0) }
    let columns = pieces.columnLabels.map { make($0) }
    let group = try group(cells.flatMap { $0 } + entries.flatMap { $0 } + brackets + rows + columns)
    return MatrixNodes(
      group: group, entries: entries, shownRows: pieces.shownRows, shownColumns: pieces.shownColumns, cells: cells,
      brackets: brackets, rowLabels: rows, columnLabels: columns,
      rowBoxes: pieces.rowBoxes, columnBoxes: pieces.columnBoxes, bounds: pieces.bounds,
      extent: pieces.extent)
  }
}
