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
    let margin = 56.0
    let usable = frame.width - 2 * margin

    scene.section("title")
    var title = PlacedText.fitted(
      "Attention of every head", font: Font(size: 46, weight: .semibold), color: theme.ink, maxWidth: usable,
      minimumSize: 30, measurer: m)
    title.center = Point(frame.width / 2, 30 + title.size.height / 2)
    var subtitle = PlacedText.fitted(
      "Layers down, heads across; in each, queries down and keys across (\(tokenCount) tokens)",
      font: Font(size: 24), color: theme.muted, maxWidth: usable, minimumSize: 16, measurer: m)
    subtitle.center = Point(frame.width / 2, title.box.maxY + 6 + subtitle.size.height / 2)
    let foot = RichText(
      [TextRun(footnote, font: Font(size: 18), color: theme.muted)], maxWidth: usable, balanced: true, measurer: m)
    let footnote = HeatmapLayout.centered(foot, at: frame.width / 2, top: frame.height - 22 - foot.size.height)

    // Header labels: "head 0" across the top, "layer 0" down the left (numbers alone when
    // a column is too narrow for the word).
    let headerFont = Font(size: 18)
    var colorbar = ColorbarLayout(
      orientation: .vertical, scale: scale, saturates: saturates, tokenCount: tokenCount, causal: false, theme: theme,
      measurer: m)
    let layerLabels = (0..<layers).map { PlacedText("layer \($0)", font: headerFont, color: theme.muted, measurer: m) }
    let labelWidth = layerLabels.map(\.size.width).max() ?? 0
    let headerHeight = m.measure("head 0", font: headerFont).height
    let top = subtitle.box.maxY + 28 + headerHeight + 8
    let bottom = frame.height - 22 - foot.size.height - 24
    let gap = 10.0
    let across = usable - labelWidth - 12 - 40 - colorbar.breadth
    let side = min(
      (across - gap * Double(heads - 1)) / Double(heads), (bottom - top - gap * Double(layers - 1)) / Double(layers))
    guard side >= Double(tokenCount) / 4 || side >= 24 else {
      throw SceneError("--all-heads: \(layers) × \(heads) heads do not fit the frame; use a larger --resolution")
    }
    let gridWidth = Double(heads) * side + Double(heads - 1) * gap
    let gridHeight = Double(layers) * side + Double(layers - 1) * gap
    let left = max(margin + labelWidth + 12, (frame.width - gridWidth - 40 - colorbar.breadth) / 2)
    let gridTop = top + max(0, (bottom - top - gridHeight) / 2)
    func origin(_ layer: Int, _ head: Int) -> Point {
      Point(left + Double(head) * (side + gap), gridTop + Double(layer) * (side + gap))
    }
    let wordFits = m.measure("head 10", font: headerFont).width <= side + gap - 4
    let headLabels = (0..<heads).map { head -> PlacedText in
      var label = PlacedText(wordFits ? "head \(head)" : "\(head)", font: headerFont, color: theme.muted, measurer: m)
      label.center = Point(origin(0, head).x + side / 2, gridTop - 8 - label.size.height / 2)
      return label
    }
    let placedLayers = layerLabels.enumerated().map { layer, label -> PlacedText in
      var label = label
      label.center = Point(left - 12 - label.size.width / 2, origin(layer, 0).y + side / 2)
      return label
    }
    _ = colorbar.place(
      at: Point(left + gridWidth + 40, gridTop - colorbar.lead), length: gridHeight, scale: scale,
      within: margin...(frame.width - margin))

    for text in [title, subtitle] + footnote { scene.add(text.node(measurer: m)) }
    let headers = (headLabels + placedLayers).map { scene.make($0.node(measurer: m)) }
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
    // One after another, row by row: about four seconds whatever the count.
    scene.play(
      .laggedStart(thumbnails.map { .create($0) }, lagRatio: 0.4),
      duration: min(6, max(2, 0.06 * Double(thumbnails.count))),
      rate: .linear)
    scene.wait(2.5)
  }
}
