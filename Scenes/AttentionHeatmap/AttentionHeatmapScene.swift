import AttentionData
import Canvas
import Foundation
import MathType
import Reel
import TensorMath

/// Self-attention weights of a sentence as a labelled heatmap: rows are queries, columns
/// are keys, each row adds up to 1. The title is there from the first frame; labels
/// appear, the cells fill in row by row and the whole matrix holds in its true colours;
/// then one query row is outlined, the keys it attends to most are outlined and named in a
/// caption beside it, and its row is lifted out as a ranked list.
///
/// Cells always show the colormap's colour for their value — emphasis is drawn in an
/// accent no colormap uses, never by repainting data — and each row's printed values add
/// up to exactly 1.00.
public struct AttentionHeatmapScene: ReelScene {
  public static let name = "attention-heatmap"
  public static let summary = "Self-attention weights of a sentence as a labelled heatmap (queries × keys)"
  public static let defaultTokens = ["The", "cat", "sat", "on", "the", "mat", "."]
  public static let tokenLimit = 2...64

  /// The attention shown: the seeded example, or weights read with `--weights`.
  public let weights: AttentionWeights
  public let colormap: Colormap
  /// The colorbar: 0 to 1 unless `--vmax` says otherwise; centred on 1/n for diverging maps.
  public let scale: ColorScale
  /// Where the weights come from, said on the frame so a made-up example is not read as a
  /// finding, and a real one names its file, layer and head.
  public private(set) var footnote: String
  /// What the user should know about the weights read, though the render goes on.
  public let warnings: [String]
  /// Every layer × head, for `--all-heads`; empty otherwise.
  let allHeads: [[[[Double]]]]

  public init(options: AttentionHeatmapOptions) throws {
    colormap = options.colormap
    if options.weights != nil || options.model != nil {
      guard !options.causal else {
        throw SceneError(
          "--causal is for the made-up example; a causal model's saved weights are zero above the diagonal")
      }
      let saved = try SavedAttention(options: options)
      (weights, footnote, warnings, allHeads) = (saved.weights, saved.footnote, saved.warnings, saved.grid)
    } else {
      let unused = [
        ("--layer", options.layer != nil), ("--head", options.head != nil), ("--batch", options.batch != nil),
        ("--tensor", options.tensor != nil), ("--hide-special", options.hideSpecial),
        ("--normalize", options.normalize), ("--text", options.text != nil), ("--all-heads", options.allHeads),
      ].filter(\.1).map(\.0)
      guard unused.isEmpty else {
        throw SceneError(
          "\(unused.joined(separator: ", ")) only apply to real attention; give a file with --weights or a model with --model"
        )
      }
      let tokens = try (options.tokens.map(TokenFile.tokens(from:))?.map(\.raw) ?? Self.defaultTokens).map(
        Self.displayable)
      guard Self.tokenLimit.contains(tokens.count) else {
        throw SceneError(
          "attention-heatmap needs \(Self.tokenLimit.lowerBound) to \(Self.tokenLimit.upperBound) tokens; got \(tokens.count)"
        )
      }
      weights = AttentionExample(tokens: tokens, seed: options.seed, causal: options.causal).weights
      footnote =
        "Illustrative weights: seeded random projections of made-up embeddings (seed \(options.seed)), not a trained model. "
        + "Each row is rounded so its values add up to 1.00."
      warnings = []
      allHeads = []
    }
    // Under a causal mask the first query sees one key and gives it all its weight; that
    // says nothing, so `auto` looks at rows with a choice to make.
    let rows = weights.maskedWeights.filter { $0.compactMap { $0 }.count > 1 }
    let largest = (rows.isEmpty ? weights.maskedWeights : rows).flatMap { $0.compactMap { $0 } }.max() ?? 1
    var top = options.vmax
    if let percentile = options.clip {
      guard (50...100).contains(percentile) else { throw SceneError("--clip takes a percentile from 50 to 100") }
      let clipped = ColorScale.roundedUp(
        Self.percentile(percentile, of: weights.maskedWeights.flatMap { $0.compactMap { $0 } }))
      top = .value(clipped)
      footnote += " Colours clipped at the \(ColorScale.label(percentile))th percentile (\(ColorScale.label(clipped)))."
    }
    scale = ColorScale(
      top: top, largest: largest,
      center: options.colormap.isDiverging ? 1 / Double(weights.tokens.count) : nil)
    saturates = (weights.maskedWeights.flatMap { $0.compactMap { $0 } }.max() ?? 0) > scale.upperBound + 1e-9
  }

  /// The `p`-th percentile of `values` (nearest rank).
  static func percentile(_ p: Double, of values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 1 }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
  }

  /// Whether some weights lie above the colour scale's top (drawn in its last colour).
  public let saturates: Bool

  /// A token as the figure shows it: without bidi control characters, which would reach
  /// out of their token and reorder the sentence around it.
  static func displayable(_ token: String) -> String {
    let controls: Set<UInt32> = Set([0x061C, 0x200E, 0x200F]).union(0x202A...0x202E).union(0x2066...0x2069)
    let kept = String(String.UnicodeScalarView(token.unicodeScalars.filter { !controls.contains($0.value) }))
    return kept.isEmpty ? "∅" : kept
  }

  public func layout(frame: Size, theme: Theme = .light, measurer: TextMeasurer) throws -> HeatmapLayout {
    try HeatmapLayout(
      tokens: weights.tokens, frame: frame, scale: scale, saturates: saturates, causal: weights.causal,
      focus: weights.focusRow, footnote: footnote, theme: theme, accent: theme.accent(against: colormap),
      measurer: measurer)
  }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    if !allHeads.isEmpty {
      let figure = AllHeadsFigure(
        grid: allHeads, tokenCount: weights.tokens.count, colormap: colormap, scale: scale, saturates: saturates,
        footnote: footnote)
      return try figure.record(into: &scene, measurer: m)
    }
    let theme = scene.theme
    let accent = theme.accent(against: colormap)
    let layout = try layout(frame: scene.frameSize, theme: theme, measurer: m)
    let focus = weights.focusRow

    // The title is on the first frame, so a clip's thumbnail is never blank.
    scene.section("title")
    for text in [layout.title] + layout.subtitle { scene.add(text.node(measurer: m)) }
    let formula = try layout.subtitleFormula.nodes(in: &scene)
    for glyph in formula.glyphs { scene.add(glyph) }
    let footnote = layout.footnote.map { scene.make($0.node(measurer: m)) }
    scene.play(.fadeIn(footnote), duration: 0.6)

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
            // Printed numbers and their cells agree; cells too small to print in (a long
            // sequence's) show the exact weights, which two decimals would flatten.
            values: layout.cellSize < HeatmapContent.imageCellSize ? weights.maskedWeights : weights.shownWeights,
            colormap: colormap, range: 0...scale.upperBound,
            cellSize: Size(
              layout.cellSize, layout.cellSize),
            center: scale.center, gap: max(1, min(3, layout.cellSize * 0.04)), valueFont: layout.valueFont,
            maskColor: theme.maskFill, maskHatch: theme.maskHatch)),
        at: layout.grid.center))
    let colorbar = layout.colorbar.nodes(colormap: colormap, scale: scale, theme: theme, measurer: m).map {
      scene.make($0)
    }
    scene.play(
      .create(heatmap).rate(.linear), .laggedStart(colorbar.map { .fadeIn($0) }, lagRatio: 0.1), duration: 2.0)
    // The whole matrix in its true colours, long enough to read before anything is singled out.
    scene.wait(1.6)

    scene.section("focus")
    let cell = layout.cellSize
    let rowBox = Rect(
      x: layout.grid.minX, y: layout.grid.minY + Double(focus.query) * cell, width: layout.grid.width, height: cell)
    let marks = focusMarks(row: rowBox, keys: focus.named, grid: layout.grid, cell: cell, accent: accent, theme: theme)
    let rowOutline = marks.row.map { scene.make($0) }
    let keyOutlines = marks.keys.map { scene.make($0) }
    let named = Set([focus.query] + focus.named)
    let accented = named.flatMap { [rowLabels[$0], columnLabels[$0]] }.compactMap { $0 }
    scene.play(.create(rowOutline), .recolor(accented, fill: accent), duration: 0.7)
    scene.play(.create(keyOutlines), duration: 0.5)

    let panel = layout.panel
    var leader: [Node] = []
    if let line = layout.leader {
      leader = [
        scene.make(.line(from: line.from, to: line.to, color: accent, width: 2)),
        scene.make(.circle(radius: 4, at: line.to, fill: accent)),
      ]
    }
    let caption = panel.caption.map { scene.make($0.node(measurer: m)) }
    scene.play(.create(leader), duration: 0.4)
    scene.play(.laggedStart(caption.map { .write($0) }, lagRatio: 0.6), duration: 1.2, rate: .linear)
    let list = listNodes(panel, theme: theme, accent: accent, measurer: m).map { scene.make($0) }
    if !list.isEmpty {
      scene.play(.laggedStart(list.map { .fadeIn($0, shift: Point(-8, 0)) }, lagRatio: 0.08), duration: 1.0)
    }
    // The finished picture, held long enough to read the caption twice.
    scene.wait(2.8)
  }

  /// What marks the focus row and its named keys. Cells large enough get outlines in the
  /// accent over a halo of background colour (they show on dark and light cells alike),
  /// as thin as the cells require; small cells are not covered at all: a bar beside the
  /// grid marks the row and a triangle above the grid marks each key's column.
  private func focusMarks(row: Rect, keys: [Int], grid: Rect, cell: Double, accent: Color, theme: Theme)
    -> (row: [Node], keys: [Node])
  {
    guard cell < 20 else {
      let width = min(4, cell * 0.06)
      let rowMark = outline(row.insetBy(dx: -width, dy: -width), width: width, accent: accent, theme: theme)
      let keyMarks = keys.flatMap { key in
        outline(
          Rect(x: grid.minX + Double(key) * cell, y: row.minY, width: cell, height: cell).insetBy(dx: 2, dy: 2),
          width: min(3, cell * 0.05), accent: accent, theme: theme)
      }
      return (rowMark, keyMarks)
    }
    let bar = Node.rectangle(
      width: 5, height: max(cell, 8), cornerRadius: 2.5, at: Point(grid.maxX + 6, row.center.y), fill: accent)
    let triangles = keys.map { key -> Node in
      let x = grid.minX + (Double(key) + 0.5) * cell
      let half = 4.0
      return .polygon(
        [
          Point(x - half, grid.minY - 4 - half * 1.4), Point(x + half, grid.minY - 4 - half * 1.4),
          Point(x, grid.minY - 3),
        ],
        fill: accent)
    }
    return ([bar], triangles)
  }

  /// A rectangle outlined in the accent over a halo of background colour.
  private func outline(_ rect: Rect, width: Double, accent: Color, theme: Theme) -> [Node] {
    let corner = min(5, min(rect.width, rect.height) * 0.2)
    return [
      .rectangle(
        width: rect.width, height: rect.height, cornerRadius: corner, at: rect.center, stroke: theme.background,
        strokeWidth: width * 2),
      .rectangle(
        width: rect.width, height: rect.height, cornerRadius: corner, at: rect.center, stroke: accent,
        strokeWidth: width),
    ]
  }

  /// The ranked list: heading, each key's track, bar, name and value, and the total.
  private func listNodes(_ panel: FocusPanel, theme: Theme, accent: Color, measurer m: TextMeasurer) -> [Node] {
    var nodes = [panel.heading].compactMap { $0?.node(measurer: m) }
    for entry in panel.entries {
      nodes.append(
        .rectangle(
          width: entry.track.width, height: entry.track.height, cornerRadius: 3, at: entry.track.center,
          fill: theme.surface))
      if entry.bar.width > 0 {
        nodes.append(
          .rectangle(
            width: entry.bar.width, height: entry.bar.height, cornerRadius: 3, at: entry.bar.center,
            fill: entry.named ? accent : theme.muted))
      }
      nodes += [entry.label.node(measurer: m), entry.value.node(measurer: m)]
    }
    return nodes + [panel.total].compactMap { $0?.node(measurer: m) }
  }
}
