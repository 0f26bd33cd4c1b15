/// Converts opaque Cairo frames to planar YUV 4:2:0 (ffmpeg's `yuv420p`), BT.709 matrix,
/// limited ("TV") range — what H.264 and VP9 store — so ffmpeg need not convert.
///
/// Luma is computed per pixel; each chroma sample is taken from the average colour of its
/// 2×2 block (centred siting, as swscale does by default). Alpha is ignored: frames are
/// opaque. Width and height must be even.
public struct YUV420Converter: Sendable {
  public let width: Int
  public let height: Int

  public init(width: Int, height: Int) {
    precondition(width % 2 == 0 && height % 2 == 0, "yuv420p needs even sizes")
    self.width = width
    self.height = height
  }

  /// Bytes of one converted frame: a full-size Y plane and quarter-size U and V planes.
  public var frameBytes: Int { width * height * 3 / 2 }

  // Fixed-point (×2¹⁶) BT.709 coefficients from 8-bit full-range RGB:
  //   Y  = 16  + 219/255 · ( 0.2126 R + 0.7152 G + 0.0722 B)
  //   Cb = 128 + 224/255 · (-0.1146 R − 0.3854 G + 0.5 B)
  //   Cr = 128 + 224/255 · ( 0.5 R − 0.4542 G − 0.0458 B)
  // Chroma rows sum to 0, so grey stays exactly at 128.
  private static let yR = 11_966, yG = 40_254, yB = 4_064
  private static let uR = -6_596, uG = -22_188, uB = 28_784
  private static let vR = 28_784, vG = -26_145, vB = -2_639
  private static let half = 1 << 15

  /// Converts `frame` into `output` (resized to `frameBytes` if needed).
  public func convert(_ frame: ImageSurface, into output: inout [UInt8]) {
    assert(frame.width == width && frame.height == height, "frame size differs from the converter's")
    if output.count != frameBytes { output = [UInt8](repeating: 0, count: frameBytes) }
    let (width, height, stride) = (self.width, self.height, frame.stride)
    frame.withUnsafePixels { pixels in
      output.withUnsafeMutableBufferPointer { out in
        let source = pixels.bindMemory(to: UInt8.self)
        let chromaWidth = width / 2
        let uBase = width * height
        let vBase = uBase + chromaWidth * (height / 2)
        for blockRow in 0..<(height / 2) {
          let row0 = 2 * blockRow * stride
          let row1 = row0 + stride
          let y0 = 2 * blockRow * width
          let y1 = y0 + width
          let c = blockRow * chromaWidth
          for blockColumn in 0..<chromaWidth {
            var sumR = 0
            var sumG = 0
            var sumB = 0
            // The four pixels of the block; bytes are B, G, R, A.
            for pixel in 0..<4 {
              let dx = pixel & 1
              let s = (pixel < 2 ? row0 : row1) + (2 * blockColumn + dx) * 4
              let b = Int(source[s])
              let g = Int(source[s + 1])
              let r = Int(source[s + 2])
              let luma = 16 + ((Self.yR * r + Self.yG * g + Self.yB * b + Self.half) >> 16)
              out[(pixel < 2 ? y0 : y1) + 2 * blockColumn + dx] = UInt8(luma)
              sumR += r
              sumG += g
              sumB += b
            }
            // Averages of four, kept ×4 and folded into the final shift.
            out[uBase + c + blockColumn] = UInt8(
              128 + ((Self.uR * sumR + Self.uG * sumG + Self.uB * sumB + 4 * Self.half) >> 18))
            out[vBase + c + blockColumn] = UInt8(
              128 + ((Self.vR * sumR + Self.vG * sumG + Self.vB * sumB + 4 * Self.half) >> 18))
          }
        }
      }
    }
  }
}
