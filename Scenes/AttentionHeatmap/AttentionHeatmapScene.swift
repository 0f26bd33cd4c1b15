import Canvas
import Foundation
import Reel
import TensorMath

/// Self-attention weights of a sentence as a labelled heatmap: rows are queries, columns
/// are keys, each row sums to 1. Title and labels appear, cells fill in row by row, then
/// one query row is singled out and its strongest keys called out.
public struct AttentionHeatmapScene: ReelScene {
  public static let name = "attention-heatmap"
  public static let summary = "Self-attention weights of a sentence as a labelled heatmap (queries × keys)"
  public static let defaultTokens = ["The", "cat", "sat", "on", "the", "mat", "."]
  public static let tokenLimit = 2...64

  public let example: AttentionExample
  public let colormap: Colormap
  /// The colorbar's range and ticks: 0 to a round number above the largest weight.
  public let scale: ColorbarScale

  public init(options: AttentionHeatmapOptions) throws {
    let tokens = options.tokens ?? Self.defaultTokens
    guard Self.tokenLimit.contains(tokens.count) else {
      throw SceneError(
        "attention-heatmap needs \(Self.tokenLimit.lowerBound) to \(Self.tokenLimit.upperBound) tokens; got \(tokens.count)"
      )
    }
    example = AttentionExample(tokens: tokens, seed: options.seed, causal: options.causal)
    colormap = options.colormap
    scale = ColorbarScale(maximum: Double(example.attention.weights.storage.max() ?? 1))
  }

  /// The two caption lines: who the focus query attends to most, and with what weight.
  public var captionLines: [String] {
    let (query, keys) = example.focus
    let tokens = example.tokens
    let weights = example.attention.weights
    guard let first = keys.first else { return ["“\(tokens[query])” attends only to itself"] }
    var detail = String(format: "weight %.2f", weights[query, first])
    if keys.count > 1 {
      detail += String(format: ", then “%@” %.2f", tokens[keys[1]], weights[query, keys[1]])
    }
    return ["“\(tokens[query])” attends most to “\(tokens[first])”", detail]
  }

  public func layout(frame: Size, theme: Theme = .light, measurer: TextMeasurer) throws -> HeatmapLayout {
    try HeatmapLayout(
      tokens: example.tokens, frame: frame, scale: scale, causal: example.causal,
      caption: captionLines, theme: theme, measurer: measurer)
  }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let theme = scene.theme
    let layout = try layout(frame: scene.frameSize, theme: theme, measurer: m)
    let n = example.tokens.count

    scene.section("title")
    let title = scene.make(layout.title.node(measurer: m))
    let subtitle = scene.make(layout.subtitle.node(measurer: m))
    scene.play(.write(title), duration: 0.8, rate: .linear)
    scene.play(.fadeIn(subtitle, shift: Point(0, 12)), duration: 0.5)

    scene.section("tokens")
    let rowLabels = layout.rowLabels.map { $0.map { scene.make($0.node(measurer: m)) } }
    let columnLabels = layout.columnLabels.map { $0.map { scene.make($0.node(measurer: m)) } }
    let axisTitles = [layout.keysTitle, layout.queriesTitle].map { scene.make($0.node(measurer: m)) }
    scene.play(
      .laggedStart(rowLabels.compactMap { $0 }.map { .fadeIn($0, shift: Point(-10, 0)) }, lagRatio: 0.15),
      .laggedStart(columnLabels.compactMap { $0 }.map { .fadeIn($0, shift: Point(0, -10)) }, lagRatio: 0.15),
      .fadeIn(axisTitles), duration: 1.0)

    scene.section("weights")
    let heatmap = scene.make(
      Node(
        .heatmap(
          HeatmapContent(
            values: example.maskedWeights, colormap: colormap, range: 0...scale.upperBound,
            cellSize: Size(layout.cellSize, layout.cellSize), gap: max(1, min(3, layout.cellSize * 0.04)),
            valueFont: layout.valueFont, maskColor: theme.maskFill, maskHatch: theme.maskHatch)),
        at: layout.grid.center))
    let colorbar = colorbarNodes(layout, theme: theme, measurer: m).map { scene.make($0) }
    scene.play(
      .create(heatmap).rate(.linear), .laggedStart(colorbar.map { .fadeIn($0) }, lagRatio: 0.1),
      duration: 2.0)
    scene.wait(0.3)

    scene.section("focus")
    let (query, keys) = example.focus
    let cell = layout.cellSize
    let rowBox = Rect(
      x: layout.grid.minX, y: layout.grid.minY + Double(query) * cell, width: layout.grid.width, height: cell)
    let dimmers = dimmingNodes(around: rowBox, grid: layout.grid, color: theme.background).map { scene.make($0) }
    let outline = scene.make(
      .rectangle(
        width: rowBox.width + 6, height: rowBox.height + 6, cornerRadius: 6,
        at: rowBox.center, stroke: theme.accent, strokeWidth: 4))
    scene.play(
      .fade(dimmers, to: 0.66), .create(outline),
      .recolor([rowLabels[query]].compactMap { $0 }, fill: theme.accent), duration: 0.7)
    let strongest = keys.prefix(n > 2 ? 2 : 1)
    let keyBoxes = strongest.map { key in
      scene.make(
        .rectangle(
          width: cell + 2, height: cell + 2, cornerRadius: 5,
          at: Point(layout.grid.minX + (Double(key) + 0.5) * cell, rowBox.center.y),
          stroke: theme.ink, strokeWidth: 3))
    }
    let keyLabels = strongest.compactMap { columnLabels[$0] }
    scene.play(.create(keyBoxes), .recolor(keyLabels, fill: theme.accent), duration: 0.6)
    let captions = layout.caption.map { scene.make($0.node(measurer: m)) }
    scene.play(.succession(captions.map { .write($0) }), duration: 1.0, rate: .linear)
    scene.wait(1.1)
  }

  /// The colorbar: a gradient bar, its frame, ticks and labels, and the masked-cell key.
  private func colorbarNodes(_ layout: HeatmapLayout, theme: Theme, measurer m: TextMeasurer) -> [Node] {
    let bar = layout.colorbar
    let stops = stride(from: 0, through: 16, by: 1).map { step -> GradientStop in
      let t = Double(step) / 16
      return GradientStop(t, colormap.color(at: t))
    }
    var gradient = Node.rectangle(width: bar.width, height: bar.height, at: bar.center)
    gradient.fill = .linearGradient(start: Point(0, bar.height / 2), end: Point(0, -bar.height / 2), stops: stops)
    gradient.stroke = .solid(theme.rule)
    gradient.strokeStyle.width = 1
    var nodes = [layout.colorbarTitle.node(measurer: m), gradient]
    for label in layout.ticks {
      nodes.append(
        .line(
          from: Point(bar.maxX, label.center.y), to: Point(bar.maxX + 6, label.center.y),
          color: theme.muted, width: 1.5))
      nodes.append(label.node(measurer: m))
    }
    if let swatch = layout.maskSwatch, let legend = layout.maskLegend {
      nodes.append(
        Node(
          .heatmap(
            HeatmapContent(
              values: [[nil]], colormap: colormap, range: 0...1,
              cellSize: swatch.size, gap: 0, maskColor: theme.maskFill, maskHatch: theme.maskHatch)),
          at: swatch.center))
      nodes.append(legend.node(measurer: m))
    }
    return nodes
  }

  /// Translucent background-coloured panels over every row except the focus row.
  private func dimmingNodes(around row: Rect, grid: Rect, color: Color) -> [Node] {
    var panels: [Rect] = []
    if row.minY > grid.minY {
      panels.append(Rect(x: grid.minX, y: grid.minY, width: grid.width, height: row.minY - grid.minY))
    }
    if row.maxY < grid.maxY {
      panels.append(Rect(x: grid.minX, y: row.maxY, width: grid.width, height: grid.maxY - row.maxY))
    }
    return panels.map { rect in
      var node = Node.rectangle(width: rect.width, height: rect.height, at: rect.center, fill: color)
      node.opacity = 0
      return node
    }
  }
}
