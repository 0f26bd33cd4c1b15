import Foundation

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

  /// Converts `frame` into `output` (resized to `frameBytes` if needed), on the calling
  /// thread: a clip's frames are converted in parallel by the threads that drew them.
  public func convert(_ frame: ImageSurface, into output: inout [UInt8]) {
    if output.count != frameBytes { output = [UInt8](repeating: 0, count: frameBytes) }
    output.withUnsafeMutableBytes { convert(frame, into: $0) }
  }

  /// Converts `frame` into `output`, which holds at least `frameBytes` bytes.
  public func convert(_ frame: ImageSurface, into output: UnsafeMutableRawBufferPointer) {
    precondition(frame.width == width && frame.height == height, "frame size differs from the converter's")
    precondition(output.count >= frameBytes, "output too small for a yuv420p frame")
    guard let target = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let (width, height, stride) = (self.width, self.height, frame.stride)
    let chromaWidth = width / 2
    let u = target + width * height
    let v = u + chromaWidth * (height / 2)
    frame.withUnsafePixels { pixels in
      guard let source = pixels.baseAddress else { return }
      // Two pixel rows at a time, so that each is read from memory once.
      for blockRow in 0..<height / 2 {
        let top = (source + 2 * blockRow * stride).assumingMemoryBound(to: UInt32.self)
        let bottom = (source + (2 * blockRow + 1) * stride).assumingMemoryBound(to: UInt32.self)
        Self.lumaRow(top, into: target + 2 * blockRow * width, count: width)
        Self.lumaRow(bottom, into: target + (2 * blockRow + 1) * width, count: width)
        let offset = blockRow * chromaWidth
        Self.chromaRow(top: top, bottom: bottom, u: u + offset, v: v + offset, count: chromaWidth)
      }
    }
  }

  // Both row loops use wrapping 32-bit arithmetic on whole pixels (a little-endian pixel
  // is B | G << 8 | R << 16 | A << 24) so that the compiler vectorises them.

  /// The lumas of one row of `count` pixels.
  private static func lumaRow(_ pixels: UnsafePointer<UInt32>, into y: UnsafeMutablePointer<UInt8>, count: Int) {
    let (yR, yG, yB, half) = (UInt32(Self.yR), UInt32(Self.yG), UInt32(Self.yB), UInt32(Self.half))
    for x in 0..<count {
      let pixel = pixels[x]
      let (b, g, r) = (pixel & 0xFF, (pixel &>> 8) & 0xFF, (pixel &>> 16) & 0xFF)
      y[x] = UInt8(truncatingIfNeeded: 16 &+ ((yR &* r &+ yG &* g &+ yB &* b &+ half) &>> 16))
    }
  }

  /// The chroma samples of one row of `count` 2×2 blocks, from the average colour of each
  /// block (kept ×4 and folded into the final shift).
  private static func chromaRow(
    top: UnsafePointer<UInt32>, bottom: UnsafePointer<UInt32>, u: UnsafeMutablePointer<UInt8>,
    v: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    let (uR, uG, uB) = (Int32(Self.uR), Int32(Self.uG), Int32(Self.uB))
    let (vR, vG, vB) = (Int32(Self.vR), Int32(Self.vG), Int32(Self.vB))
    let rounding = Int32(4 * Self.half)
    for x in 0..<count {
      let (p0, p1, p2, p3) = (top[2 * x], top[2 * x + 1], bottom[2 * x], bottom[2 * x + 1])
      // Red and blue summed side by side in one word (each sum < 2¹⁶), green apart.
      let redBlue = (p0 & 0xFF_00FF) &+ (p1 & 0xFF_00FF) &+ (p2 & 0xFF_00FF) &+ (p3 & 0xFF_00FF)
      let green = ((p0 &>> 8) & 0xFF) &+ ((p1 &>> 8) & 0xFF) &+ ((p2 &>> 8) & 0xFF) &+ ((p3 &>> 8) & 0xFF)
      let (r, g, b) = (Int32(bitPattern: redBlue &>> 16), Int32(bitPattern: green), Int32(bitPattern: redBlue & 0xFFFF))
      u[x] = UInt8(truncatingIfNeeded: 128 &+ ((uR &* r &+ uG &* g &+ uB &* b &+ rounding) &>> 18))
      v[x] = UInt8(truncatingIfNeeded: 128 &+ ((vR &* r &+ vG &* g &+ vB &* b &+ rounding) &>> 18))
    }
  }
}
