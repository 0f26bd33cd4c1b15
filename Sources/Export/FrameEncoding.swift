import Canvas

/// How a drawn frame becomes the bytes an encoder reads: what `RawFrameFormat` says, for
/// frames of one size. Pure and thread-safe, so the threads that draw frames also encode
/// them, in parallel.
public struct FrameEncoding: Sendable {
  public let format: RawFrameFormat
  public let width: Int
  public let height: Int

  public init(format: RawFrameFormat, width: Int, height: Int) {
    self.format = format
    self.width = width
    self.height = height
  }

  /// Bytes of one encoded frame.
  public var byteCount: Int {
    format == .yuv420p ? width * height * 3 / 2 : width * height * 4
  }

  /// Writes `frame`'s bytes into `buffer`, which holds at least `byteCount` bytes. When
  /// `buffer` holds a frame that differs from `frame` only inside `changed` (in pixels),
  /// only what is needed is written: the yuv420p samples of that region.
  public func encode(_ frame: ImageSurface, into buffer: UnsafeMutableRawBufferPointer, changed: Rect? = nil) {
    switch format {
    case .yuv420p:
      YUV420Converter(width: width, height: height).convert(frame, into: buffer, region: changed)
    case .straightBGRA:
      // ffmpeg's `bgra` means straight alpha; Cairo's is premultiplied.
      frame.pack(.straightBGRA, into: buffer)
    case .opaqueBGRA:
      // Cairo's rows of four-byte pixels have no padding: the pixels as they are.
      frame.withUnsafePixels { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<byteCount])) }
    }
  }
}
