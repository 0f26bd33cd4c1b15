import CCairo

/// Draws paths, paint and text onto a surface. The one owner of its `cairo_t`.
///
/// A canvas lives on one thread for one frame: Pango's font map is per thread, and Cairo
/// contexts are not thread-safe.
public final class Canvas {
  private let cr: OpaquePointer
  /// Keeps the target surface alive as long as the context draws into it.
  private let target: AnyObject
  /// The Pango context text is shaped in, made on first use (a `PangoContext`).
  private var pango: OpaquePointer?
  /// Where shaped text is kept across frames, if the thread drawing keeps one.
  let textCache: TextCache?

  /// Whether the target is a PDF or SVG page rather than pixels.
  let isVector: Bool

  /// A canvas drawing into `surface`, with the identity transform (1 unit = 1 pixel); text
  /// is shaped once per `textCache` (one per thread) when one is given.
  public convenience init(surface: ImageSurface, textCache: TextCache? = nil) throws {
    try self.init(surface: surface.withCairoSurface { $0 }, owner: surface, isVector: false, textCache: textCache)
  }

  /// A canvas on a Cairo surface that `owner` keeps alive.
  init(surface: OpaquePointer, owner: AnyObject, isVector: Bool, textCache: TextCache? = nil) throws {
    guard let context = cairo_create(surface) else { throw CanvasError.cairo("out of memory") }
    let status = cairo_status(context)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_destroy(context)
      try CanvasError.check(status)
      throw CanvasError.cairo("could not create context")
    }
    self.cr = context
    self.target = owner
    self.isVector = isVector
    self.textCache = textCache
    cairo_set_antialias(context, CAIRO_ANTIALIAS_GOOD)
  }

  deinit {
    if let pango { g_object_unref(UnsafeMutableRawPointer(pango)) }
    cairo_destroy(cr)
  }

  /// Calls `body` with the Cairo context; only the drawing layer uses this.
  func withContext<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R { try body(cr) }

  /// Calls `body` with the Cairo context and a Pango context matching its current transform.
  func withTextContext<R>(_ body: (OpaquePointer, OpaquePointer) throws -> R) rethrows -> R {
    if let textCache { return try body(cr, textCache.context(for: cr)) }
    let context: OpaquePointer
    if let pango {
      context = pango
      pango_cairo_update_context(cr, context)
    } else {
      context = pango_cairo_create_context(cr)
      TextLayout.configure(context)
      pango = context
    }
    return try body(cr, context)
  }

  /// Throws if any drawing so far failed (Cairo errors are sticky).
  public func checkStatus() throws { try CanvasError.check(cairo_status(cr)) }

  /// Runs `body` and then restores the transform, clip and drawing state to what it was.
  public func withSavedState<R>(_ body: () throws -> R) rethrows -> R {
    cairo_save(cr)
    defer { cairo_restore(cr) }
    return try body()
  }

  /// Draws what `body` draws as one layer at `opacity`, so overlapping parts of it do not
  /// show through each other. The layer is only as large as `bounds` (in user space), when
  /// given: drawing through a layer the size of the frame costs a full-frame blend.
  /// Prefer folding opacity into the paint (`Paint.withAlpha`) when nothing overlaps.
  public func withOpacity<R>(_ opacity: Double, clippedTo bounds: Rect? = nil, _ body: () throws -> R) rethrows -> R {
    if opacity >= 1 { return try body() }
    cairo_save(cr)
    if let bounds {
      cairo_new_path(cr)
      cairo_rectangle(cr, bounds.minX, bounds.minY, bounds.width, bounds.height)
      cairo_clip(cr)
    }
    cairo_push_group(cr)
    defer {
      cairo_pop_group_to_source(cr)
      cairo_paint_with_alpha(cr, max(opacity, 0))
      cairo_restore(cr)
    }
    return try body()
  }

  /// Ends the current page of a document.
  func showPage() { cairo_show_page(cr) }

  /// Applies `transform` after the current one (like Cairo's `cairo_transform`).
  public func concatenate(_ transform: Transform) {
    var matrix = cairo_matrix_t(
      xx: transform.a, yx: transform.b, xy: transform.c,
      yy: transform.d, x0: transform.tx, y0: transform.ty)
    cairo_transform(cr, &matrix)
  }

  /// Replaces every pixel with `color` (clear for transparent output). A page starts
  /// empty, so there it paints `color` over it: a vector surface would turn a replacing
  /// paint into a bitmap.
  public func clear(to color: Color) {
    withSavedState {
      cairo_set_operator(cr, isVector ? CAIRO_OPERATOR_OVER : CAIRO_OPERATOR_SOURCE)
      cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
      cairo_paint(cr)
    }
  }

  /// Replaces the pixels of `rect` (in the current user space; exact when its edges lie
  /// on whole pixels) with `color`.
  public func clear(_ rect: Rect, to color: Color) {
    withSavedState {
      cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
      cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
      setPath(.rectangle(rect))
      cairo_fill(cr)
    }
  }

  public func fill(_ path: Path, with paint: Paint) {
    setPath(path)
    setSource(paint)
    cairo_fill(cr)
  }

  public func stroke(_ path: Path, with paint: Paint, style: StrokeStyle) {
    setPath(path)
    setSource(paint)
    cairo_set_line_width(cr, style.width)
    cairo_set_line_cap(cr, style.cap.cairo)
    cairo_set_line_join(cr, style.join.cairo)
    style.dash.withUnsafeBufferPointer {
      cairo_set_dash(cr, $0.baseAddress, Int32($0.count), style.dashOffset)
    }
    cairo_stroke(cr)
  }

  /// Strokes each segment on its own, all in one paint and width: crossing segments are
  /// not merged into one outline first (what a single path of thousands of crossing lines
  /// costs), and where they overlap their colours blend.
  public func strokeSegments(_ segments: [(Point, Point)], with paint: Paint, width: Double) {
    setSource(paint)
    cairo_set_line_width(cr, width)
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    cairo_set_dash(cr, nil, 0, 0)
    for (a, b) in segments {
      cairo_move_to(cr, a.x, a.y)
      cairo_line_to(cr, b.x, b.y)
      cairo_stroke(cr)
    }
  }

  /// Limits later drawing to the inside of `path` until the saved state is restored.
  public func clip(to path: Path) {
    setPath(path)
    cairo_clip(cr)
  }

  private func setPath(_ path: Path) {
    cairo_new_path(cr)
    for element in path.elements {
      switch element {
      case .move(let p): cairo_move_to(cr, p.x, p.y)
      case .line(let p): cairo_line_to(cr, p.x, p.y)
      case .curve(let c1, let c2, let p): cairo_curve_to(cr, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
      case .close: cairo_close_path(cr)
      }
    }
  }

  func setSource(_ paint: Paint) {
    switch paint {
    case .solid(let c):
      cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    case .linearGradient(let start, let end, let stops):
      let pattern = cairo_pattern_create_linear(start.x, start.y, end.x, end.y)
      setGradient(pattern, stops)
    case .radialGradient(let center, let radius, let stops):
      let pattern = cairo_pattern_create_radial(center.x, center.y, 0, center.x, center.y, radius)
      setGradient(pattern, stops)
    }
  }

  private func setGradient(_ pattern: OpaquePointer?, _ stops: [GradientStop]) {
    for stop in stops {
      let c = stop.color
      cairo_pattern_add_color_stop_rgba(pattern, stop.offset, c.red, c.green, c.blue, c.alpha)
    }
    cairo_set_source(cr, pattern)
    cairo_pattern_destroy(pattern)  // the context holds its own reference
  }
}

@available(*, unavailable)
extension Canvas: Sendable {}

extension LineCap {
  var cairo: cairo_line_cap_t {
    switch self {
    case .butt: return CAIRO_LINE_CAP_BUTT
    case .round: return CAIRO_LINE_CAP_ROUND
    case .square: return CAIRO_LINE_CAP_SQUARE
    }
  }
}

extension LineJoin {
  var cairo: cairo_line_join_t {
    switch self {
    case .miter: return CAIRO_LINE_JOIN_MITER
    case .round: return CAIRO_LINE_JOIN_ROUND
    case .bevel: return CAIRO_LINE_JOIN_BEVEL
    }
  }
}
