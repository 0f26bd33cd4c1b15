import CCairo
import Foundation

/// Writes and reads PNG files through libpng's simplified API (which reports errors as
/// return values, so no `setjmp` crosses into Swift).
public enum PNG {
  /// Writes `surface` to `path` as PNG. Callers that need atomic replacement write to a
  /// temporary name and rename it.
  ///
  /// With `opaque`, alpha is dropped (an RGB file, smaller and faster); otherwise Cairo's
  /// premultiplied pixels are converted to straight alpha. `fast` trades size for speed
  /// (no row filter, low zlib level).
  public static func write(_ surface: ImageSurface, to path: String, opaque: Bool, fast: Bool = true) throws {
    let layout: PixelLayout = opaque ? .bgr : .straightBGRA
    var bytes: [UInt8] = []
    surface.pack(layout, into: &bytes)
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    image.width = UInt32(surface.width)
    image.height = UInt32(surface.height)
    image.format = UInt32(opaque ? PNG_FORMAT_BGR : PNG_FORMAT_BGRA)
    image.flags = fast ? UInt32(PNG_IMAGE_FLAG_FAST) : 0
    errno = 0
    let ok = bytes.withUnsafeBytes { buffer in
      png_image_write_to_file(&image, path, 0, buffer.baseAddress, Int32(surface.width * layout.bytesPerPixel), nil)
    }
    guard ok != 0 else {
      // The system's reason (a full disk, a vanished folder) says more than libpng's.
      let system = errno
      let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      png_image_free(&image)
      unlink(path)
      throw CanvasError.png("cannot write \(path): " + (system != 0 ? String(cString: strerror(system)) : message))
    }
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
      throw CanvasError.png("cannot read \(path): not a readable PNG file")
    }
    image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // RGBA
    var buffer = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
    let ok = buffer.withUnsafeMutableBytes {
      png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
    }
    guard ok != 0 else {
      png_image_free(&image)
      throw CanvasError.png("cannot decode \(path)")
    }
    return Image(width: Int(image.width), height: Int(image.height), rgba: buffer)
  }
}
