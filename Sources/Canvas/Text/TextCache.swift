import CCairo

/// Text laid out once and kept for the next frames drawn on the same thread: a Pango
/// context, and a layout and a glyph run (for text being written) per string and font. Most
/// of a clip's labels stay the same from frame to frame; making their layouts again for
/// every frame cost about a tenth of Reel's CPU time for `attention-heatmap` (2026-11-26).
///
/// Use a cache on one thread only (Pango's font map is per thread): make one per drawing
/// thread and pass it to each canvas that thread makes. A layout whose context changed (a
/// text drawn scaled or rotated) is laid out again by Pango itself, so a cached layout
/// draws exactly what a new one would.
public final class TextCache {
  private struct Key: Hashable {
    let text: String
    let font: Font
  }

  /// The Pango context every canvas using this cache shapes in, made on first use.
  private var context: OpaquePointer?
  private var layouts: [Key: TextLayout] = [:]
  private var glyphRuns: [Key: GlyphRun] = [:]
  /// Layouts kept at most; past that the cache starts again.
  private let capacity: Int

  public init(capacity: Int = 4096) {
    self.capacity = capacity
  }

  deinit {
    layouts.removeAll()
    if let context { g_object_unref(UnsafeMutableRawPointer(context)) }
  }

  /// The cache's Pango context, matched to `cr`'s transform and options.
  func context(for cr: OpaquePointer) -> OpaquePointer {
    let now = Match(cr)
    if let context {
      // Each update marks every layout of the context as needing to be shaped again, even
      // when nothing it depends on changed (Pango ignores the translation), so a context
      // is updated only when the surface or the transform's linear part changed.
      if now != matched {
        pango_cairo_update_context(cr, context)
        matched = now
      }
      return context
    }
    let made: OpaquePointer = pango_cairo_create_context(cr)
    TextLayout.configure(made)
    context = made
    matched = now
    return made
  }

  /// What a Pango context takes from a Cairo context: its target surface and the linear
  /// part of its transform.
  private struct Match: Equatable {
    let target: OpaquePointer?
    let xx, yx, xy, yy: Double

    init(_ cr: OpaquePointer) {
      var matrix = cairo_matrix_t()
      cairo_get_matrix(cr, &matrix)
      target = cairo_get_target(cr)
      (xx, yx, xy, yy) = (matrix.xx, matrix.yx, matrix.xy, matrix.yy)
    }
  }

  /// What `context` was last matched to.
  private var matched: Match?

  /// The layout of `text` in `font`, shaped in `context` (this cache's) the first time.
  func layout(_ text: String, font: Font, in context: OpaquePointer) -> TextLayout {
    let key = Key(text: text, font: font)
    if let layout = layouts[key] { return layout }
    if layouts.count >= capacity { layouts.removeAll(keepingCapacity: true) }
    let layout = TextLayout(context: context, text: text, font: font)
    layouts[key] = layout
    return layout
  }

  /// The glyph run of `text` in `font`, made by `make` the first time. Runs do not depend
  /// on the transform: their outlines are taken at the identity.
  func glyphRun(_ text: String, font: Font, make: () -> GlyphRun) -> GlyphRun {
    let key = Key(text: text, font: font)
    if let run = glyphRuns[key] { return run }
    if glyphRuns.count >= capacity { glyphRuns.removeAll(keepingCapacity: true) }
    let run = make()
    glyphRuns[key] = run
    return run
  }
}
