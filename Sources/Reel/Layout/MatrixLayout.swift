import Canvas
import MathType

/// Where a matrix's pieces go, before they become nodes: entries aligned on their decimal
/// points, brackets as tall as the rows, labels beside the rows and above the columns. The
/// entries' box starts at (0, 0); labels lie outside it, at negative coordinates.
struct MatrixLayout {
  struct Placed {
    let text: String
    let center: Point
    let width: Double
  }

  let entries: [[Placed]]
  /// Which row and column of the values each shown row and column is; `nil` for the ⋮ row
  /// and the ⋯ column of an elided matrix.
  let shownRows: [Int?]
  let shownColumns: [Int?]
  let brackets: [Path]
  let rowLabels: [Placed]
  let columnLabels: [Placed]
  let rowBoxes: [Rect]
  let columnBoxes: [Rect]
  /// Entries and brackets.
  let bounds: Rect
  /// Everything: entries, brackets and labels.
  let extent: Rect

  init(
    values: [[Double]], style: MatrixStyle, rowLabels rowNames: [String], columnLabels columnNames: [String],
    mathFont: MathFont, measurer m: TextMeasurer
  ) throws {
    let valueColumns = values.first?.count ?? 0
    guard !values.isEmpty, valueColumns > 0, values.allSatisfy({ $0.count == valueColumns }) else {
      throw RecordingError("a matrix needs rows of one length, at least one of one entry")
    }
    guard rowNames.isEmpty || rowNames.count == values.count,
      columnNames.isEmpty || columnNames.count == valueColumns
    else {
      throw RecordingError(
        "a \(values.count)×\(valueColumns) matrix needs \(values.count) row labels and \(valueColumns) column labels, or none"
      )
    }
    let shownRows = Self.shown(values.count, limit: style.maxRows)
    let shownColumns = Self.shown(valueColumns, limit: style.maxColumns)
    self.shownRows = shownRows
    self.shownColumns = shownColumns
    let texts = Self.texts(values, rows: shownRows, columns: shownColumns, style: style)
    let isNumber = shownRows.map { row in shownColumns.map { row != nil && $0 != nil } }
    let columns = shownColumns.count
    // Width of each entry, and of its part before the decimal point.
    let widths = texts.map { $0.map { m.measure($0, font: style.font).width } }
    let whole = texts.map { row in
      row.map { m.measure(String($0.prefix { $0 != "." }), font: style.font).width }
    }
    var before = [Double](repeating: 0, count: columns)
    var after = [Double](repeating: 0, count: columns)
    for (row, rowWidths) in widths.enumerated() {
      for (column, width) in rowWidths.enumerated() where isNumber[row][column] {
        before[column] = max(before[column], whole[row][column])
        after[column] = max(after[column], width - whole[row][column])
      }
    }
    let lineHeight = m.measure("0", font: style.font).logical.height
    // A column of dots only is as wide as its dots.
    for column in 0..<columns where shownColumns[column] == nil {
      before[column] = widths.map { $0[column] }.max() ?? 0
    }
    let rows = shownRows.count
    let height = Double(rows) * lineHeight + Double(rows - 1) * style.rowGap
    let em = style.font.size
    // Heatmap cells reach 0.4 of a gap past their entries: the brackets clear them.
    let overhang = style.cells == nil ? (0.0, 0.0) : (style.columnGap * 0.4, style.rowGap * 0.4)
    let bracketHeight = height + 0.3 * em + 2 * overhang.1
    let bracketSize = try Delimiter.path(style.bracket, height: bracketHeight, emSize: em * 1.1, font: mathFont)
    let pad = 0.3 * em + overhang.0
    var lefts: [Double] = []
    var x = bracketSize.width + pad
    for column in 0..<columns {
      lefts.append(x)
      x += before[column] + after[column] + (column < columns - 1 ? style.columnGap : 0)
    }
    let right = x
    entries = texts.enumerated().map { row, rowTexts in
      rowTexts.enumerated().map { column, text in
        let width = widths[row][column]
        // Numbers align on their decimal points; dots are centred in their column.
        let left =
          isNumber[row][column]
          ? lefts[column] + before[column] - whole[row][column]
          : lefts[column] + (before[column] + after[column] - width) / 2
        return Placed(
          text: text,
          center: Point(left + width / 2, Double(row) * (lineHeight + style.rowGap) + lineHeight / 2), width: width)
      }
    }
    let closing: Unicode.Scalar =
      style.bracket == "(" ? ")" : style.bracket == "{" ? "}" : style.bracket == "|" ? "|" : "]"
    let rightBracket = try Delimiter.path(closing, height: bracketHeight, emSize: em * 1.1, font: mathFont)
    brackets = [
      bracketSize.path.applying(.translation(0, height / 2)),
      rightBracket.path.applying(.translation(right + pad, height / 2)),
    ]
    let box = Rect(
      x: 0, y: min(0, height / 2 - brackets[0].bounds.height / 2), width: right + pad + rightBracket.width,
      height: max(height, brackets[0].bounds.height))
    bounds = box
    let rowBoxes = (0..<rows).map { row in
      Rect(
        x: lefts[0], y: Double(row) * (lineHeight + style.rowGap), width: right - lefts[0], height: lineHeight)
    }
    self.rowBoxes = rowBoxes
    let columnBoxes = (0..<columns).map { column in
      Rect(x: lefts[column], y: 0, width: before[column] + after[column], height: height)
    }
    self.columnBoxes = columnBoxes
    let labelFont = style.font.withSize(style.font.size * 0.85)
    let rowNames = rowNames.isEmpty ? [] : shownRows.map { $0.map { rowNames[$0] } ?? "⋮" }
    let columnNames = columnNames.isEmpty ? [] : shownColumns.map { $0.map { columnNames[$0] } ?? "⋯" }
    rowLabels = rowNames.enumerated().map { row, label in
      let width = m.measure(label, font: labelFont).width
      return Placed(text: label, center: Point(-0.5 * em - width / 2, rowBoxes[row].center.y), width: width)
    }
    let labelHeight = m.measure("0", font: labelFont).logical.height
    let columnLabels = columnNames.enumerated().map { column, label in
      let width = m.measure(label, font: labelFont).width
      return Placed(
        text: label, center: Point(columnBoxes[column].center.x, box.minY - 0.3 * em - labelHeight / 2),
        width: width)
    }
    self.columnLabels = columnLabels
    extent = (rowLabels + columnLabels).reduce(box) { union, label in
      union.union(Rect(center: label.center, size: Size(label.width, labelHeight)))
    }
  }

  /// The indices shown of `count` rows (or columns) when at most `limit` fit: all of them,
  /// or the first `limit − 2`, a gap (`nil`) and the last.
  static func shown(_ count: Int, limit: Int?) -> [Int?] {
    guard let limit, count > limit else { return Array(0..<count) }
    let head = max(limit - 2, 1)
    return Array(0..<head) + [nil, count - 1]
  }

  /// The text of each shown entry: the value formatted, or the dots standing for the
  /// entries left out.
  static func texts(_ values: [[Double]], rows: [Int?], columns: [Int?], style: MatrixStyle) -> [[String]] {
    rows.map { row in
      columns.map { column in
        switch (row, column) {
        case (let row?, let column?): return style.format(values[row][column])
        case (nil, nil): return "⋱"
        case (nil, _): return "⋮"
        case (_, nil): return "⋯"
        }
      }
    }
  }
}
