import CCairo

/// Measures text without drawing it, with the same shaping the canvas uses to draw.
///
/// Layout code asks a measurer for boxes instead of guessing widths. A measurer belongs to
/// the thread that made it (Pango font maps are per thread).
public final class TextMeasurer {
  private let context: OpaquePointer

  public init() {
    let fontMap = pango_cairo_font_map_get_default()  // owned by this thread; not unreffed
    context = pango_font_map_create_context(fontMap)
    TextLayout.configure(context)
  }

  deinit { g_object_unref(UnsafeMutableRawPointer(context)) }

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
