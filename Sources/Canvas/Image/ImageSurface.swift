import CCairo

/// A Cairo ARGB32 image: premultiplied alpha, native-endian, so on x86-64 each pixel is the
/// bytes B, G, R, A (ffmpeg's `bgra`). The one owner of its `cairo_surface_t`.
public final class ImageSurface {
  public let width: Int
  public let height: Int
  /// Bytes per row; Cairo may pad rows, though for 32-bit pixels it is `width × 4`.
  public let stride: Int
  private let surface: OpaquePointer

  /// A transparent image of the given size in pixels.
  public init(width: Int, height: Int) throws {
    guard (1...32767).contains(width), (1...32767).contains(height) else {
      throw CanvasError.invalidSize(width: width, height: height)
    }
    guard let created = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
      throw CanvasError.cairo("out of memory")
    }
    let status = cairo_surface_status(created)
    guard status == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(created)
      try CanvasError.check(status)
      throw CanvasError.cairo("could not create surface")
    }
    self.surface = created
    self.width = width
    self.height = height
    self.stride = Int(cairo_image_surface_get_stride(created))
    assert(stride == width * 4, "ARGB32 rows are expected to be unpadded")
  }

  deinit { cairo_surface_destroy(surface) }

  /// Calls `body` with the Cairo surface; only the drawing layer uses this.
  func withCairoSurface<R>(_ body: (OpaquePointer) throws -> R) rethrows -> R {
    try body(surface)
  }

  /// Read access to the pixels (`height` rows of `stride` bytes), after pending drawing is
  /// flushed. The buffer is valid only inside `body`.
  public func withUnsafePixels<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    cairo_surface_flush(surface)
    // A surface created successfully always has pixel data; a nil pointer gives no bytes.
    let base = UnsafeRawPointer(cairo_image_surface_get_data(surface))
    return try body(UnsafeRawBufferPointer(start: base, count: base == nil ? 0 : stride * height))
  }

  /// Write access to the pixels; Cairo is told they changed when `body` returns.
  public func withUnsafeMutablePixels<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
    cairo_surface_flush(surface)
    let base = UnsafeMutableRawPointer(cairo_image_surface_get_data(surface))
    defer { cairo_surface_mark_dirty(surface) }
    return try body(UnsafeMutableRawBufferPointer(start: base, count: base == nil ? 0 : stride * height))
  }

  /// The straight-alpha colour of pixel (x, y), for tests and probes.
  public func pixel(x: Int, y: Int) -> Color {
    withUnsafePixels { bytes in
      let offset = y * stride + x * 4
      let b = Double(bytes[offset])
      let g = Double(bytes[offset + 1])
      let r = Double(bytes[offset + 2])
      let a = Double(bytes[offset + 3])
      guard a > 0 else { return .clear }
      return Color(red: r / a, green: g / a, blue: b / a, alpha: a / 255)
    }
  }
}

@available(*, unavailable)
extension ImageSurface: Sendable {}
