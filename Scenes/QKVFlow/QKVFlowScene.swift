import Canvas
import MathType
import Reel
import TensorMath

/// Self-attention step by step, from a sentence to the output Z: tokens become the rows of
/// X; X times W_Q, W_K and W_V gives Q, K and V (one entry worked out); Q Kᵀ gives the
/// scores, divided by √d_k; softmax turns each row into weights that add up to 1; the
/// weights as a heatmap; the weights times V give Z (one row as a weighted sum of value
/// rows); and the whole formula, coloured like the matrices.
///
/// Every number is computed by TensorMath (`QKVExample`) and formatted by the matrix
/// node; every formula is typeset. Each step is a section, so `--slides` gives eight
/// slides, each readable on its own.
public struct QKVFlowScene: ReelScene {
  public static let name = "qkv-flow"
  public static let summary = "Self-attention step by step: X → Q, K, V → scores → softmax → weights · V = Z"

  public let example: QKVExample

  public init(options: QKVFlowOptions) throws {
    try options.validate()
    example = QKVExample(
      tokens: options.tokens, dModel: options.dModel, dKey: options.dKey, seed: options.seed, causal: options.causal)
  }

  public func layout(frame: Size, theme: Theme, measurer: TextMeasurer) throws -> QKVLayout {
    try QKVLayout(example: example, frame: frame, theme: theme, mathFont: try MathFont(), measurer: measurer)
  }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let mathFont = try MathFont()
    let layout = try QKVLayout(
      example: example, frame: scene.frameSize, theme: scene.theme, mathFont: mathFont, measurer: m)
    var recording = QKVRecording(
      example: example, layout: layout, theme: scene.theme, mathFont: mathFont, measurer: m)
    try recording.record(into: &scene)
  }
}

/// The recording of one `qkv-flow` clip: the layout, and what is on screen as it goes.
private struct QKVRecording {
  let example: QKVExample
  let layout: QKVLayout
  let theme: Theme
  let mathFont: MathFont
  let m: TextMeasurer
  /// What is on screen now and leaves at the next step.
  var stage = SlideStage()

  init(example: QKVExample, layout: QKVLayout, theme: Theme, mathFont: MathFont, measurer: TextMeasurer) {
    self.example = example
    self.layout = layout
    self.theme = theme
    self.mathFont = mathFont
    m = measurer
  }

  var accent: Color { theme.accent }

  mutating func record(into scene: inout SceneRecorder) throws {
    let footnote = scene.make(layout.footnote.node(measurer: m))
    let x = try tokens(&scene, footnote: footnote)
    let (q, k) = try projections(&scene, x: x)
    let scores = try scores(&scene, q: q, k: k)
    let scaled = try scale(&scene, scores: scores)
    let weights = try softmax(&scene, scaled: scaled)
    let heatmap = try self.weights(&scene, from: weights)
    try output(&scene, weights: heatmap)
    try summary(&scene)
  }

  // MARK: Helpers

  /// Starts `section`: its heading replaces the last one; what was on screen and is not
  /// kept leaves.
  mutating func begin(_ section: QKVSection, keeping matrices: [ShownMatrix] = [], in scene: inout SceneRecorder) {
    stage.begin(
      section.name, heading: layout.headings[section.rawValue],
      keeping: matrices.flatMap { [$0.matrix.group, $0.name.group] }, in: &scene, measurer: m)
  }

  /// Makes a matrix block's nodes and notes them as on screen (they still need showing).
  mutating func make(_ block: MatrixBlock, in scene: inout SceneRecorder) throws -> ShownMatrix {
    let (matrix, name) = try block.nodes(in: &scene, mathFont: mathFont, measurer: m)
    stage.note([matrix.group, name.group])
    return ShownMatrix(matrix: matrix, name: name)
  }

  mutating func make(_ formula: PlacedFormula, in scene: inout SceneRecorder) throws -> Node {
    try stage.make(formula, in: &scene)
  }

  mutating func make(_ node: Node, in scene: inout SceneRecorder) -> Node { stage.make(node, in: &scene) }

  /// Moves `old` to where `new` is (same values, same shape), piece by piece, then shows
  /// `new` in its place. `transposed`: entry (i, j) goes to (j, i), row labels to column
  /// labels.
  mutating func move(
    _ old: ShownMatrix, to new: ShownMatrix, transposed: Bool = false, duration: Double = 1.2,
    in scene: inout SceneRecorder
  ) {
    var animations: [Animation] = []
    let (a, b) = (old.matrix, new.matrix)
    for (row, entries) in a.entries.enumerated() {
      for (column, entry) in entries.enumerated() {
        let (r, c) = transposed ? (column, row) : (row, column)
        if b.entries.indices.contains(r), b.entries[r].indices.contains(c) {
          animations.append(.transform(entry, into: b.entries[r][c]))
        }
      }
    }
    animations += zip(a.brackets, b.brackets).map { .transform($0, into: $1) }
    let labels = transposed ? b.columnLabels : b.rowLabels
    animations += zip(a.rowLabels, labels).map { .transform($0, into: $1) }
    if !transposed { animations += zip(a.columnLabels, b.columnLabels).map { .transform($0, into: $1) } }
    animations += zip(a.cells.flatMap { $0 }, b.cells.flatMap { $0 }).map { .transform($0, into: $1) }
    // Numbers becoming a heatmap: the cells fade in under them.
    if a.cells.isEmpty && !b.cells.isEmpty { animations.append(.fadeIn(b.cells.flatMap { $0 })) }
    animations.append(.fadeOut(old.name.group))
    animations.append(.fadeIn(new.name.group))
    scene.play(animations, duration: duration)
    scene.play(.fadeOut(a.group), .fadeIn(b.group), duration: 0)
    stage.forget([a.group, old.name.group])
  }

  /// Brings a matrix on: name, brackets and labels, then its rows one after another.
  func show(_ shown: ShownMatrix, entries: Bool = true, duration: Double = 1.2, in scene: inout SceneRecorder) {
    let frame = [shown.name.group] + shown.matrix.brackets + shown.matrix.rowLabels + shown.matrix.columnLabels
    if entries {
      scene.play(
        .fadeIn(frame),
        .laggedStart(
          zip(shown.matrix.entries, shown.matrix.cells + Array(repeating: [], count: shown.matrix.entries.count)).map {
            .fadeIn($0.0 + $0.1, shift: Point(0, 6))
          }, lagRatio: 0.25), duration: duration)
    } else {
      scene.play(.fadeIn(frame), duration: duration * 0.6)
    }
  }

  /// The shown rows of `values` replaced by `rows` at `row`.
  static func replacing(_ values: [[Double]], row: Int, with rows: [[Double]]) -> [[Double]] {
    var changed = values
    changed[row] = rows[row]
    return changed
  }

  // MARK: Sections

  /// Returns X.
  mutating func tokens(_ scene: inout SceneRecorder, footnote: Node) throws -> ShownMatrix {
    begin(.tokens, in: &scene)
    scene.play(.fadeIn(footnote), duration: 0.4)
    let placed = layout.tokens
    var chips: [Node] = []
    for (chip, box) in zip(placed.chips, placed.chipBoxes) {
      let plate = make(
        .rectangle(
          width: box.width, height: box.height, cornerRadius: box.height * 0.3, at: box.center, fill: theme.surface,
          stroke: theme.rule, strokeWidth: 1.5), in: &scene)
      let text = make(chip.node(measurer: m), in: &scene)
      chips.append(try scene.group([plate, text]))
    }
    scene.play(.laggedStart(chips.map { .fadeIn($0, shift: Point(0, 10)) }, lagRatio: 0.3), duration: 1.2)
    let arrow = make(.arrow(from: placed.arrow.0, to: placed.arrow.1, color: theme.muted, width: 2.5), in: &scene)
    let label = make(placed.arrowLabel.node(measurer: m), in: &scene)
    scene.play(.create(arrow), .fadeIn(label), duration: 0.7)
    let x = try make(placed.x, in: &scene)
    show(x, entries: false, in: &scene)
    for (shownRow, source) in x.matrix.shownRows.enumerated() {
      var animations: [Animation] = [
        .fadeIn(x.matrix.entries[shownRow], shift: Point(0, -14)), .fadeIn(x.matrix.rowLabels[shownRow]),
      ]
      if let source { animations.append(.indicate(chips[source], color: accent, scale: 1.1)) }
      scene.play(animations, duration: 0.6)
    }
    scene.wait(1.5)
    return x
  }

  /// Returns Q and K.
  mutating func projections(_ scene: inout SceneRecorder, x previous: ShownMatrix) throws -> (ShownMatrix, ShownMatrix)
  {
    let placed = layout.projection
    begin(.projections, keeping: [previous], in: &scene)
    let x = try make(placed.x, in: &scene)
    move(previous, to: x, in: &scene)
    let dot = try make(placed.dot, in: &scene)
    let equals = try make(placed.equals, in: &scene)
    let w = try make(placed.w, in: &scene)
    let q = try make(placed.q, in: &scene)
    scene.play(.fadeIn(dot), duration: 0.3)
    show(w, duration: 1.0, in: &scene)
    scene.play(.fadeIn(equals), duration: 0.3)
    show(q, entries: false, in: &scene)
    // One entry worked out: row 0 of X times column 0 of W_Q.
    let rowFrame = make(x.matrix.highlight(row: 0, color: accent), in: &scene)
    let columnFrame = make(w.matrix.highlight(column: 0, color: accent), in: &scene)
    let cellFrame = make(q.matrix.highlight(row: 0, column: 0, color: accent), in: &scene)
    scene.play(.create(rowFrame), .create(columnFrame), duration: 0.8)
    let panel = placed.products
    let terms = panel.terms.map { line in line.map { make($0.node(measurer: m), in: &scene) } }
    let gap = panel.gap.map { make($0.node(measurer: m), in: &scene) }
    let rule = make(.line(from: panel.rule.0, to: panel.rule.1, color: theme.muted, width: 1.5), in: &scene)
    let sum = panel.sum.map { make($0.node(measurer: m), in: &scene) }
    scene.play(
      .laggedStart(
        terms.map { .fadeIn($0, shift: Point(0, 8)) } + [gap].compactMap { $0.map { .fadeIn($0) } }, lagRatio: 0.4),
      duration: 1.6)
    scene.play(.create(rule), .fadeIn(sum), duration: 0.7)
    // The sum lands in Q's cell.
    if let value = sum.last, let target = q.matrix.entry(row: 0, column: 0) {
      scene.play(.create(cellFrame), .fadeIn(target, shift: target.position - value.position), duration: 0.9)
    }
    let rest = q.matrix.entries.flatMap { $0 }.filter { $0.id != q.matrix.entry(row: 0, column: 0)?.id }
    scene.play(.laggedStart(rest.map { .fadeIn($0) }, lagRatio: 0.08), duration: 1.2)
    scene.wait(1.0)

    // All three: X with arrows to Q, K and V.
    let final = layout.projected
    let leaving =
      [dot, equals, w.matrix.group, w.name.group, rowFrame, columnFrame, cellFrame, rule] + terms.flatMap { $0 }
      + sum + [gap].compactMap { $0 }
    scene.play(.fadeOut(leaving), duration: 0.5)
    stage.forget(leaving)
    let newX = try make(final.x, in: &scene)
    let results = try final.results.map { try make($0, in: &scene) }
    move(x, to: newX, duration: 1.0, in: &scene)
    move(q, to: results[0], duration: 0.1, in: &scene)
    var stem = Path()
    for line in final.stems {
      stem.move(to: line[0])
      for point in line.dropFirst() { stem.line(to: point) }
    }
    scene.play(.create(make(.path(stem, stroke: theme.muted, strokeWidth: 2.5), in: &scene)), duration: 0.5)
    for index in 0..<3 {
      let colour = [theme.query, theme.key, theme.value][index]
      let arrow = try scene.elbowArrow(through: final.arrows[index], color: colour, width: 2.5)
      stage.note([arrow])
      let label = try make(final.arrowLabels[index], in: &scene)
      scene.play(.create(arrow), .fadeIn(label), duration: 0.7)
      if index > 0 { show(results[index], duration: 0.9, in: &scene) }
    }
    scene.wait(1.5)
    return (results[0], results[1])
  }

  /// Returns Q Kᵀ.
  mutating func scores(_ scene: inout SceneRecorder, q oldQ: ShownMatrix, k oldK: ShownMatrix) throws -> ShownMatrix {
    let placed = layout.scores
    begin(.scores, keeping: [oldQ, oldK], in: &scene)
    let q = try make(placed.left, in: &scene)
    guard let rightBlock = placed.right else { throw SceneError("the scores need Kᵀ") }
    let kt = try make(rightBlock, in: &scene)
    move(oldQ, to: q, in: &scene)
    move(oldK, to: kt, transposed: true, duration: 1.6, in: &scene)
    let dot = try make(placed.operation, in: &scene)
    let equals = try make(placed.equals, in: &scene)
    let s = try make(placed.result, in: &scene)
    scene.play(.fadeIn(dot), .fadeIn(equals), duration: 0.4)
    show(s, entries: false, in: &scene)
    let frames = [
      make(q.matrix.highlight(row: 0, color: accent), in: &scene),
      make(kt.matrix.highlight(column: 0, color: accent), in: &scene),
      make(s.matrix.highlight(row: 0, column: 0, color: accent), in: &scene),
    ]
    scene.play(.create(frames[0]), .create(frames[1]), duration: 0.6)
    if let first = s.matrix.entry(row: 0, column: 0) { scene.play(.create(frames[2]), .fadeIn(first), duration: 0.6) }
    let rest = s.matrix.entries.flatMap { $0 }.filter { $0.id != s.matrix.entry(row: 0, column: 0)?.id }
    scene.play(.fadeOut(frames), .laggedStart(rest.map { .fadeIn($0) }, lagRatio: 0.06), duration: 1.4)
    scene.wait(1.5)
    return s
  }

  /// Returns the scaled scores.
  mutating func scale(_ scene: inout SceneRecorder, scores old: ShownMatrix) throws -> ShownMatrix {
    let placed = layout.scale
    begin(.scale, keeping: [old], in: &scene)
    let scores = try make(placed.left, in: &scene)
    move(old, to: scores, in: &scene)
    let divide = try make(placed.operation, in: &scene)
    let equals = try make(placed.equals, in: &scene)
    scene.play(.write(divide), duration: 0.8)
    scene.play(.fadeIn(equals), duration: 0.3)
    let scaled = try make(placed.result, in: &scene)
    show(scaled, duration: 1.4, in: &scene)
    scene.wait(1.5)
    return scaled
  }

  /// Returns the weights, in place of the scores.
  mutating func softmax(_ scene: inout SceneRecorder, scaled old: ShownMatrix) throws -> ShownMatrix {
    let placed = layout.softmax
    begin(.softmax, keeping: [old], in: &scene)
    let matrix = try make(placed.matrix, in: &scene)
    move(old, to: matrix, in: &scene)
    let header = make(placed.sumHeader.node(measurer: m), in: &scene)
    scene.play(.fadeIn(header), duration: 0.4)
    var style = placed.matrix.style
    style.bracketColor = nil
    var values = example.scaledScores.doubles
    let labels = (placed.matrix.rowLabels, placed.matrix.columnLabels)
    func change(to new: [[Double]], duration: Double, with extra: [Animation] = [], scene: inout SceneRecorder) throws {
      let animations = try matrix.matrix.changing(
        to: new, style: style, rowLabels: labels.0, columnLabels: labels.1, mathFont: mathFont, measurer: m)
      scene.play(animations + extra, duration: duration)
      values = new
    }
    if example.causal {
      let masked = example.attention.scores.doubles
      let hidden = matrix.matrix.shownRows.indices.flatMap { r in
        matrix.matrix.shownColumns.indices.compactMap { c -> Node? in
          guard let i = matrix.matrix.shownRows[r], let j = matrix.matrix.shownColumns[c], j > i else { return nil }
          return matrix.matrix.entries[r][c]
        }
      }
      try change(to: masked, duration: 1.0, scene: &scene)
      scene.play(.recolor(hidden, fill: theme.muted), duration: 0.4)
      scene.wait(0.6)
    }
    let exps = example.exponentials
    let weights = example.shownWeights
    let frame = make(matrix.matrix.highlight(row: 0, color: accent), in: &scene)
    scene.play(.create(frame), duration: 0.5)
    for (shownRow, source) in matrix.matrix.shownRows.enumerated() {
      guard let row = source else { continue }
      let first = shownRow == 0
      let pace = first ? 1.0 : 0.45
      if !first {
        scene.play(
          .transform(frame, into: matrix.matrix.highlight(row: shownRow, color: accent)), duration: 0.4 * pace + 0.1)
      }
      try change(to: Self.replacing(values, row: row, with: exps), duration: 1.0 * pace, scene: &scene)
      let total = exps[row].reduce(0, +)
      let sumText = PlacedText(style.format(total), font: style.font, color: theme.muted, measurer: m)
      var sum = sumText
      sum.center = Point(placed.sumX, matrix.matrix.rowBoxes[shownRow].center.y)
      let sumNode = make(sum.node(measurer: m), in: &scene)
      scene.play(.fadeIn(sumNode, shift: Point(-20, 0)), duration: 0.6 * pace)
      var one = PlacedText("1.00", font: style.font, color: theme.ink, measurer: m)
      one.center = Point(placed.sumX, matrix.matrix.rowBoxes[shownRow].center.y)
      try change(
        to: Self.replacing(values, row: row, with: weights), duration: 1.0 * pace,
        with: [.transform(sumNode, into: one.node(measurer: m))], scene: &scene)
      if first { scene.wait(0.6) }
    }
    scene.play(.fadeOut(frame), duration: 0.4)
    scene.wait(1.5)
    return matrix
  }

  /// Returns the weights as a heatmap.
  mutating func weights(_ scene: inout SceneRecorder, from old: ShownMatrix) throws -> ShownMatrix {
    let placed = layout.weights
    begin(.weights, keeping: [old], in: &scene)
    let a = try make(placed.a, in: &scene)
    move(old, to: a, duration: 1.4, in: &scene)
    let bar = placed.colorbar.nodes(
      colormap: QKVLayout.colormap, scale: ColorScale(top: .value(1), largest: 1), theme: theme, measurer: m
    )
    .map { make($0, in: &scene) }
    scene.play(.laggedStart(bar.map { .fadeIn($0) }, lagRatio: 0.1), duration: 0.9)
    scene.wait(2.0)
    return a
  }

  mutating func output(_ scene: inout SceneRecorder, weights old: ShownMatrix) throws {
    let placed = layout.output
    begin(.output, keeping: [old], in: &scene)
    let a = try make(placed.a, in: &scene)
    move(old, to: a, in: &scene)
    let dot = try make(placed.dot, in: &scene)
    let equals = try make(placed.equals, in: &scene)
    let v = try make(placed.v, in: &scene)
    let z = try make(placed.z, in: &scene)
    scene.play(.fadeIn(dot), duration: 0.3)
    show(v, duration: 1.0, in: &scene)
    scene.play(.fadeIn(equals), duration: 0.3)
    show(z, entries: false, in: &scene)
    // The focus row: its weights scale the value rows, which add up to its output row.
    let row = example.focusRow
    let shownRow = a.matrix.shownRows.firstIndex(of: row) ?? 0
    let rowFrame = make(a.matrix.highlight(row: shownRow, color: accent), in: &scene)
    let vFrame = make(v.matrix.highlight(color: theme.value), in: &scene)
    scene.play(.create(rowFrame), .create(vFrame), duration: 0.7)
    let scaled = try make(placed.scaled, in: &scene)
    show(scaled, duration: 1.2, in: &scene)
    var style = placed.scaled.style
    style.bracketColor = theme.value
    let weights = example.shownWeights[row]
    let scaledRows = (0..<example.n).map { j in example.v.row(j).map { weights[j] * Double($0) } }
    scene.play(
      try scaled.matrix.changing(
        to: scaledRows, style: style, rowLabels: placed.scaled.rowLabels, mathFont: mathFont, measurer: m),
      duration: 1.2)
    scene.wait(0.5)
    let sum = try make(placed.sum, in: &scene)
    show(sum, duration: 0.9, in: &scene)
    let zFrame = make(z.matrix.highlight(row: z.matrix.shownRows.firstIndex(of: row) ?? 0, color: accent), in: &scene)
    let target = z.matrix.entries[z.matrix.shownRows.firstIndex(of: row) ?? 0]
    scene.play(
      [.create(zFrame)]
        + zip(target, sum.matrix.entries[0]).map { .fadeIn($0.0, shift: $0.0.position - $0.1.position) }, duration: 1.0)
    let targetIDs = Set(target.compactMap(\.id))
    let rest = z.matrix.entries.flatMap { $0 }.filter { !targetIDs.contains($0.id ?? NodeID(-1)) }
    scene.play(.fadeOut([vFrame]), .laggedStart(rest.map { .fadeIn($0) }, lagRatio: 0.08), duration: 1.2)
    scene.wait(1.5)
  }

  mutating func summary(_ scene: inout SceneRecorder) throws {
    let placed = layout.summary
    begin(.formula, in: &scene)
    let formula = try make(placed.formula, in: &scene)
    scene.play(.write(formula), duration: 1.6, rate: .linear)
    for block in placed.matrices { show(try make(block, in: &scene), duration: 0.8, in: &scene) }
    scene.wait(2.5)
  }
}

/// A matrix on screen with its name.
private struct ShownMatrix {
  let matrix: MatrixNodes
  let name: FormulaNodes
}
