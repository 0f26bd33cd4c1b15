import Canvas

extension Canvas {
  /// Draws one node in its current state (in frame coordinates).
  ///
  /// Opacity is folded into the paint when the node is drawn with one paint or with parts
  /// that do not overlap; only a shape both filled and stroked, a heatmap with printed
  /// values, or a cross-fade is drawn through a layer, and that layer is only as large as
  /// the node. `parts` leaves out parts of a node that need no redrawing.
  public func draw(_ node: Node, parts: NodeParts = .all) {
    let alpha = node.effectiveOpacity
    guard alpha > 0, node.reveal > 0 else { return }
    withSavedState {
      concatenate(node.transform)
      if alpha < 1 && node.needsLayer {
        withOpacity(alpha, clippedTo: node.layerBounds) { draw(node.content, of: node, parts: parts, alpha: 1) }
      } else {
        draw(node.content, of: node, parts: parts, alpha: alpha)
      }
    }
  }

  private func draw(_ content: NodeContent, of node: Node, parts: NodeParts, alpha: Double) {
    switch content {
    case .shape(let path): drawShape(path, node, alpha: alpha)
    case .text(let text): drawText(text, node, alpha: alpha)
    case .heatmap(let heatmap): drawHeatmap(heatmap, reveal: node.reveal, cells: parts, alpha: alpha)
    case .edges(let bundle): drawEdges(bundle, reveal: node.reveal, alpha: alpha)
    case .counter(let counter): drawCounter(counter, color: node.textColor.withAlpha(alpha), reveal: node.reveal)
    case .morph(let from, let to, let progress): drawMorph(from, to, progress, node, alpha: alpha)
    case .group, .value: break
    }
  }

  /// A path being created is stroked along its length first; its fill fades in over the
  /// second half, as Manim's `Create` does.
  private func drawShape(_ path: Path, _ node: Node, alpha: Double) {
    let reveal = node.reveal
    if let fill = node.fill {
      let fillAlpha = reveal >= 1 ? 1 : max(0, (reveal - 0.5) * 2)
      if fillAlpha > 0 { self.fill(path, with: fill.withAlpha(fillAlpha * alpha)) }
    }
    let outline = node.stroke ?? (reveal < 1 ? node.fill : nil)
    if let outline, node.strokeStyle.width > 0 {
      stroke(reveal < 1 ? path.trimmed(to: reveal) : path, with: outline.withAlpha(alpha), style: node.strokeStyle)
    }
  }

  private func drawText(_ text: TextContent, _ node: Node, alpha: Double) {
    let color = node.textColor.withAlpha(alpha)
    if node.reveal >= 1 {
      drawText(text.string, font: text.font, color: color, at: text.localBounds.origin)
    } else {
      drawWriting(text, color: color, reveal: node.reveal)
    }
  }

  /// Text being written, as Manim's `Write`: glyph after glyph, each outline is drawn along
  /// its length, then filled while the outline fades.
  private func drawWriting(_ text: TextContent, color: Color, reveal: Double) {
    let run = glyphRun(text.string, font: text.font)
    let glyphs = run.glyphs.filter { $0.ink.width > 0 }
    guard !glyphs.isEmpty else { return }
    let origin = text.localBounds.origin
    let lag = min(0.2, 4 / Double(glyphs.count + 1))
    let length = 1 / (1 + Double(glyphs.count - 1) * lag)
    let outlineStyle = StrokeStyle(width: max(0.6, text.font.size * 0.035))
    withSavedState {
      concatenate(.translation(origin.x, origin.y))
      for (index, glyph) in glyphs.enumerated() {
        let progress = min(max((reveal - Double(index) * lag * length) / length, 0), 1)
        guard progress > 0 else { break }
        guard !glyph.outline.isEmpty else {
          // A picture glyph (colour emoji) has no outline: it fades in instead.
          withSavedState {
            clip(to: .rectangle(glyph.ink))
            drawText(text.string, font: text.font, color: color.withAlpha(progress), at: .zero)
          }
          continue
        }
        let filled = max(0, progress - 0.5) * 2
        if filled > 0 { fill(glyph.outline, with: .solid(color.withAlpha(filled))) }
        if filled < 1 {
          stroke(
            glyph.outline.trimmed(to: min(1, progress * 2)), with: .solid(color.withAlpha(1 - filled)),
            style: outlineStyle)
        }
      }
    }
  }

  /// A number drawn piece by piece in its measured slots; being written, piece after
  /// piece fades in.
  private func drawCounter(_ counter: CounterContent, color: Color, reveal: Double) {
    let box = counter.localBounds
    let pieces = counter.pieces
    let shown = Double(pieces.count) * reveal
    for (index, piece) in pieces.enumerated() where Double(index) < shown {
      let alpha = min(1, shown - Double(index))
      drawText(piece.text, font: counter.font, color: color.withAlpha(alpha), at: Point(box.minX + piece.x, box.minY))
    }
  }

  /// Text into text moves the glyphs both share and fades the others (Manim's
  /// `TransformMatchingShapes`); other outlines (shapes, text) morph into each other;
  /// anything else cross-fades.
  private func drawMorph(_ from: NodeContent, _ to: NodeContent, _ progress: Double, _ node: Node, alpha: Double) {
    if case .text(let a) = from, case .text(let b) = to {
      drawTextMorph(a, b, progress, color: node.textColor.withAlpha(alpha))
      return
    }
    if let a = outline(of: from), let b = outline(of: to) {
      let path = Node.morph(a, b, progress)
      if let fill = node.fill { self.fill(path, with: fill.withAlpha(alpha)) }
      if let stroke = node.stroke, node.strokeStyle.width > 0 {
        self.stroke(path, with: stroke.withAlpha(alpha), style: node.strokeStyle)
      }
      return
    }
    let layer = node.layerBounds  // holds both sides
    withOpacity(1 - progress, clippedTo: layer) { draw(from, of: node, parts: .all, alpha: alpha) }
    withOpacity(progress, clippedTo: layer) { draw(to, of: node, parts: .all, alpha: alpha) }
  }

  private func drawTextMorph(_ from: TextContent, _ to: TextContent, _ progress: Double, color: Color) {
    let source = glyphRun(from.string, font: from.font).glyphs.filter { !$0.outline.isEmpty }
    let target = glyphRun(to.string, font: to.font).glyphs.filter { !$0.outline.isEmpty }
    let (a, b) = (from.localBounds.origin, to.localBounds.origin)
    func place(_ glyph: Glyph, _ origin: Point) -> Path { glyph.outline.applying(.translation(origin.x, origin.y)) }
    // Each target glyph takes the first unused source glyph showing the same characters.
    var unused = Array(source.indices)
    var pairs: [(Int, Int)] = []
    var arriving: [Int] = []
    for (index, glyph) in target.enumerated() {
      if let match = unused.firstIndex(where: { source[$0].text == glyph.text }) {
        pairs.append((unused.remove(at: match), index))
      } else {
        arriving.append(index)
      }
    }
    for (s, t) in pairs {
      fill(Node.morph(place(source[s], a), place(target[t], b), progress), with: .solid(color))
    }
    for s in unused { fill(place(source[s], a), with: .solid(color.withAlpha(1 - progress))) }
    for t in arriving { fill(place(target[t], b), with: .solid(color.withAlpha(progress))) }
  }

  /// The content as one path in local coordinates, if it has one: a shape's path, or the
  /// outlines of text's glyphs.
  private func outline(of content: NodeContent) -> Path? {
    switch content {
    case .shape(let path): return path
    case .text(let text):
      let origin = text.localBounds.origin
      return glyphRun(text.string, font: text.font).outline.applying(.translation(origin.x, origin.y))
    default: return nil
    }
  }

  private func drawHeatmap(_ heatmap: HeatmapContent, reveal: Double, cells: NodeParts, alpha: Double) {
    if heatmap.drawsAsImage {
      // Masked cells are a plain tile (hatching would not show in a pixel or two).
      let colors = heatmap.values.indices.flatMap { row in
        let visibility = heatmap.rowVisibility(row, reveal: reveal) * alpha
        return heatmap.values[row].map { value in
          (value.map(heatmap.color(for:)) ?? heatmap.maskColor).withAlpha(visibility)
        }
      }
      drawColorGrid(colors, columns: heatmap.columns, in: heatmap.localBounds)
      return
    }
    let inset = heatmap.gap / 2
    for row in 0..<heatmap.rows {
      let visibility = heatmap.rowVisibility(row, reveal: reveal) * alpha
      guard visibility > 0 else { continue }
      for column in heatmap.values[row].indices where cells.includes(cell: row * heatmap.columns + column) {
        var cell = heatmap.cellRect(row: row, column: column).insetBy(dx: inset, dy: inset)
        var corner = min(cell.width, cell.height) * 0.08
        guard let value = heatmap.values[row][column] else {
          drawMaskedCell(cell, heatmap: heatmap, alpha: visibility, corner: corner)
          continue
        }
        // Value cells without gaps are square-cornered and reach 1.2 units under their right
        // and lower neighbours, so antialiased edges leave no seams even at a third of 1080p.
        if heatmap.gap == 0 {
          cell.size = Size(cell.width + 1.2, cell.height + 1.2)
          corner = 0
        }
        let color = heatmap.color(for: value)
        fill(.rectangle(cell, cornerRadius: corner), with: .solid(color.withAlpha(visibility)))
        if let font = heatmap.valueFont {
          drawText(
            heatmap.formatted(value), font: font,
            color: color.contrastingText.withAlpha(visibility), at: cell.center, anchor: .center)
        }
      }
    }
  }

  /// Edges in one stroke per sign and strength level, each growing from its start while
  /// the node is being created.
  private func drawEdges(_ bundle: EdgeBundle, reveal: Double, alpha: Double) {
    for bucket in bundle.buckets(reveal: min(reveal, 1)) {
      strokeSegments(bucket.segments, with: .solid(bucket.color.withAlpha(bucket.opacity * alpha)), width: bucket.width)
    }
  }

  /// A masked cell: a pale tile with diagonal hatching, so it never reads as a weight of 0.
  private func drawMaskedCell(_ cell: Rect, heatmap: HeatmapContent, alpha: Double, corner: Double) {
    let tile = Path.rectangle(cell, cornerRadius: corner)
    fill(tile, with: .solid(heatmap.maskColor.withAlpha(alpha)))
    withSavedState {
      clip(to: tile)
      var hatch = Path()
      let step = max(cell.width / 4, 4)
      var x = cell.minX - cell.height
      while x < cell.maxX {
        hatch.move(to: Point(x, cell.maxY))
        hatch.line(to: Point(x + cell.height, cell.minY))
        x += step
      }
      stroke(
        hatch, with: .solid(heatmap.maskHatch.withAlpha(alpha)),
        style: StrokeStyle(width: max(1, step * 0.18), cap: .butt))
    }
  }
}

extension Node {
  /// The colour text and numbers are drawn in.
  fileprivate var textColor: Color { fill?.baseColor ?? .black }

  /// Whether parts of the node overlap, so that fading it needs a layer of its own.
  fileprivate var needsLayer: Bool {
    switch content {
    case .shape: return fill != nil && stroke != nil && strokeStyle.width > 0
    case .heatmap(let heatmap): return heatmap.valueFont != nil
    case .morph: return true
    default: return false
    }
  }

  /// The local box a layer needs to hold the whole node: stroke, and glyphs that overhang
  /// their logical box (italics, accents), included.
  fileprivate var layerBounds: Rect {
    let box = content.localBounds
    let margin = strokeStyle.width + 2 + box.height * 0.25
    return box.insetBy(dx: -margin, dy: -margin)
  }
}
