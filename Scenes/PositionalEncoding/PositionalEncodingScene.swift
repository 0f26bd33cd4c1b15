import Canvas
import Foundation
import MathType
import Reel
import TensorMath

/// Sinusoidal positional encodings, as in "Attention Is All You Need": why attention needs
/// them (the same words in two orders get the same weights), the sin and cos waves of
/// several dimensions on real axes, a sweep that reads every wave at one position into a
/// column of numbers, the whole positions × dimensions matrix, the similarity of nearby
/// positions, and the sum with the embeddings that makes `qkv-flow`'s X.
///
/// Every value is computed from the paper's formula (`PositionalEncodingExample`), sin
/// and cos interleaved; the dots, sweep line and readouts are computed nodes following
/// one tracker, so any frame is a pure function of time.
public struct PositionalEncodingScene: ReelScene {
  public static let name = "positional-encoding"
  public static let summary = "Sinusoidal positional encodings: why order matters, the waves, the matrix, similarity"

  public let example: PositionalEncodingExample
  /// The sum section's example: "The cat sat" as in `qkv-flow`, at this d_model.
  public let sumExample: QKVExample

  public init(options: PositionalEncodingOptions) throws {
    try options.validate()
    example = PositionalEncodingExample(dModel: options.dModel, positions: options.positions, dims: options.plotted)
    sumExample = QKVExample(tokens: ["The", "cat", "sat"], dModel: options.dModel, dKey: 3, seed: 89, causal: false)
  }

  public func layout(frame: Size, theme: Theme, measurer: TextMeasurer) throws -> PELayout {
    try PELayout(
      example: example, sum: sumExample, frame: frame, theme: theme, mathFont: try MathFont(), measurer: measurer)
  }

  /// The position the sweep ends on, whose encoding the `sweep` slide shows.
  public var sweepEnd: Int { max(1, Int((Double(example.positions) * 0.3).rounded())) }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let mathFont = try MathFont()
    let layout = try PELayout(
      example: example, sum: sumExample, frame: scene.frameSize, theme: scene.theme, mathFont: mathFont, measurer: m)
    var recording = PERecording(
      scene: self, layout: layout, theme: scene.theme, mathFont: mathFont, measurer: m)
    try recording.record(into: &scene)
  }
}

/// The recording of one clip: the layout, and what is on screen as it goes.
private struct PERecording {
  let scene: PositionalEncodingScene
  let layout: PELayout
  let theme: Theme
  let mathFont: MathFont
  let m: TextMeasurer
  var stage = SlideStage()

  init(scene: PositionalEncodingScene, layout: PELayout, theme: Theme, mathFont: MathFont, measurer: TextMeasurer) {
    self.scene = scene
    self.layout = layout
    self.theme = theme
    self.mathFont = mathFont
    m = measurer
  }

  var example: PositionalEncodingExample { scene.example }

  mutating func record(into scene: inout SceneRecorder) throws {
    let footnote = scene.make(layout.footnote.node(measurer: m))
    try order(&scene, footnote: footnote)
    let axes = try waves(&scene)
    try sweep(&scene, axes: axes)
    try matrix(&scene)
    try similarity(&scene)
    try sum(&scene)
  }

  // MARK: Helpers

  /// Starts `section`: what is on screen leaves, except `kept`, and the section's heading
  /// comes in.
  mutating func begin(_ section: PESection, keeping kept: [Node] = [], in scene: inout SceneRecorder) {
    stage.begin(section.name, heading: layout.headings[section.rawValue], keeping: kept, in: &scene, measurer: m)
  }

  mutating func make(_ node: Node, in scene: inout SceneRecorder) -> Node { stage.make(node, in: &scene) }

  mutating func make(_ formula: PlacedFormula, in scene: inout SceneRecorder) throws -> Node {
    try stage.make(formula, in: &scene)
  }

  /// A colour scale: the gradient through `colormap`, its ticks and title.
  mutating func scaleNodes(_ scale: PELayout.Scale, colormap: Colormap, in scene: inout SceneRecorder) -> [Node] {
    let bar = scale.bar
    let span = scale.range.upperBound - scale.range.lowerBound
    let stops = (0...64).map { step -> GradientStop in
      let t = Double(step) / 64
      return GradientStop(t, colormap.color(at: t))
    }
    var gradient = Node.rectangle(width: bar.width, height: bar.height, at: bar.center)
    let half = Point(scale.vertical ? 0 : bar.width / 2, scale.vertical ? bar.height / 2 : 0)
    gradient.fill = .linearGradient(
      start: scale.vertical ? half : half * -1, end: scale.vertical ? half * -1 : half, stops: stops)
    gradient.stroke = .solid(theme.rule)
    gradient.strokeStyle.width = 1
    var nodes = [make(gradient, in: &scene), make(scale.title.node(measurer: m), in: &scene)]
    for (value, label) in scale.ticks {
      let along = (value - scale.range.lowerBound) / span
      let tick: Node =
        scale.vertical
        ? .line(
          from: Point(bar.maxX, bar.maxY - along * bar.height), to: Point(bar.maxX + 5, bar.maxY - along * bar.height),
          color: theme.muted, width: 1.5)
        : .line(
          from: Point(bar.minX + along * bar.width, bar.maxY), to: Point(bar.minX + along * bar.width, bar.maxY + 5),
          color: theme.muted, width: 1.5)
      nodes += [make(tick, in: &scene), make(label.node(measurer: m), in: &scene)]
    }
    return nodes
  }

  var axesStyle: AxesStyle {
    AxesStyle(font: layout.tickFont, color: theme.muted, labelColor: theme.muted, grid: theme.surface)
  }

  // MARK: Sections

  mutating func order(_ scene: inout SceneRecorder, footnote: Node) throws {
    begin(.order, in: &scene)
    scene.play(.fadeIn(footnote), duration: 0.3)
    let placed = layout.order
    let font = Font(size: 22)
    var charts: [BarChartNodes] = []
    for row in 0..<2 {
      let rowTitle = make(placed.rowTitles[row].node(measurer: m), in: &scene)
      var rowNodes: [Node] = [rowTitle]
      for sentence in 0..<2 {
        let index = row * 2 + sentence
        rowNodes.append(make(placed.sentenceTitles[index].node(measurer: m), in: &scene))
        let chart = try scene.barChart(
          placed.charts[index], color: row == 0 ? theme.muted : theme.primary, ink: theme.ink, muted: theme.muted,
          font: font, measurer: m)
        stage.note([chart.group])
        charts.append(chart)
      }
      scene.play(.laggedStart(rowNodes.map { .fadeIn($0) }, lagRatio: 0.2), duration: 0.6)
      let rowCharts = Array(charts.suffix(2))
      scene.play(
        .laggedStart(rowCharts.map { .fadeIn($0.group, shift: Point(0, 12)) }, lagRatio: 0.3), duration: 1.0)
      // The same word's bars, one in each sentence.
      for word in ["dog", "man"] {
        let bars = (0..<2).compactMap { sentence -> Node? in
          placed.charts[row * 2 + sentence].names.firstIndex(of: word).map { rowCharts[sentence].bars[$0] }
        }
        scene.play(
          .laggedStart(bars.map { .indicate($0, color: theme.accent, scale: 1.08) }, lagRatio: 0.2), duration: 0.8)
      }
      scene.wait(0.6)
    }
    scene.wait(1.5)
  }

  /// Returns the axes and their curves, kept for the sweep.
  mutating func waves(_ scene: inout SceneRecorder) throws -> AxesNodes {
    begin(.waves, in: &scene)
    let placed = layout.waves
    let formulas = try placed.formulas.map { try make($0, in: &scene) }
    scene.play(.laggedStart(formulas.map { .write($0) }, lagRatio: 0.5), duration: 1.6, rate: .linear)
    let example = self.example
    let curves = zip(example.dims, layout.curveColors).map { dim, color in
      let graph = FunctionGraph(axes: placed.axes) { example.value(position: $0, dim: dim) }
      return scene.make(.path(graph.path, stroke: color, strokeWidth: 3))
    }
    let axes = try scene.axes(
      placed.axes, style: axesStyle, xLabel: "position", yLabel: "PE value", curves: curves, mathFont: mathFont,
      measurer: m)
    stage.note([axes.group])
    scene.play(.fadeIn(axes.group), duration: 0.8)
    let rows = try placed.legend.rows(in: &scene, at: placed.legendOrigin, labelColor: theme.ink)
    stage.note(rows)
    for (curve, row) in zip(curves, rows) {
      scene.play(.create(curve), .fadeIn(row, shift: Point(-12, 0)), duration: 1.8, rate: .linear)
      scene.wait(0.3)
    }
    scene.wait(1.5)
    return axes
  }

  mutating func sweep(_ scene: inout SceneRecorder, axes: AxesNodes) throws {
    begin(.sweep, keeping: [axes.group], in: &scene)
    let placed = layout.sweep
    let example = self.example
    let tracker = scene.tracker(0)
    let line = scene.sweepLine(on: axes.axes, following: tracker, color: theme.ink, width: 2, dash: [10, 6])
    stage.note([line])
    let riders = zip(example.dims, layout.curveColors).map { dim, color in
      scene.rider(on: axes.axes, following: tracker, color: color, radius: 8) { example.value(position: $0, dim: dim) }
    }
    stage.note(riders)
    let readout = scene.readout(
      on: axes.axes, following: tracker, range: -1...1, font: Font(size: 22, weight: .semibold),
      color: layout.curveColors[0], measurer: m
    ) { example.value(position: $0, dim: example.dims[0]) }
    stage.note([readout])
    // The column: brackets, coloured labels and name from the matrix node; its numbers are
    // counters that read the waves where the line is.
    let (column, name) = try placed.column.nodes(in: &scene, mathFont: mathFont, measurer: m)
    stage.note([column.group, name.group])
    // The column's own digits stay hidden: the counters show the numbers.
    scene.play(.fade(column.entries.flatMap { $0 }, to: 0), duration: 0)
    let font = placed.column.style.font
    let counters = zip(example.dims, column.rowBoxes).map { dim, box in
      var counter = Node.counter(0, decimals: 2, reserving: -1...1, font: font, color: theme.ink, measurer: m)
      // Right-aligned where the column's numbers end, as its own entries would be.
      counter.position = Point(column.columnBoxes[0].maxX - counter.bounds.width / 2, box.center.y)
      return scene.make(counter) { node, now in
        node.counting(example.value(position: now.value(tracker).rounded(), dim: dim))
      }
    }
    stage.note(counters)
    let position = scene.make(
      .counter(
        0, decimals: 0, prefix: "pos = ", reserving: 0...Double(example.positions), font: Font(size: 26),
        color: theme.ink,
        at: placed.position, measurer: m)
    ) { node, now in node.counting(now.value(tracker).rounded()) }
    stage.note([position])
    scene.play(.fadeIn([name.group] + column.brackets + column.rowLabels + counters + [position]), duration: 0.8)
    scene.play(
      [.fadeIn(line)] + riders.map { .fadeIn($0) } + [.fadeIn(readout)]
        + zip(column.rowLabels, layout.curveColors).map { .recolor([$0.0], fill: $0.1) }, duration: 0.6)
    let last = Double(example.positions - 1)
    scene.play(.setValue(tracker, to: last), duration: 7, rate: .linear)
    scene.wait(0.5)
    scene.play(.setValue(tracker, to: Double(self.scene.sweepEnd)), duration: 2.0)
    scene.wait(2.0)
  }

  mutating func matrix(_ scene: inout SceneRecorder) throws {
    begin(.matrix, in: &scene)
    let placed = layout.matrix
    let values = example.encoding.rowArrays.map { $0.map { Double($0) as Double? } }
    let content = HeatmapContent(
      values: values, colormap: PELayout.diverging, range: placed.range, cellSize: placed.cellSize, center: 0, gap: 0)
    let heatmap = scene.make(Node(.heatmap(content), at: placed.axes.plot.center))
    let axes = try scene.axes(
      placed.axes, style: AxesStyle(font: layout.tickFont, color: theme.muted, labelColor: theme.muted),
      xLabel: "dimension", yLabel: "position", curves: [heatmap], mathFont: mathFont, measurer: m)
    stage.note([axes.group])
    let scale = scaleNodes(layout.matrixScale, colormap: PELayout.diverging, in: &scene)
    scene.play(.fadeIn(axes.group), .laggedStart(scale.map { .fadeIn($0) }, lagRatio: 0.1), duration: 0.8)
    scene.play(.create(heatmap), duration: 2.0, rate: .linear)
    scene.wait(2.5)
  }

  mutating func similarity(_ scene: inout SceneRecorder) throws {
    begin(.similarity, in: &scene)
    let placed = layout.similarity
    let example = self.example
    let similarity = example.similarity
    let content = HeatmapContent(
      values: similarity.map { $0.map { $0 as Double? } }, colormap: PELayout.sequential, range: placed.heatmap.range,
      cellSize: placed.heatmap.cellSize, gap: 0)
    let heatmap = scene.make(Node(.heatmap(content), at: placed.heatmap.axes.plot.center))
    let heatAxes = try scene.axes(
      placed.heatmap.axes, style: AxesStyle(font: layout.tickFont, color: theme.muted, labelColor: theme.muted),
      xLabel: "position q", yLabel: "position p", curves: [heatmap], mathFont: mathFont, measurer: m)
    stage.note([heatAxes.group])
    let scale = scaleNodes(placed.scale, colormap: PELayout.sequential, in: &scene)
    scene.play(.fadeIn(heatAxes.group), .laggedStart(scale.map { .fadeIn($0) }, lagRatio: 0.1), duration: 0.8)
    scene.play(.create(heatmap), duration: 1.6, rate: .linear)
    // The curve: Σ cos(k ωᵢ) against the offset k, and the products of real positions on it.
    let graph = FunctionGraph(axes: placed.curve) { example.pairedSimilarity(offset: $0) }
    let curve = scene.make(.path(graph.path, stroke: theme.primary, strokeWidth: 3))
    let starts = [0, example.positions / 3]
    let colors = [theme.accent, theme.alternativeAccents[1]]
    var dots: [[Node]] = []
    for (start, color) in zip(starts, colors) {
      dots.append(
        (0..<(example.positions - start)).map { k in
          scene.make(
            .circle(
              radius: 5, at: placed.curve.point(x: Double(k), y: similarity[start][start + k]), fill: color))
        })
    }
    let curveAxes = try scene.axes(
      placed.curve, style: axesStyle, xLabel: "offset k = q − p", yLabel: "PE(p) · PE(p + k)",
      curves: [curve] + dots.flatMap { $0 }, mathFont: mathFont, measurer: m)
    stage.note([curveAxes.group])
    // A key for the dots, top right inside the plot, where the similarity has fallen off.
    let keyFont = Font(size: 20)
    var keys: [Node] = []
    var y = placed.curve.plot.minY + 16
    for (start, color) in zip(starts, colors) {
      let text = PlacedText("● dots: p = \(start)", font: keyFont, color: color, measurer: m)
      keys.append(
        make(
          .text(
            text.string, font: keyFont, color: color,
            at: Point(placed.curve.plot.maxX - 12 - text.size.width / 2, y + text.size.height / 2), measurer: m),
          in: &scene))
      y += text.size.height + 4
    }
    scene.play(.fadeIn(curveAxes.group), duration: 0.6)
    scene.play(.create(curve), duration: 1.6, rate: .linear)
    for (row, key) in zip(dots, keys) {
      scene.play(.fadeIn(key), .laggedStart(row.map { .fadeIn($0) }, lagRatio: 0.05), duration: 1.2)
    }
    scene.wait(2.0)
  }

  mutating func sum(_ scene: inout SceneRecorder) throws {
    begin(.sum, in: &scene)
    let placed = layout.sum
    var matrices: [MatrixNodes] = []
    var names: [Node] = []
    for block in [placed.embeddings, placed.encoding, placed.x] {
      let (matrix, name) = try block.nodes(in: &scene, mathFont: mathFont, measurer: m)
      stage.note([matrix.group, name.group])
      matrices.append(matrix)
      names.append(name.group)
    }
    let plus = try make(placed.plus, in: &scene)
    let equals = try make(placed.equals, in: &scene)
    scene.play(.fadeIn(matrices[0].group), .fadeIn(names[0]), duration: 0.8)
    scene.play(.fadeIn(plus), .fadeIn(matrices[1].group), .fadeIn(names[1]), duration: 0.8)
    scene.play(.fadeIn(equals), duration: 0.3)
    let x = matrices[2]
    scene.play(
      .fadeIn([names[2]] + x.brackets + x.rowLabels + x.columnLabels),
      .laggedStart(x.entries.map { .fadeIn($0, shift: Point(-10, 0)) }, lagRatio: 0.3), duration: 1.4)
    scene.wait(2.5)
  }
}
