import CCairo

/// Which point of a text's logical box a drawing position refers to.
public enum TextAnchor: Sendable, Hashable {
  case topLeft, center
}

extension Canvas {
  /// Draws one line of `text` with the given point of its logical box at `point`.
  public func drawText(
    _ text: String, font: Font, color: Color, at point: Point,
    anchor: TextAnchor = .topLeft
  ) {
    withTextContext { cr, context in
      let layout =
        textCache?.layout(text, font: font, in: context) ?? TextLayout(context: context, text: text, font: font)
      let logical = layout.logicalExtents
      var origin = Point(point.x - logical.minX, point.y - logical.minY)
      if anchor == .center { origin = origin - Point(logical.width / 2, logical.height / 2) }
      cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
      cairo_move_to(cr, origin.x, origin.y)
      layout.show(in: cr)
      cairo_new_path(cr)
    }
  }

  /// `text` set in `font`, shaped into glyphs with their boxes, baseline and outlines, as
  /// this canvas would draw it.
  public func glyphRun(_ text: String, font: Font) -> GlyphRun {
    withTextContext { cr, context in
      let make = { TextLayout(context: context, text: text, font: font).glyphRun(outlinesWith: cr) }
      return textCache?.glyphRun(text, font: font, make: make) ?? make()
    }
  }
}
