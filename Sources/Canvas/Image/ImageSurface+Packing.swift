/// How pixels are laid out when copied out of an `ImageSurface`.
public enum PixelLayout: Sendable {
  /// Three bytes B, G, R per pixel; alpha is dropped (for opaque frames).
  case bgr
  /// Four bytes B, G, R, A with straight (not premultiplied) alpha, as PNG and ffmpeg's
  /// `bgra` expect.
  case straightBGRA

  public var bytesPerPixel: Int { self == .bgr ? 3 : 4 }
}

extension ImageSurface {
  /// Copies the pixels into `buffer` (resized as needed), rows packed without padding.
  public func pack(_ layout: PixelLayout, into buffer: inout [UInt8]) {
    let count = width * height * layout.bytesPerPixel
    if buffer.count != count { buffer = [UInt8](repeating: 0, count: count) }
    buffer.withUnsafeMutableBytes { pack(layout, into: $0) }
  }

  /// Copies the pixels into `buffer`, which holds at least `width · height ·
  /// bytesPerPixel` bytes, rows packed without padding.
  public func pack(_ layout: PixelLayout, into buffer: UnsafeMutableRawBufferPointer) {
    let (width, height, stride) = (self.width, self.height, self.stride)
    let channels = layout.bytesPerPixel
    precondition(buffer.count >= width * height * channels, "buffer too small for the packed pixels")
    if layout == .bgr {
      packBGR(into: buffer)
      return
    }
    withUnsafePixels { source in
      let destination = buffer
      for y in 0..<height {
        var s = y * stride
        var d = y * width * channels
        for _ in 0..<width {
          let alpha = source[s + 3]
          if layout == .bgr || alpha == 255 {
            destination[d] = source[s]
            destination[d + 1] = source[s + 1]
            destination[d + 2] = source[s + 2]
          } else if alpha == 0 {
            destination[d] = 0
            destination[d + 1] = 0
            destination[d + 2] = 0
          } else {
            // Undo premultiplication with rounding: c = round(c' · 255 / a).
            let a = UInt32(alpha)
            for k in 0..<3 {
              destination[d + k] = UInt8(min(255, (UInt32(source[s + k]) * 255 + a / 2) / a))
            }
          }
          if channels == 4 { destination[d + 3] = alpha }
          s += 4
          d += channels
        }
      }
    }
  }

  /// The pixels as three bytes each, alpha dropped: four pixels (four little-endian words
  /// B | G << 8 | R << 16 | A << 24) become three words at a time.
  private func packBGR(into buffer: UnsafeMutableRawBufferPointer) {
    let (width, height, stride) = (self.width, self.height, self.stride)
    withUnsafePixels { source in
      for y in 0..<height {
        let row = y * stride
        let out = y * width * 3
        var x = 0
        while x + 4 <= width {
          let (p0, p1, p2, p3) = (
            source.loadUnaligned(fromByteOffset: row + 4 * x, as: UInt32.self),
            source.loadUnaligned(fromByteOffset: row + 4 * x + 4, as: UInt32.self),
            source.loadUnaligned(fromByteOffset: row + 4 * x + 8, as: UInt32.self),
            source.loadUnaligned(fromByteOffset: row + 4 * x + 12, as: UInt32.self)
          )
          let d = out + 3 * x
          buffer.storeBytes(of: (p0 & 0xFF_FFFF) | (p1 << 24), toByteOffset: d, as: UInt32.self)
          buffer.storeBytes(of: ((p1 >> 8) & 0xFFFF) | (p2 << 16), toByteOffset: d + 4, as: UInt32.self)
          buffer.storeBytes(of: ((p2 >> 16) & 0xFF) | (p3 << 8), toByteOffset: d + 8, as: UInt32.self)
          x += 4
        }
        for x in x..<width {
          for k in 0..<3 { buffer[out + 3 * x + k] = source[row + 4 * x + k] }
        }
      }
    }
  }
}
