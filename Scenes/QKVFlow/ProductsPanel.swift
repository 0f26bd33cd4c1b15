import Canvas
import Reel

/// One entry of a matrix product worked out: each pair of factors, their product, and
/// the sum under a rule — `0.52 × 0.31 = 0.16` per line, the columns aligned on the right
/// so the digits line up. Long sums show their first terms, a ⋮ and the last.
struct ProductsPanel: Sendable {
  /// Each term's line: the two factors and their product.
  var terms: [[PlacedText]]
  /// The ⋮ standing for terms left out, if any.
  var gap: PlacedText?
  /// The rule above the sum, from one end to the other.
  var rule: (Point, Point)
  /// "Σ =" and the sum.
  var sum: [PlacedText]
  var size: Size

  /// Pairs of factors whose products are summed; `limit`: the most lines shown.
  init(
    pairs: [(Double, Double)], sum total: Double, style: MatrixStyle, color: Color, muted: Color, limit: Int,
    measurer m: TextMeasurer
  ) {
    let shown: [Int?] =
      pairs.count > limit ? Array(0..<(limit - 2)) + [nil, pairs.count - 1] : Array(pairs.indices)
    let font = style.font
    let rows: [[String]?] = shown.map { index in
      index.map { i in
        let (a, b) = pairs[i]
        return [style.format(a), "×", style.format(b), "=", style.format(a * b)]
      }
    }
    let sumRow = ["Σ", "", "", "=", style.format(total)]
    let all = rows.compactMap { $0 } + [sumRow]
    // Right edge of each column, the operators centred in theirs.
    let widths = (0..<5).map { column in all.map { m.measure($0[column], font: font).width }.max() ?? 0 }
    let space = font.size * 0.35
    var rights: [Double] = []
    var x = 0.0
    for width in widths {
      x += width
      rights.append(x)
      x += space
    }
    let lineHeight = m.measure("0", font: font).logical.height * 1.2
    var y = lineHeight / 2
    var terms: [[PlacedText]] = []
    var gap: PlacedText?
    func line(_ texts: [String], at y: Double, colors: [Color]) -> [PlacedText] {
      texts.enumerated().compactMap { column, text in
        guard !text.isEmpty else { return nil }
        var placed = PlacedText(text, font: font, color: colors[column], measurer: m)
        let isOperator = column == 1 || column == 3
        let right = isOperator ? rights[column] - (widths[column] - placed.size.width) / 2 : rights[column]
        placed.center = Point(right - placed.size.width / 2, y)
        return placed
      }
    }
    let termColors = [color, muted, color, muted, color]
    for row in rows {
      if let row {
        terms.append(line(row, at: y, colors: termColors))
      } else {
        var dots = PlacedText("⋮", font: font, color: muted, measurer: m)
        dots.center = Point(rights[4] - widths[4] / 2, y)
        gap = dots
      }
      y += lineHeight
    }
    y += lineHeight * 0.15
    rule = (Point(0, y), Point(x - space, y))
    y += lineHeight * 0.2 + lineHeight / 2
    sum = line(sumRow, at: y, colors: [muted, muted, muted, muted, color])
    self.terms = terms
    self.gap = gap
    size = Size(x - space, y + lineHeight / 2)
  }

  /// Every text, for drawing and overlap checks.
  var texts: [PlacedText] { terms.flatMap { $0 } + [gap].compactMap { $0 } + sum }

  /// The panel moved so its top-left corner is at `origin`.
  func placed(at origin: Point) -> ProductsPanel {
    var moved = self
    func shift(_ text: PlacedText) -> PlacedText {
      var text = text
      text.center = text.center + origin
      return text
    }
    moved.terms = terms.map { $0.map(shift) }
    moved.gap = gap.map(shift)
    moved.sum = sum.map(shift)
    moved.rule = (rule.0 + origin, rule.1 + origin)
    return moved
  }
}
