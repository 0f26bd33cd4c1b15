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
  let brackets: [Path]
  let rowLabels: [Placed]
  let columnLabels: [Placed]
  let rowBoxes: [Rect]
  let columnBoxes: [Rect]
  /// Entries and brackets.
  let bounds: Rect

  init(
    values: [[Double]], style: MatrixStyle, rowLabels rowNames: [String], columnLabels columnNames: [String],
    mathFont: MathFont, measurer m: TextMeasurer
  ) throws {
    let columns = values.first?.count ?? 0
    guard !values.isEmpty, columns > 0, values.allSatisfy({ $0.count == columns }) else {
      throw RecordingError("a matrix needs rows of one length, at least one of one entry")
    }
    guard rowNames.isEmpty || rowNames.count == values.count,
      columnNames.isEmpty || columnNames.count == columns
    else {
      throw RecordingError(
        "a \(values.count)×\(columns) matrix needs \(values.count) row labels and \(columns) column labels, or none")
    }
    let texts = values.map { $0.map(style.format) }
    // Width of each entry, and of its part before the decimal point.
    let widths = texts.map { $0.map { m.measure($0, font: style.font).width } }
    let whole = texts.map { row in
      row.map { m.measure(String($0.prefix { $0 != "." }), font: style.font).width }
    }
    var before = [Double](repeating: 0, count: columns)
    var after = [Double](repeating: 0, count: columns)
    for (row, rowWidths) in widths.enumerated() {
      for (column, width) in rowWidths.enumerated() {
        before[column] = max(before[column], whole[row][column])
        after[column] = max(after[column], width - whole[row][column])
      }
    }
    let lineHeight = m.measure("0", font: style.font).logical.height
    let rows = values.count
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
        let left = lefts[column] + before[column] - whole[row][column]
        let width = widths[row][column]
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
    rowLabels = rowNames.enumerated().map { row, label in
      let width = m.measure(label, font: labelFont).width
      return Placed(text: label, center: Point(-0.5 * em - width / 2, rowBoxes[row].center.y), width: width)
    }
    let labelHeight = m.measure("0", font: labelFont).logical.height
    columnLabels = columnNames.enumerated().map { column, label in
      let width = m.measure(label, font: labelFont).width
      return Placed(
        text: label, center: Point(columnBoxes[column].center.x, box.minY - 0.3 * em - labelHeight / 2),
        width: width)
    }
  }
}
