import CCairo

/// A Pango layout of one string in one font: the single place text is shaped, so measuring
/// and drawing always agree. Hinting is off, so extents scale exactly with the font size.
final class TextLayout {
  private let layout: OpaquePointer
  let text: String

  /// A layout in `context` (a `PangoContext` set up with `configure`), which it references
  /// while alive.
  init(context: OpaquePointer, text: String, font: Font) {
    layout = pango_layout_new(context)
    self.text = text
    let description = pango_font_description_new()
    pango_font_description_set_family(description, font.family)
    pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
    pango_font_description_set_weight(description, PangoWeight(rawValue: UInt32(font.weight.rawValue)))
    pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_layout_set_font_description(layout, description)
    pango_font_description_free(description)
    pango_layout_set_text(layout, text, -1)
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

  /// Draws the layout with its top-left corner at the Cairo context's current point.
  func show(in cr: OpaquePointer) {
    pango_cairo_show_layout(cr, layout)
  }

  /// The logical box alone, cheaper than `metrics` (no caret positions).
  var logicalExtents: Rect {
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, nil, &logical)
    let scale = 1 / Double(PANGO_SCALE)
    return Rect(
      x: Double(logical.x) * scale, y: Double(logical.y) * scale,
      width: Double(logical.width) * scale, height: Double(logical.height) * scale)
  }

  /// Turns hinting and glyph-position rounding off, so layout is resolution independent.
  static func configure(_ context: OpaquePointer) {
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(context, options)
    cairo_font_options_destroy(options)
    pango_context_set_round_glyph_positions(context, 0)
  }

  var metrics: TextMetrics {
    var ink = PangoRectangle()
    var logical = PangoRectangle()
    pango_layout_get_extents(layout, &ink, &logical)
    let scale = 1 / Double(PANGO_SCALE)
    func rect(_ r: PangoRectangle) -> Rect {
      Rect(
        x: Double(r.x) * scale, y: Double(r.y) * scale,
        width: Double(r.width) * scale, height: Double(r.height) * scale)
    }
    let baseline = Double(pango_layout_get_baseline(layout)) * scale
    return TextMetrics(
      logical: rect(logical), ink: rect(ink), baseline: baseline,
      caretOffsets: caretOffsets(scale: scale, logicalX: Double(logical.x) * scale))
  }

  private func caretOffsets(scale: Double, logicalX: Double) -> [Double] {
    var offsets: [Double] = [0]
    var byteIndex = 0
    for character in text {
      byteIndex += character.utf8.count
      var position = PangoRectangle()
      pango_layout_index_to_pos(layout, Int32(byteIndex), &position)
      offsets.append(Double(position.x) * scale - logicalX)
    }
    // index_to_pos at the end of the text gives the trailing edge: the full width.
    return offsets
  }
}
