import CCairo

/// Which point of a text's logical box a drawing position refers to.
public enum TextAnchor: Sendable, Hashable {
  case topLeft, center
}

extension Canvas {
  /// Draws one line of `text` with the given point of its logical box at `point`.
  public func drawText(_ text: String, font: Font, color: Color, at point: Point,
                       anchor: TextAnchor = .topLeft) {
    withContext { cr in
      let context = pango_cairo_create_context(cr)!
      defer { g_object_unref(UnsafeMutableRawPointer(context)) }
      let layout = TextLayout(context: context, text: text, font: font)
      let logical = layout.metrics.logical
      var origin = Point(point.x - logical.minX, point.y - logical.minY)
      if anchor == .center { origin = origin - Point(logical.width / 2, logical.height / 2) }
      cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
      cairo_move_to(cr, origin.x, origin.y)
      pango_cairo_show_layout(cr, layout.layout)
      cairo_new_path(cr)
    }
  }
}
