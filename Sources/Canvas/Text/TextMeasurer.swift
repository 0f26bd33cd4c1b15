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

  /// The longest start of `text` that fits in `maxWidth` with an ellipsis appended (or
  /// `text` itself when it fits). Measures about log₂(length) times, so even a token of
  /// 10,000 characters is shortened in milliseconds.
  public func truncated(_ text: String, font: Font, maxWidth: Double) -> String {
    // No character is narrower than a tenth of the font size (zero-width marks aside), so
    // a longer text cannot fit: look only at as many characters as could.
    let cap = Int(max(maxWidth, 0) / (font.size * 0.1)) + 2
    let characters = Array(text.prefix(cap))
    if characters.count < cap && measure(text, font: font).width <= maxWidth { return text }
    func candidate(_ count: Int) -> String { String(characters[..<count]).trimmingTrailingSpaces + "…" }
    // Widths grow with the number of characters kept: find the most that still fit.
    var (low, high) = (0, characters.count - (characters.count < cap ? 1 : 0))
    while low < high {
      let middle = (low + high + 1) / 2
      if measure(candidate(middle), font: font).width <= maxWidth { low = middle } else { high = middle - 1 }
    }
    return low > 0 ? candidate(low) : "…"
  }
}

extension TextMeasurer {
  /// `text`, or when it is wider than `maxWidth`, its start and end around an ellipsis
  /// ("internation…zation"): for a name that must stay recognisable.
  public func shortenedInTheMiddle(_ text: String, font: Font, maxWidth: Double) -> String {
    let cap = Int(max(maxWidth, 0) / (font.size * 0.1)) + 2
    if text.count < cap && measure(text, font: font).width <= maxWidth { return text }
    let head = Array(text.prefix(cap))
    let tail = Array(text.suffix(cap))
    func candidate(_ count: Int) -> String {
      String(head[..<min((count + 1) / 2, head.count)]) + "…" + String(tail.suffix(count / 2))
    }
    var (low, high) = (0, min(head.count + tail.count, text.count) - 1)
    while low < high {
      let middle = (low + high + 1) / 2
      if measure(candidate(middle), font: font).width <= maxWidth { low = middle } else { high = middle - 1 }
    }
    return candidate(low)
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
