import CCairo

/// Measures text without drawing it, with the same shaping the canvas uses to draw.
///
/// Layout code asks a measurer for boxes instead of guessing widths. A measurer belongs to
/// the thread that made it (Pango font maps are per thread).
public final class TextMeasurer {
  private let context: OpaquePointer
  /// A Cairo context on a 1×1 image, for turning glyphs into outlines.
  private let scratch: ImageSurface?
  private let cr: OpaquePointer?

  public init() {
    let fontMap = pango_cairo_font_map_get_default()  // owned by this thread; not unreffed
    context = pango_font_map_create_context(fontMap)
    TextLayout.configure(context)
    scratch = try? ImageSurface(width: 1, height: 1)
    cr = scratch?.withCairoSurface { cairo_create($0) }
  }

  deinit {
    if let cr { cairo_destroy(cr) }
    g_object_unref(UnsafeMutableRawPointer(context))
  }

  /// `text` set in `font`, shaped into glyphs with their boxes, baseline and outlines.
  public func glyphRun(_ text: String, font: Font) -> GlyphRun {
    let layout = TextLayout(context: context, text: text, font: font)
    guard let cr else {
      let metrics = layout.metrics
      return GlyphRun(glyphs: [], size: metrics.logical.size, baseline: metrics.baseline)
    }
    return layout.glyphRun(outlinesWith: cr)
  }

  /// Extents of `text` set in `font` on one line.
  public func measure(_ text: String, font: Font) -> TextMetrics {
    TextLayout(context: context, text: text, font: font).metrics
  }

  /// The largest prefix of `text` that fits in `maxWidth` with an ellipsis appended
  /// (or `text` itself when it fits).
  public func truncated(_ text: String, font: Font, maxWidth: Double) -> String {
    if measure(text, font: font).width <= maxWidth { return text }
    var characters = Array(text)
    while !characters.isEmpty {
      characters.removeLast()
      let candidate = String(characters).trimmingTrailingSpaces + "…"
      if measure(candidate, font: font).width <= maxWidth { return candidate }
    }
    return "…"
  }
}

@available(*, unavailable)
extension TextMeasurer: Sendable {}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
