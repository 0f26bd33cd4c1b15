import CCairo

extension Canvas {
  /// Draws a grid of colours, row by row and `columns` wide, stretched over `rect` with
  /// each colour a sharp block (no smoothing between neighbours): a heatmap whose cells are
  /// a few pixels wide, drawn as one image instead of one shape per cell.
  public func drawColorGrid(_ colors: [Color], columns: Int, in rect: Rect) {
    guard columns > 0, !colors.isEmpty, colors.count % columns == 0 else { return }
    let rows = colors.count / columns
    // In a PDF or SVG each cell is a block of k × k pixels, so that a viewer smoothing the
    // image as it scales it (poppler does under 4×) still shows sharp cells.
    let k = isVector ? max(1, min(8, 2048 / max(columns, rows))) : 1
    let (width, height) = (columns * k, rows * k)
    let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width)))
    var pixels = [UInt32](repeating: 0, count: stride / 4 * height)
    for row in 0..<rows {
      for column in 0..<columns {
        // Cairo's ARGB32: premultiplied, one native-endian word per pixel.
        let color = colors[row * columns + column]
        let alpha = max(0, min(1, color.alpha))
        func channel(_ value: Double) -> UInt32 { UInt32((max(0, min(1, value)) * alpha * 255).rounded()) }
        let pixel =
          UInt32((alpha * 255).rounded()) << 24 | channel(color.red) << 16 | channel(color.green) << 8
          | channel(color.blue)
        for y in (row * k)..<((row + 1) * k) {
          for x in (column * k)..<((column + 1) * k) { pixels[y * stride / 4 + x] = pixel }
        }
      }
    }
    pixels.withUnsafeMutableBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      let image = cairo_image_surface_create_for_data(
        base.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), Int32(stride))
      defer { cairo_surface_destroy(image) }
      withContext { cr in
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_translate(cr, rect.minX, rect.minY)
        cairo_scale(cr, rect.width / Double(width), rect.height / Double(height))
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, Double(width), Double(height))
        cairo_fill(cr)
      }
    }
  }
}
