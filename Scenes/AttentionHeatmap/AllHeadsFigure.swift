import Canvas
import Reel

/// Every layer × head of a model's attention on one frame (BertViz's "model view"): small
/// heatmaps with the layers down and the heads across, queries down and keys across in each,
/// one colour scale for all. The clip fills them in one by one.
struct AllHeadsFigure {
  /// `grid[layer][head]`: each a matrix of weights, rows adding up to 1.
  let grid: [[[[Double]]]]
  let tokenCount: Int
  let colormap: Colormap
  let scale: ColorScale
  let saturates: Bool
  let footnote: String

  func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let frame = scene.frameSize
    let theme = scene.theme
    let (layers, heads) = (grid.count, grid.first?.count ?? 0)
    guard layers > 0, heads > 0 else { throw SceneError("--all-heads: the attention has no heads to show") }
    let margin = frame.width >= frame.height ? 56.0 : 36.0
    let usable = frame.width - 2 * margin
    let headerFont = Font(size: 18)
    var colorbar = ColorbarLayout(
      orientation: .vertical, scale: scale, saturates: saturates, tokenCount: tokenCount, causal: false, theme: theme,
      measurer: m)
    let gap = 10.0
    // Layers down and heads across, or (in a tall frame, where it gives larger thumbnails)
    // heads down and layers across.
    let rowLabelWidth = { (name: String, count: Int) in
      m.measure("\(name) \(count - 1)", font: headerFont).width
    }
    let headerHeight = m.measure("head 0", font: headerFont).height
    func side(rows: Int, columns: Int, labelWidth: Double, top: Double, bottom: Double) -> Double {
      let across = usable - labelWidth - 12 - 40 - colorbar.breadth
      return min(
        (across - gap * Double(columns - 1)) / Double(columns), (bottom - top - gap * Double(rows - 1)) / Double(rows))
    }

    scene.section("title")
    var title = PlacedText.fitted(
      "Attention of every head", font: Font(size: 46, weight: .semibold), color: theme.ink, maxWidth: usable,
      minimumSize: 30, measurer: m)
    title.center = Point(frame.width / 2, 30 + title.size.height / 2)
    let foot = RichText(
      [TextRun(footnote, font: Font(size: 18), color: theme.muted)], maxWidth: usable, balanced: true, measurer: m)
    let footnote = HeatmapLayout.centered(foot, at: frame.width / 2, top: frame.height - 22 - foot.size.height)
    let bottom = frame.height - 22 - foot.size.height - 24
    // The subtitle depends on the orientation; measured for both, on as many lines as it needs.
    func subtitle(layersDown: Bool) -> [PlacedText] {
      let order = layersDown ? "Layers down, heads across" : "Heads down, layers across"
      let text = RichText(
        [
          TextRun(
            "\(order); in each, queries down and keys across (\(tokenCount) tokens)", font: Font(size: 24),
            color: theme.muted)
        ], maxWidth: usable, balanced: true, measurer: m)
      return HeatmapLayout.centered(text, at: frame.width / 2, top: title.box.maxY + 6)
    }
    func top(_ lines: [PlacedText]) -> Double {
      (lines.map(\.box.maxY).max() ?? title.box.maxY) + 28 + headerHeight + 8
    }
    let down = subtitle(layersDown: true)
    let across = subtitle(layersDown: false)
    let layersDownSide = side(
      rows: layers, columns: heads, labelWidth: rowLabelWidth("layer", layers), top: top(down), bottom: bottom)
    let headsDownSide = side(
      rows: heads, columns: layers, labelWidth: rowLabelWidth("head", heads), top: top(across), bottom: bottom)
    let layersDown = layersDownSide >= headsDownSide
    let subtitle = layersDown ? down : across
    let side = max(layersDownSide, headsDownSide)
    guard side >= 24 else {
      throw SceneError("--all-heads: \(layers) × \(heads) heads do not fit the frame; use a wider frame (16:9)")
    }
    let (rows, columns) = layersDown ? (layers, heads) : (heads, layers)
    let (rowName, columnName) = layersDown ? ("layer", "head") : ("head", "layer")
    let labelWidth = rowLabelWidth(rowName, rows)
    let gridTop = top(subtitle) + max(0, (bottom - top(subtitle) - (Double(rows) * side + Double(rows - 1) * gap)) / 2)
    let gridWidth = Double(columns) * side + Double(columns - 1) * gap
    let gridHeight = Double(rows) * side + Double(rows - 1) * gap
    let left = max(margin + labelWidth + 12, (frame.width - gridWidth - 40 - colorbar.breadth) / 2)
    /// The top-left corner of layer `layer`'s head `head`.
    func origin(_ layer: Int, _ head: Int) -> Point {
      let (row, column) = layersDown ? (layer, head) : (head, layer)
      return Point(left + Double(column) * (side + gap), gridTop + Double(row) * (side + gap))
    }
    // Header labels: the column's name and number on top ("head 0", or the number alone
    // when a column is too narrow for the word), the row's down the left.
    let wordFits = m.measure("\(columnName) \(columns - 1)", font: headerFont).width <= side + gap - 4
    let columnLabels = (0..<columns).map { column -> PlacedText in
      var label = PlacedText(
        wordFits ? "\(columnName) \(column)" : "\(column)", font: headerFont, color: theme.muted, measurer: m)
      label.center = Point(left + Double(column) * (side + gap) + side / 2, gridTop - 8 - label.size.height / 2)
      return label
    }
    let rowLabels = (0..<rows).map { row -> PlacedText in
      var label = PlacedText("\(rowName) \(row)", font: headerFont, color: theme.muted, measurer: m)
      label.center = Point(left - 12 - label.size.width / 2, gridTop + Double(row) * (side + gap) + side / 2)
      return label
    }
    _ = colorbar.place(
      at: Point(left + gridWidth + 40, gridTop - colorbar.lead), length: gridHeight, scale: scale,
      within: margin...(frame.width - margin))

    for text in [title] + subtitle + footnote { scene.add(text.node(measurer: m)) }
    let headers = (columnLabels + rowLabels).map { scene.make($0.node(measurer: m)) }
    let bar = colorbar.nodes(colormap: colormap, scale: scale, theme: theme, measurer: m).map { scene.make($0) }
    scene.play(.fadeIn(headers + bar), duration: 0.6)

    scene.section("heads")
    let cell = side / Double(tokenCount)
    var thumbnails: [Node] = []
    for layer in 0..<layers {
      for head in 0..<heads {
        let values = grid[layer][head].map { $0.map { Optional($0) } }
        let corner = origin(layer, head)
        var content = HeatmapContent(
          values: values, colormap: colormap, range: 0...scale.upperBound, cellSize: Size(cell, cell),
          center: scale.center, gap: 0, maskColor: theme.maskFill, maskHatch: theme.maskHatch)
        content.alwaysAsImage = true
        thumbnails.append(scene.make(Node(.heatmap(content), at: Point(corner.x + side / 2, corner.y + side / 2))))
      }
    }
    // One after another, layer by layer: two to six seconds whatever the count.
    scene.play(
      .laggedStart(thumbnails.map { .create($0) }, lagRatio: 0.4),
      duration: min(6, max(2, 0.06 * Double(thumbnails.count))),
      rate: .linear)
    scene.wait(2.5)
  }
}
