import CCairo

/// A Pango layout of one string in one font: the single place text is shaped, so measuring
/// and drawing always agree. Hinting is off, so extents scale exactly with the font size.
///
/// Every line is laid out left to right whatever script it starts with, so an English
/// caption holding an Arabic word keeps its order (wrap inserted words in `Bidi.isolate`);
/// right-to-left words are still shaped and ordered right to left inside it. Han text
/// without kana is set as Chinese, so it gets Chinese rather than Japanese glyph shapes.
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
    pango_layout_set_auto_dir(layout, 0)
    pango_layout_set_text(layout, text, -1)
    if let language = font.language ?? Self.language(of: text) {
      let attributes = pango_attr_list_new()
      pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language)))
      pango_layout_set_attributes(layout, attributes)
      pango_attr_list_unref(attributes)
    }
  }

  /// The language to shape East Asian text in: Chinese for Han without kana, Japanese with
  /// kana, Korean for Hangul; `nil` (the locale's) otherwise.
  static func language(of text: String) -> String? {
    var han = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x3040...0x30FF, 0x31F0...0x31FF: return "ja"
      case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return "ko"
      case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FA1F: han = true
      default: continue
      }
    }
    return han ? "zh-cn" : nil
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

  /// Draws the layout with its top-left corner at the Cairo context's current point.
  /// Pango's serial number of the layout: it changes whenever the text must be laid out
  /// (shaped) again, the layout's context having changed.
  var serial: UInt32 { pango_layout_get_serial(layout) }

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

  /// Turns hinting and glyph-position rounding off, so layout is resolution independent,
  /// and sets lines left to right.
  static func configure(_ context: OpaquePointer) {
    pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
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
    return TextMetrics(
      logical: rect(logical), ink: rect(ink), baseline: Double(pango_layout_get_baseline(layout)) * scale,
      unknownGlyphs: Int(pango_layout_get_unknown_glyphs_count(layout)))
  }

  /// The layout's glyphs with their boxes and, drawn through `cr` (any Cairo context; its
  /// path, transform and clip are left as they were), their outlines.
  func glyphRun(outlinesWith cr: OpaquePointer) -> GlyphRun {
    let scale = 1 / Double(PANGO_SCALE)
    let logical = logicalExtents
    let utf8 = Array(text.utf8)
    var glyphs: [Glyph] = []
    var baseline = 0.0
    cairo_save(cr)
    cairo_identity_matrix(cr)
    // Cairo leaves out glyphs outside the clip, and the outlines are made at the origin.
    cairo_reset_clip(cr)
    defer {
      cairo_new_path(cr)
      cairo_restore(cr)
    }
    let single = pango_glyph_string_new()
    pango_glyph_string_set_size(single, 1)
    defer { pango_glyph_string_free(single) }
    let iterator = pango_layout_get_iter(layout)
    defer { pango_layout_iter_free(iterator) }
    repeat {
      guard let run = pango_layout_iter_get_run_readonly(iterator), let item = run.pointee.item,
        let string = run.pointee.glyphs
      else { continue }
      var runLogical = PangoRectangle()
      pango_layout_iter_get_run_extents(iterator, nil, &runLogical)
      baseline = Double(pango_layout_iter_get_baseline(iterator)) * scale - logical.minY
      let font = item.pointee.analysis.font
      let count = Int(string.pointee.num_glyphs)
      let itemStart = Int(item.pointee.offset)
      let clusters = (0..<count).map { itemStart + Int(string.pointee.log_clusters[$0]) }
      var penX = Double(runLogical.x) * scale - logical.minX
      for index in 0..<count {
        let info = string.pointee.glyphs[index]
        let advance = Double(info.geometry.width) * scale
        let origin = Point(
          penX + Double(info.geometry.x_offset) * scale, baseline + Double(info.geometry.y_offset) * scale)
        // The cluster runs to the next different cluster start (either side, for right-to-left runs).
        let start = clusters[index]
        let end = clusters.filter { $0 > start }.min() ?? (itemStart + Int(item.pointee.length))
        let characters = String(decoding: utf8[min(start, utf8.count)..<min(end, utf8.count)], as: UTF8.self)
        var ink = PangoRectangle()
        pango_font_get_glyph_extents(font, info.glyph, &ink, nil)
        single?.pointee.glyphs[0] = info
        single?.pointee.glyphs[0].geometry.x_offset = 0
        single?.pointee.glyphs[0].geometry.y_offset = 0
        single?.pointee.log_clusters[0] = 0
        cairo_new_path(cr)
        cairo_move_to(cr, origin.x, origin.y)
        pango_cairo_glyph_string_path(cr, font, single)
        glyphs.append(
          Glyph(
            text: characters, origin: origin, advance: advance,
            ink: Rect(
              x: origin.x + Double(ink.x) * scale, y: origin.y + Double(ink.y) * scale,
              width: Double(ink.width) * scale, height: Double(ink.height) * scale),
            outline: Self.currentPath(cr)))
        penX += advance
      }
    } while pango_layout_iter_next_run(iterator) != 0
    return GlyphRun(glyphs: glyphs, size: logical.size, baseline: baseline)
  }

  /// The Cairo context's current path as a `Path`.
  private static func currentPath(_ cr: OpaquePointer) -> Path {
    guard let copied = cairo_copy_path(cr) else { return Path() }
    defer { cairo_path_destroy(copied) }
    var path = Path()
    guard copied.pointee.status == CAIRO_STATUS_SUCCESS, let data = copied.pointee.data else { return path }
    var index = 0
    while index < Int(copied.pointee.num_data) {
      let header = data[index].header
      func point(_ offset: Int) -> Point { Point(data[index + offset].point.x, data[index + offset].point.y) }
      switch header.type {
      case CAIRO_PATH_MOVE_TO: path.move(to: point(1))
      case CAIRO_PATH_LINE_TO: path.line(to: point(1))
      case CAIRO_PATH_CURVE_TO: path.curve(point(1), point(2), to: point(3))
      case CAIRO_PATH_CLOSE_PATH: path.close()
      default: break
      }
      index += Int(header.length)
    }
    // A move with nothing drawn after it (the pen placed for a space) is no outline.
    let drawn = path.elements.enumerated().filter { index, element in
      guard case .move = element else { return true }
      guard index + 1 < path.elements.count, case .move = path.elements[index + 1] else {
        return index + 1 < path.elements.count
      }
      return false
    }
    return Path(drawn.map(\.element))
  }
}
