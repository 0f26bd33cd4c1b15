import CCairo
import Foundation

/// Writes and reads PNG files through libpng's simplified API (which reports errors as
/// return values, so no `setjmp` crosses into Swift).
public enum PNG {
  /// Writes `surface` to `path` atomically: a temporary file in the same folder, renamed
  /// over `path` only when complete.
  ///
  /// With `opaque`, alpha is dropped (an RGB file, smaller and faster); otherwise Cairo's
  /// premultiplied pixels are converted to straight alpha. `fast` trades size for speed
  /// (no row filter, low zlib level), right for frame sequences.
  public static func write(_ surface: ImageSurface, to path: String, opaque: Bool, fast: Bool = true) throws {
    let (bytes, format, rowBytes) = packed(surface, opaque: opaque)
    let temporary = path + ".partial-\(getpid())"
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    image.width = UInt32(surface.width)
    image.height = UInt32(surface.height)
    image.format = format
    image.flags = fast ? UInt32(PNG_IMAGE_FLAG_FAST) : 0
    let ok = bytes.withUnsafeBytes { buffer in
      png_image_write_to_file(&image, temporary, 0, buffer.baseAddress, Int32(rowBytes), nil)
    }
    guard ok != 0 else {
      let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      png_image_free(&image)
      unlink(temporary)
      throw CanvasError.png("could not write \(path): \(message)")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CanvasError.png("could not write \(path): \(reason)")
    }
  }

  /// The pixels in the byte order libpng is told about: B,G,R (opaque) or B,G,R,A straight.
  static func packed(_ surface: ImageSurface, opaque: Bool) -> ([UInt8], UInt32, Int) {
    let (width, height, stride) = (surface.width, surface.height, surface.stride)
    let channels = opaque ? 3 : 4
    var out = [UInt8](repeating: 0, count: width * height * channels)
    surface.withUnsafePixels { source in
      out.withUnsafeMutableBufferPointer { destination in
        for y in 0..<height {
          var s = y * stride, d = y * width * channels
          for _ in 0..<width {
            let a = source[s + 3]
            if opaque {
              destination[d] = source[s]; destination[d + 1] = source[s + 1]; destination[d + 2] = source[s + 2]
            } else if a == 0 {
              // Fully transparent: colour is irrelevant; leave zeros.
            } else {
              // Undo premultiplication with rounding: c = round(c' * 255 / a).
              let half = UInt32(a) / 2
              for k in 0..<3 {
                destination[d + k] = UInt8(min(255, (UInt32(source[s + k]) * 255 + half) / UInt32(a)))
              }
              destination[d + 3] = a
            }
            s += 4
            d += channels
          }
        }
      }
    }
    let format = opaque ? UInt32(PNG_FORMAT_BGR) : UInt32(PNG_FORMAT_BGRA)
    return (out, format, width * channels)
  }

  /// A decoded PNG: straight-alpha RGBA bytes, row by row.
  public struct Image: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let rgba: [UInt8]
  }

  /// Reads a PNG file into 8-bit RGBA.
  public static func read(_ path: String) throws -> Image {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    guard png_image_begin_read_from_file(&image, path) != 0 else {
      throw CanvasError.png("could not read \(path)")
    }
    image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // RGBA
    var buffer = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
    let ok = buffer.withUnsafeMutableBytes {
      png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
    }
    guard ok != 0 else {
      png_image_free(&image)
      throw CanvasError.png("could not decode \(path)")
    }
    return Image(width: Int(image.width), height: Int(image.height), rgba: buffer)
  }
}
