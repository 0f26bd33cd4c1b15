import Canvas
import MathType
import Reel

/// How large `qkv-flow` draws its matrices: the entries' font size and, for sizes that do
/// not fit, how many rows and columns show before the dots.
public struct QKVSizing: Sendable, Equatable {
  public var font: Double
  public var maxRows: Int?
  public var maxColumns: Int?

  /// From the largest whole matrices down to elided ones, keeping the font larger before
  /// showing more rows.
  static let candidates: [QKVSizing] =
    [36.0, 34, 32, 30, 28, 26, 24, 22].map { QKVSizing(font: $0) }
    + [26.0, 24, 22, 20, 18, 16].flatMap { font in
      [8, 6, 5, 4].map { QKVSizing(font: font, maxRows: $0, maxColumns: $0) }
    }

  /// The smallest entry font for `frame`: 20 px at 1080p (digits about 14.6 px tall),
  /// where 1080p is 1920×1080, or 1080×1920 for a portrait frame, whose units are larger.
  static func minimumFont(for frame: Size) -> Double {
    20 / max(1, frame.height / frame.width)
  }
}

/// Where everything of `qkv-flow` goes, for one frame size: each section's heading and the
/// place of every matrix, symbol and panel at the section's end. Pure geometry: the scene
/// makes nodes from it, and tests check it.
public struct QKVLayout: Sendable {
  public struct Tokens: Sendable {
    /// Each token on a rounded chip.
    public var chips: [PlacedText]
    public var chipBoxes: [Rect]
    /// The arrow from the chips to X and its label.
    public var arrow: (Point, Point)
    public var arrowLabel: PlacedText
    public var x: MatrixBlock
  }

  /// `X · W_Q = Q`, with one entry of Q worked out beside it.
  public struct Projection: Sendable {
    public var x: MatrixBlock
    public var dot: PlacedFormula
    public var w: MatrixBlock
    public var equals: PlacedFormula
    public var q: MatrixBlock
    var products: ProductsPanel
  }

  /// X with arrows to Q, K and V, each labelled with its weight matrix.
  public struct Projected: Sendable {
    public var x: MatrixBlock
    /// Q, K, V.
    public var results: [MatrixBlock]
    /// The lines from X to where the arrows part, in no one's colour.
    public var stems: [[Point]]
    /// From where they part to Q, K and V.
    public var arrows: [[Point]]
    public var arrowLabels: [PlacedFormula]
  }

  /// `A ∘ B = C` for two matrices and their result, or `A ∘ s = C` for a matrix and a
  /// scalar (no `right`).
  public struct Equation: Sendable {
    public var left: MatrixBlock
    public var operation: PlacedFormula
    public var right: MatrixBlock?
    public var equals: PlacedFormula
    public var result: MatrixBlock
  }

  public struct Softmax: Sendable {
    /// As wide as the widest of scores, exponentials and weights, with room for the sums.
    public var matrix: MatrixBlock
    /// The header over the row sums, and the middle of their column (each sum is level
    /// with its row).
    public var sumHeader: PlacedText
    public var sumX: Double
  }

  public struct Weights: Sendable {
    public var a: MatrixBlock
    public var colorbar: ColorbarLayout
  }

  public struct Output: Sendable {
    public var a: MatrixBlock
    public var dot: PlacedFormula
    public var v: MatrixBlock
    public var equals: PlacedFormula
    public var z: MatrixBlock
    /// The value rows, each scaled by the focus row's weight, and their sum.
    public var scaled: MatrixBlock
    public var sum: MatrixBlock
  }

  /// The formula, and Q, K, V and Z beside it.
  public struct Summary: Sendable {
    public var formula: PlacedFormula
    public var matrices: [MatrixBlock]
  }

  public let frame: Size
  public let sizing: QKVSizing
  public let headings: [SlideHeading]
  public let footnote: PlacedText
  public let tokens: Tokens
  public let projection: Projection
  public let projected: Projected
  public let scores: Equation
  public let scale: Equation
  public let softmax: Softmax
  public let weights: Weights
  public let output: Output
  public let summary: Summary

  /// The colormap of the weights, as `attention-heatmap` draws them by default.
  public static let colormap = Colormap.viridis

  /// Lays out `example` in `frame`: the largest sizing whose every section fits; throws
  /// `SceneError` if even elided matrices do not fit.
  public init(example: QKVExample, frame: Size, theme: Theme, mathFont: MathFont, measurer m: TextMeasurer) throws {
    self.frame = frame
    let footnote = SlideHeading.footnote(
      [
        "Illustrative numbers: seeded example embeddings and weights, not a trained model.",
        "Illustrative: seeded example weights, not a trained model.", "Illustrative numbers.",
      ], frame: frame, theme: theme, measurer: m)
    self.footnote = footnote
    headings = QKVSection.allCases.map { section in
      SlideHeading(
        number: section.rawValue + 1, title: section.title, caption: section.caption(for: example), frame: frame,
        footnote: footnote, theme: theme, measurer: m)
    }
    for sizing in QKVSizing.candidates where sizing.font >= QKVSizing.minimumFont(for: frame) {
      let builder = try Builder(
        example: example, sizing: sizing, theme: theme, mathFont: mathFont, measurer: m)
      guard let tokens = builder.tokens(in: headings[0].content),
        let projection = builder.projection(in: headings[1].content),
        let projected = builder.projected(in: headings[1].content),
        let scores = builder.scores(in: headings[2].content),
        let scale = builder.scale(in: headings[3].content),
        let softmax = builder.softmax(in: headings[4].content),
        let weights = builder.weights(in: headings[5].content),
        let output = builder.output(in: headings[6].content),
        let summary = builder.summary(in: headings[7].content)
      else { continue }
      self.sizing = sizing
      (self.tokens, self.projection, self.projected) = (tokens, projection, projected)
      (self.scores, self.scale, self.softmax, self.weights) = (scores, scale, softmax, weights)
      (self.output, self.summary) = (output, summary)
      return
    }
    throw SceneError(
      "\(example.n) tokens with d_model \(example.dModel) and d_k \(example.dKey) do not fit a \(Int(frame.width))×\(Int(frame.height)) frame even elided; use a wider frame or fewer tokens"
    )
  }

  /// Every text on screen at the end of `section`, for overlap checks.
  public func texts(in section: QKVSection) -> [Rect] {
    let heading = headings[section.rawValue]
    var boxes = heading.boxes + [footnote.box]
    func matrix(_ block: MatrixBlock) -> [Rect] { [block.extent, block.name.box] }
    switch section {
    case .tokens:
      boxes += tokens.chipBoxes + [tokens.arrowLabel.box] + matrix(tokens.x)
    case .projections:
      boxes += matrix(projected.x) + projected.results.flatMap(matrix) + projected.arrowLabels.map(\.box)
    case .scores:
      boxes +=
        [scores.left, scores.right, scores.result].compactMap { $0 }.flatMap(matrix)
        + [scores.operation.box, scores.equals.box]
    case .scale:
      boxes += [scale.left, scale.result].flatMap(matrix) + [scale.operation.box, scale.equals.box]
    case .softmax:
      boxes += matrix(softmax.matrix) + [softmax.sumHeader.box]
    case .weights:
      boxes += matrix(weights.a) + weights.colorbar.texts.map(\.box)
    case .output:
      boxes +=
        [output.a, output.v, output.z, output.scaled, output.sum].flatMap(matrix)
        + [output.dot.box, output.equals.box]
    case .formula:
      boxes += [summary.formula.box] + summary.matrices.flatMap(matrix)
    }
    return boxes
  }
}

/// Builds each section's layout for one sizing; `nil` when it does not fit.
private struct Builder {
  let example: QKVExample
  let style: MatrixStyle
  let theme: Theme
  let mathFont: MathFont
  let m: TextMeasurer
  let nameSize: Double
  let gap: Double
  /// An empty formula, in place of one that would not parse (none here does; tests show it).
  let blank: Formula

  init(
    example: QKVExample, sizing: QKVSizing, theme: Theme, mathFont: MathFont, measurer: TextMeasurer
  ) throws {
    self.example = example
    self.theme = theme
    self.mathFont = mathFont
    m = measurer
    var style = MatrixStyle(font: Font(size: sizing.font), color: theme.ink, labelColor: theme.muted)
    style.maxRows = sizing.maxRows
    style.maxColumns = sizing.maxColumns
    self.style = style
    nameSize = sizing.font * 1.25
    gap = sizing.font * 1.1
    blank = try Formula("{}", display: false, font: mathFont)
  }

  var tokens: [String] { example.tokens }
  var dims: [String] { (1...example.dModel).map { "d" + Self.subscriptDigits($0) } }

  /// `12` as `₁₂`.
  static func subscriptDigits(_ number: Int) -> String {
    let digits = Array("₀₁₂₃₄₅₆₇₈₉")
    return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
  }

  func formula(_ latex: String, size: Double? = nil, color: Color? = nil, display: Bool = false) -> PlacedFormula {
    // The formulas here are fixed and known to parse; a failure would be a bug caught by tests.
    var placed = PlacedFormula(
      formula: (try? Formula(latex, display: display, font: mathFont)) ?? blank,
      size: size ?? nameSize, color: color ?? theme.ink, center: .zero)
    placed.partColors = ["q": theme.query, "k": theme.key, "v": theme.value]
    return placed
  }

  func block(
    _ values: [[Double]], name: String, color: Color? = nil, rows: [String] = [], columns: [String] = [],
    cells: Bool = false, trailing: Double = 0, widest: [[[Double]]] = [], enlarged: Double = 1
  ) -> MatrixBlock? {
    var style = style
    if enlarged != 1 {
      style.font.size *= enlarged
      style.columnGap *= enlarged
      style.rowGap *= enlarged
    }
    style.bracketColor = color
    if cells {
      var mode = MatrixCells(colormap: QKVLayout.colormap, range: 0...1)
      mode.mask = (0..<example.n).map { i in (0..<example.n).map { example.attention.isMasked(row: i, column: $0) } }
      (mode.maskFill, mode.maskInk) = (theme.maskFill, theme.muted)
      style.cells = mode
    }
    return try? MatrixBlock(
      values, style: style, rowLabels: rows, columnLabels: columns,
      name: formula(name, color: color), trailing: trailing, widest: widest, mathFont: mathFont, measurer: m)
  }

  func symbol(_ latex: String) -> PlacedFormula { formula(latex, size: nameSize * 1.1, color: theme.muted) }

  /// Flows matrices and symbols; places each.
  func flow(_ items: [Item], in area: Rect) -> [Item]? {
    guard let flow = BlockFlow(items.map(\.block), in: area, gap: gap, lineGap: gap * 1.2) else { return nil }
    return zip(items, flow.frames).map { $0.placed(in: $1) }
  }

  // MARK: Sections

  func tokens(in area: Rect) -> QKVLayout.Tokens? {
    var font = Font(size: style.font.size)
    font.language = Font.language(for: tokens)
    let chips = tokens.map { PlacedText($0, font: font, color: theme.ink, measurer: m) }
    let chipSizes = chips.map { Size($0.size.width + style.font.size, $0.size.height + style.font.size * 0.6) }
    let label = PlacedText(
      "embedding + position", font: Font(size: style.font.size * 0.8, italic: true), color: theme.muted, measurer: m)
    guard var x = block(example.x.doubles, name: "X", rows: tokens, columns: dims) else { return nil }
    let arrowBox = Size(2 * label.size.width + 80, style.font.size * 2.8)
    var blocks = chipSizes.map { BlockFlow.Block(size: $0) }
    blocks.append(BlockFlow.Block(size: arrowBox, startsLine: true))
    blocks.append(BlockFlow.Block(size: x.block.size, axis: x.block.axis, startsLine: true))
    guard let flow = BlockFlow(blocks, in: area, gap: style.font.size * 0.5, lineGap: 8) else { return nil }
    let n = tokens.count
    let placedChips = chips.enumerated().map { index, chip in
      var chip = chip
      chip.center = flow.frames[index].center
      return chip
    }
    let arrowFrame = flow.frames[n]
    var placedLabel = label
    placedLabel.center = Point(arrowFrame.center.x + 20 + label.size.width / 2, arrowFrame.center.y)
    x.place(in: flow.frames[n + 1])
    return QKVLayout.Tokens(
      chips: placedChips, chipBoxes: Array(flow.frames.prefix(n)),
      arrow: (Point(arrowFrame.center.x, arrowFrame.minY + 4), Point(arrowFrame.center.x, arrowFrame.maxY - 4)),
      arrowLabel: placedLabel, x: x)
  }

  func projection(in area: Rect) -> QKVLayout.Projection? {
    guard let x = block(example.x.doubles, name: "X", rows: tokens, columns: dims),
      let w = block(example.wq.doubles, name: "W_{\\part{q}{Q}}", color: theme.query),
      let q = block(example.q.doubles, name: "\\part{q}{Q}", color: theme.query, rows: tokens)
    else { return nil }
    // The entry worked out: the first token's first query component.
    let (row, column) = (0, 0)
    let pairs = (0..<example.dModel).map { (Double(example.x[row, $0]), Double(example.wq[$0, column])) }
    let products = ProductsPanel(
      pairs: pairs, sum: Double(example.q[row, column]), style: style, color: theme.ink, muted: theme.muted,
      limit: style.maxRows ?? 8, measurer: m)
    let items: [Item] = [
      .matrix(x), .symbol(symbol("\\cdot")), .matrix(w), .symbol(symbol("=")), .matrix(q), .box(products.size),
    ]
    guard let placed = flow(items, in: area), case .matrix(let px, _) = placed[0], case .symbol(let dot) = placed[1],
      case .matrix(let pw, _) = placed[2], case .symbol(let equals) = placed[3], case .matrix(let pq, _) = placed[4],
      case .placedBox(let frame) = placed[5]
    else { return nil }
    return QKVLayout.Projection(
      x: px, dot: dot, w: pw, equals: equals, q: pq, products: products.placed(at: frame.origin))
  }

  func projected(in area: Rect) -> QKVLayout.Projected? {
    guard var x = block(example.x.doubles, name: "X", rows: tokens, columns: dims),
      let q = block(example.q.doubles, name: "\\part{q}{Q}", color: theme.query, rows: tokens),
      let k = block(example.k.doubles, name: "\\part{k}{K}", color: theme.key, rows: tokens),
      let v = block(example.v.doubles, name: "\\part{v}{V}", color: theme.value, rows: tokens)
    else { return nil }
    var results = [q, k, v]
    let labels = [("q", "Q"), ("k", "K"), ("v", "V")].map { part, letter in
      formula(
        "W_{\\part{\(part)}{\(letter)}}",
        color: [theme.query, theme.key, theme.value][["q", "k", "v"].firstIndex(of: part) ?? 0])
    }
    let columnWidth = results.map(\.block.size.width).max() ?? 0
    let labelWidth = labels.map(\.box.width).max() ?? 0
    let reach = labelWidth + 90  // from the trunk to the results
    let stackGap = gap * 0.8
    let stackHeight = results.map(\.block.size.height).reduce(0, +) + stackGap * 2
    var arrows: [[Point]] = []
    var stems: [[Point]] = []
    var placedLabels = labels
    let side = x.block.size.width + 50 + reach + columnWidth <= area.width && stackHeight <= area.height
    if side {
      let total = x.block.size.width + 50 + reach + columnWidth
      let left = area.center.x - total / 2
      x.place(in: Rect(origin: Point(left, area.center.y - x.block.axis), size: x.block.size))
      let trunk = x.extent.maxX + 50
      var top = area.center.y - stackHeight / 2
      for index in results.indices {
        let size = results[index].block.size
        results[index].place(in: Rect(x: trunk + reach, y: top, width: size.width, height: size.height))
        top += size.height + stackGap
      }
      let start = Point(x.extent.maxX + 10, x.center.y)
      let ys = results.map(\.center.y) + [start.y]
      stems = [[start, Point(trunk, start.y)], [Point(trunk, ys.min() ?? 0), Point(trunk, ys.max() ?? 0)]]
      for index in results.indices {
        let y = results[index].center.y
        let end = Point(results[index].extent.minX - 12, y)
        arrows.append([Point(trunk, y), end])
        placedLabels[index].center = Point(
          (trunk + end.x) / 2, y - 8 - placedLabels[index].box.height / 2)
      }
    } else {
      let indent = reach + 30
      let height = x.block.size.height + gap + stackHeight
      guard columnWidth + indent <= area.width, x.block.size.width <= area.width, height <= area.height else {
        return nil
      }
      var top = area.center.y - height / 2
      x.place(
        in: Rect(
          x: area.center.x - x.block.size.width / 2, y: top, width: x.block.size.width, height: x.block.size.height))
      top += x.block.size.height + gap
      let left = area.minX + indent
      let trunk = area.minX + 20
      for index in results.indices {
        let size = results[index].block.size
        results[index].place(
          in: Rect(x: left + (area.maxX - left - size.width) / 2, y: top, width: size.width, height: size.height))
        top += size.height + stackGap
      }
      let start = Point(x.center.x, x.extent.maxY + 8)
      let bend = x.extent.maxY + gap * 0.7
      stems = [[start, Point(start.x, bend), Point(trunk, bend), Point(trunk, results.last?.center.y ?? bend)]]
      for index in results.indices {
        let y = results[index].center.y
        let end = Point(results[index].extent.minX - 12, y)
        arrows.append([Point(trunk, y), end])
        placedLabels[index].center = Point((trunk + end.x) / 2, y - 8 - placedLabels[index].box.height / 2)
      }
    }
    return QKVLayout.Projected(x: x, results: results, stems: stems, arrows: arrows, arrowLabels: placedLabels)
  }

  /// `left ∘ right = result`, or `left ∘ result` alone when `right` is `nil`.
  func equation(
    _ left: MatrixBlock?, _ operation: String, _ right: MatrixBlock??, _ result: MatrixBlock?, in area: Rect
  ) -> QKVLayout.Equation? {
    guard let left, let right, let result else { return nil }
    var items: [Item] = [.matrix(left), .symbol(symbol(operation))]
    if let right { items.append(.matrix(right)) }
    items += [.symbol(symbol("=")), .matrix(result)]
    guard let placed = flow(items, in: area), case .matrix(let l, _) = placed[0], case .symbol(let o) = placed[1],
      case .symbol(let e) = placed[placed.count - 2], case .matrix(let s, _) = placed[placed.count - 1]
    else { return nil }
    var r: MatrixBlock?
    if case .matrix(let block, _) = placed[2] { r = block }
    return QKVLayout.Equation(left: l, operation: o, right: r, equals: e, result: s)
  }

  func scores(in area: Rect) -> QKVLayout.Equation? {
    equation(
      block(example.q.doubles, name: "\\part{q}{Q}", color: theme.query, rows: tokens), "\\cdot",
      block(example.k.transposed.doubles, name: "\\part{k}{K}^\\top", color: theme.key, columns: tokens),
      block(example.rawScores.doubles, name: "\\part{q}{Q}\\part{k}{K}^\\top", rows: tokens, columns: tokens), in: area)
  }

  /// Scaled, before the mask: the mask comes with softmax.
  func scale(in area: Rect) -> QKVLayout.Equation? {
    equation(
      block(example.rawScores.doubles, name: "\\part{q}{Q}\\part{k}{K}^\\top", rows: tokens, columns: tokens),
      "\\div\\sqrt{\(example.dKey)}", .some(nil),
      block(
        example.scaledScores.doubles, name: "\\part{q}{Q}\\part{k}{K}^\\top/\\sqrt{d_k}", rows: tokens,
        columns: tokens), in: area)
  }

  func softmax(in area: Rect) -> QKVLayout.Softmax? {
    let header = PlacedText("row sum", font: Font(size: style.font.size * 0.85), color: theme.muted, measurer: m)
    let sumWidth = max(m.measure("00.00", font: style.font).width, header.size.width) + style.font.size
    let variants = [example.attention.scores.doubles, example.exponentials, example.shownWeights]
    guard
      var matrix = block(
        example.scaledScores.doubles, name: "\\mathrm{softmax}(\\part{q}{Q}\\part{k}{K}^\\top/\\sqrt{d_k})",
        rows: tokens,
        columns: tokens, trailing: sumWidth, widest: variants),
      let flow = BlockFlow([matrix.block], in: area, gap: gap, lineGap: gap)
    else { return nil }
    matrix.place(in: flow.frames[0])
    let x = matrix.bounds.maxX + sumWidth / 2 + style.font.size * 0.3
    var placedHeader = header
    placedHeader.center = Point(x, matrix.extent.minY + header.size.height / 2)
    return QKVLayout.Softmax(matrix: matrix, sumHeader: placedHeader, sumX: x)
  }

  /// The heatmap alone gets the room to be larger, when it fits.
  func weights(in area: Rect) -> QKVLayout.Weights? {
    weights(in: area, enlarged: 1.4) ?? weights(in: area, enlarged: 1)
  }

  /// The heatmap with its colorbar beside it, or under it when there is no room beside.
  func weights(in area: Rect, enlarged: Double) -> QKVLayout.Weights? {
    guard var a = block(example.shownWeights, name: "A", rows: tokens, columns: tokens, cells: true, enlarged: enlarged)
    else { return nil }
    let scale = ColorScale(top: .value(1), largest: 1)
    for orientation in [ColorbarLayout.Orientation.vertical, .horizontal] {
      var colorbar = ColorbarLayout(
        orientation: orientation, scale: scale, tokenCount: example.n, causal: example.causal, theme: theme,
        measurer: m)
      let vertical = orientation == .vertical
      var matrix = a.block
      // A vertical bar's mask key goes under the grid.
      matrix.size.height += colorbar.keyHeight
      // Long enough that its tick labels stand apart.
      let tickHeight = colorbar.ticks.map(\.label.size.height).max() ?? 0
      let length = max(vertical ? a.bounds.height : a.bounds.width, Double(colorbar.ticks.count) * tickHeight * 1.3)
      // A vertical bar as tall as the entries, level with them; a horizontal one as wide.
      let bar =
        vertical
        ? BlockFlow.Block(
          size: Size(colorbar.breadth, colorbar.lead + length + 12), axis: colorbar.lead + length / 2)
        : BlockFlow.Block(size: Size(length, colorbar.breadth), startsLine: true)
      guard let flow = BlockFlow([matrix, bar], in: area, gap: gap * 1.5, lineGap: gap * 0.8),
        vertical == (flow.frames[1].minY < flow.frames[0].maxY)
      else { continue }
      a.place(in: flow.frames[0])
      let frame = flow.frames[1]
      let origin =
        vertical ? Point(frame.minX, a.center.y - length / 2 - colorbar.lead) : Point(frame.minX, frame.minY)
      colorbar.place(at: origin, length: length, scale: scale, within: area.minX...area.maxX)
      if vertical { colorbar.placeMaskKey(at: Point(a.bounds.minX, a.extent.maxY + 16)) }
      return QKVLayout.Weights(a: a, colorbar: colorbar)
    }
    return nil
  }

  func output(in area: Rect) -> QKVLayout.Output? {
    let row = example.focusRow
    let weights = example.shownWeights[row]
    let coefficients = weights.map { style.format($0) + " ×" }
    let scaledRows = (0..<example.n).map { j in example.v.row(j).map { weights[j] * Double($0) } }
    let z = example.attention.output.doubles
    guard let a = block(example.shownWeights, name: "A", rows: tokens, columns: tokens, cells: true),
      let v = block(example.v.doubles, name: "\\part{v}{V}", color: theme.value, rows: tokens),
      let zBlock = block(z, name: "Z", rows: tokens),
      let scaled = block(
        example.v.doubles, name: "a_{\(row + 1)j}\\,\\part{v}{v}_j", color: theme.value, rows: coefficients,
        widest: [scaledRows]),
      let sum = block(
        [z[row]], name: "z_{\(row + 1)} = \\textstyle\\sum_j a_{\(row + 1)j}\\,\\part{v}{v}_j", rows: [tokens[row]])
    else { return nil }
    let panel = Size(
      max(scaled.block.size.width, sum.block.size.width), scaled.block.size.height + gap * 0.6 + sum.block.size.height)
    let items: [Item] = [
      .matrix(a), .symbol(symbol("\\cdot")), .matrix(v), .symbol(symbol("=")), .matrix(zBlock), .box(panel),
    ]
    guard let placed = flow(items, in: area), case .matrix(let pa, _) = placed[0], case .symbol(let dot) = placed[1],
      case .matrix(let pv, _) = placed[2], case .symbol(let equals) = placed[3], case .matrix(let pz, _) = placed[4],
      case .placedBox(let frame) = placed[5]
    else { return nil }
    var placedScaled = scaled
    placedScaled.place(in: Rect(x: frame.minX, y: frame.minY, width: frame.width, height: scaled.block.size.height))
    var placedSum = sum
    placedSum.place(
      in: Rect(x: frame.minX, y: frame.maxY - sum.block.size.height, width: frame.width, height: sum.block.size.height))
    return QKVLayout.Output(a: pa, dot: dot, v: pv, equals: equals, z: pz, scaled: placedScaled, sum: placedSum)
  }

  func summary(in area: Rect) -> QKVLayout.Summary? {
    // As large as fits across: the formula is the slide's point.
    var display = formula(
      "\\mathrm{Attention}(\\part{q}{Q},\\part{k}{K},\\part{v}{V}) = \\mathrm{softmax}\\left(\\frac{\\part{q}{Q}\\part{k}{K}^\\top}{\\sqrt{d_k}}\\right)\\part{v}{V}",
      display: true)
    display.size = min(nameSize * 1.5, 52, area.width / display.formula.bounds(size: 1).width)
    guard let q = block(example.q.doubles, name: "\\part{q}{Q}", color: theme.query, rows: tokens),
      let k = block(example.k.doubles, name: "\\part{k}{K}", color: theme.key, rows: tokens),
      let v = block(example.v.doubles, name: "\\part{v}{V}", color: theme.value, rows: tokens),
      let z = block(
        example.attention.output.doubles,
        name: "Z = \\mathrm{Attention}(\\part{q}{Q},\\part{k}{K},\\part{v}{V})", rows: tokens)
    else { return nil }
    let items: [Item] = [.symbol(display), .matrix(q).startingLine, .matrix(k), .matrix(v), .matrix(z)]
    guard let placed = flow(items, in: area), case .symbol(let f) = placed[0], case .matrix(let pq, _) = placed[1],
      case .matrix(let pk, _) = placed[2], case .matrix(let pv, _) = placed[3], case .matrix(let pz, _) = placed[4]
    else { return nil }
    return QKVLayout.Summary(formula: f, matrices: [pq, pk, pv, pz])
  }
}

/// A piece of an equation to flow: a matrix block, a symbol, or a box of given size.
private enum Item {
  case matrix(MatrixBlock, startsLine: Bool = false)
  case symbol(PlacedFormula)
  case box(Size)
  case placedBox(Rect)

  var startingLine: Item {
    if case .matrix(let block, _) = self { return .matrix(block, startsLine: true) }
    return self
  }

  var block: BlockFlow.Block {
    switch self {
    case .matrix(let block, let starts):
      var flowBlock = block.block
      flowBlock.startsLine = starts
      return flowBlock
    case .symbol(let formula):
      return BlockFlow.Block(size: formula.box.size, keepsWithNext: true)
    case .box(let size): return BlockFlow.Block(size: size)
    case .placedBox(let rect): return BlockFlow.Block(size: rect.size)
    }
  }

  func placed(in frame: Rect) -> Item {
    switch self {
    case .matrix(var block, _):
      block.place(in: frame)
      return .matrix(block)
    case .symbol(var formula):
      formula.center = frame.center
      return .symbol(formula)
    case .box, .placedBox: return .placedBox(frame)
    }
  }
}
