import Canvas

extension Node {
  /// A box in the parent's coordinates (the frame's, for a node of a scene's state) that
  /// holds every pixel drawing the node may touch: its content's box grown by its stroke
  /// (and a miter's spike), by glyphs that overhang their logical box, and by
  /// antialiasing. A frame that differs from the one before only in some nodes is redrawn
  /// inside these boxes alone, so the box errs on the large side.
  public var drawnBounds: Rect {
    content.localBounds.insetBy(dx: -drawnMargin, dy: -drawnMargin).applying(transform)
  }

  /// As `drawnBounds`, for one cell of a heatmap node: the cell, its printed value, and
  /// its edges' antialiasing.
  func drawnBounds(ofCell row: Int, _ column: Int, in heatmap: HeatmapContent) -> Rect {
    heatmap.cellRect(row: row, column: column).insetBy(dx: -drawnMargin, dy: -drawnMargin).applying(transform)
  }

  /// How far drawing reaches past the content's local box.
  private var drawnMargin: Double { content.inkMargin + strokeReach + 1 }

  /// How far a stroke reaches past the path: half its width, several widths at a sharp
  /// miter join (Cairo's miter limit is 10). Counted whenever a stroke may be drawn: an
  /// outline, or a filled shape being created, whose outline is drawn in its fill.
  private var strokeReach: Double {
    guard stroke != nil || fill != nil else { return 0 }
    return strokeStyle.join == .miter ? strokeStyle.width * 5 : strokeStyle.width
  }
}

extension NodeContent {
  /// How far the content draws past its local box, its own stroke aside: glyphs over their
  /// logical box (italics, accents, a written glyph's outline), a heatmap's cells reaching
  /// under their neighbours and values wider than their cell, edges' round caps.
  fileprivate var inkMargin: Double {
    switch self {
    case .shape, .group, .value: return 0
    case .text(let text): return text.font.size * 0.3
    case .counter(let counter): return counter.font.size * 0.3
    case .heatmap(let heatmap): return 2 + (heatmap.valueFont?.size ?? 0)
    case .edges(let bundle): return bundle.widths.upperBound
    case .morph(let from, let to, _): return max(from.inkMargin, to.inkMargin)
    }
  }
}
