import Canvas

extension Canvas {
  /// Draws one node in its current state.
  public func draw(_ node: Node) {
    withSavedState {
      concatenate(node.transform)
      withOpacity(node.opacity) {
        draw(node.content, of: node)
      }
    }
  }

  private func draw(_ content: NodeContent, of node: Node) {
    switch content {
    case .shape(let path): drawShape(path, node)
    case .text(let text): drawText(text, node)
    case .heatmap(let heatmap): drawHeatmap(heatmap, reveal: node.reveal)
    case .crossfade(let from, let to, let progress):
      withOpacity(1 - progress) { draw(from, of: node) }
      withOpacity(progress) { draw(to, of: node) }
    }
  }

  /// A path being created is stroked along its length first; its fill fades in over the
  /// second half, as Manim's `Create` does.
  private func drawShape(_ path: Path, _ node: Node) {
    let reveal = node.reveal
    if let fill = node.fill {
      let fillAlpha = reveal >= 1 ? 1 : max(0, (reveal - 0.5) * 2)
      if fillAlpha > 0 {
        withOpacity(fillAlpha) { self.fill(path, with: fill) }
      }
    }
    let outline = node.stroke ?? (reveal < 1 ? node.fill : nil)
    if let outline, node.strokeStyle.width > 0 {
      stroke(reveal < 1 ? path.trimmed(to: reveal) : path, with: outline, style: node.strokeStyle)
    }
  }

  /// Text being written shows whole glyphs up to the reveal point and fades in the next.
  private func drawText(_ text: TextContent, _ node: Node) {
    let color = node.fill?.baseColor ?? .black
    let box = text.localBounds
    guard node.reveal < 1 else {
      drawText(text.string, font: text.font, color: color, at: box.origin)
      return
    }
    let carets = text.metrics.caretOffsets
    let glyphs = Double(carets.count - 1) * node.reveal
    let whole = Int(glyphs)
    let edge = carets[min(whole, carets.count - 1)]
    let next = carets[min(whole + 1, carets.count - 1)]
    let tall = box.insetBy(dx: 0, dy: -box.height)  // room for ascenders and descenders
    withSavedState {
      clip(
        to: .rectangle(
          Rect(
            x: box.minX - box.height, y: tall.minY,
            width: edge + box.height, height: tall.height)))
      drawText(text.string, font: text.font, color: color, at: box.origin)
    }
    if next > edge {
      withSavedState {
        clip(to: .rectangle(Rect(x: box.minX + edge, y: tall.minY, width: next - edge, height: tall.height)))
        drawText(text.string, font: text.font, color: color.withAlpha(glyphs - Double(whole)), at: box.origin)
      }
    }
  }

  private func drawHeatmap(_ heatmap: HeatmapContent, reveal: Double) {
    let inset = heatmap.gap / 2
    for row in 0..<heatmap.rows {
      let visibility = heatmap.rowVisibility(row, reveal: reveal)
      guard visibility > 0 else { continue }
      for column in heatmap.values[row].indices {
        let cell = heatmap.cellRect(row: row, column: column).insetBy(dx: inset, dy: inset)
        let corner = min(cell.width, cell.height) * 0.08
        guard let value = heatmap.values[row][column] else {
          drawMaskedCell(cell, color: heatmap.maskColor.withAlpha(visibility), corner: corner)
          continue
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

  /// A masked cell: a pale tile with diagonal hatching, so it never reads as a weight of 0.
  private func drawMaskedCell(_ cell: Rect, color: Color, corner: Double) {
    let tile = Path.rectangle(cell, cornerRadius: corner)
    fill(tile, with: .solid(color))
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
        hatch, with: .solid(Color(rgb: 0xB8B8C0, alpha: color.alpha)),
        style: StrokeStyle(width: max(1, step * 0.18), cap: .butt))
    }
  }
}
