import CCairo

/// A vector document that Cairo writes to a file as it is drawn: a PDF of any number of
/// pages, or an SVG of one. Shapes stay shapes and text stays text (glyph outlines in SVG),
/// so a slide is sharp at any zoom and its words can be selected and searched in a PDF.
///
/// The same `Canvas` drawing code that fills images draws pages: a page is just another
/// Cairo surface. A document belongs to one thread, as a canvas does.
public final class VectorDocument {
  public enum Kind: String, Sendable {
    case pdf, svg
  }

  public let kind: Kind
  /// The page size: points (1/72 inch) in a PDF, CSS pixels in an SVG.
  public let width: Double
  public let height: Double
  private let surface: OpaquePointer
  private var pages = 0

  /// Starts a document at `path` (a file Cairo creates and writes). `title` goes into a
  /// PDF's metadata.
  public init(_ kind: Kind, path: String, width: Double, height: Double, title: String? = nil) throws {
    guard width > 0, height > 0, width.isFinite, height.isFinite else {
      throw CanvasError.invalidSize(width: Int(width), height: Int(height))
    }
    let created: OpaquePointer?
    switch kind {
    case .pdf: created = cairo_pdf_surface_create(path, width, height)
    case .svg: created = cairo_svg_surface_create(path, width, height)
    }
    guard let created else { throw CanvasError.cairo("out of memory") }
    let status = cairo_surface_status(created)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(created)
      try CanvasError.check(status)
      throw CanvasError.cairo("could not create \(path)")
    }
    switch kind {
    case .pdf:
      cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_CREATOR, "Reel")
      if let title { cairo_pdf_surface_set_metadata(created, CAIRO_PDF_METADATA_TITLE, title) }
    case .svg:
      cairo_svg_surface_set_document_unit(created, CAIRO_SVG_UNIT_PX)
    }
    self.kind = kind
    self.width = width
    self.height = height
    self.surface = created
  }

  deinit { cairo_surface_destroy(surface) }

  /// Draws one page with `draw`, whose canvas has the page's units (0…width, 0…height).
  /// In a PDF, `bookmark` names the page in the viewer's outline.
  public func addPage(bookmark: String? = nil, _ draw: (Canvas) throws -> Void) throws {
    precondition(kind == .pdf || pages == 0, "an SVG document has one page")
    let canvas = try Canvas(surface: surface, owner: self, isVector: true)
    try draw(canvas)
    try canvas.checkStatus()
    pages += 1
    if kind == .pdf, let bookmark {
      cairo_pdf_surface_add_outline(
        surface, CAIRO_PDF_OUTLINE_ROOT, bookmark, "page=\(pages)", cairo_pdf_outline_flags_t(rawValue: 0))
    }
    canvas.showPage()
  }

  /// Writes the rest of the file and closes it; errors while writing (a full disk) surface here.
  public func finish() throws {
    cairo_surface_finish(surface)
    try CanvasError.check(cairo_surface_status(surface))
  }
}

@available(*, unavailable)
extension VectorDocument: Sendable {}
