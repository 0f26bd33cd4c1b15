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

  /// Converts `frame` into `output` (resized to `frameBytes` if needed). Large frames are
  /// converted in bands of rows on all cores; the result is the same byte for byte.
  public func convert(_ frame: ImageSurface, into output: inout [UInt8]) {
    assert(frame.width == width && frame.height == height, "frame size differs from the converter's")
    if output.count != frameBytes { output = [UInt8](repeating: 0, count: frameBytes) }
    let (width, height, stride) = (self.width, self.height, frame.stride)
    let blockRows = height / 2
    // Bands of at least 32 block rows, one per core at most.
    let bands = max(1, min(ProcessInfo.processInfo.activeProcessorCount, blockRows / 32))
    frame.withUnsafePixels { pixels in
      output.withUnsafeMutableBufferPointer { out in
        guard let source = pixels.baseAddress?.assumingMemoryBound(to: UInt8.self), let target = out.baseAddress
        else { return }
        let planes = Planes(
          y: target, u: target + width * height, v: target + width * height + (width / 2) * blockRows)
        let shared = UnsafeSendable((source, planes))
        if bands == 1 {
          Self.convertRows(0..<blockRows, from: source, stride: stride, width: width, into: planes)
          return
        }
        DispatchQueue.concurrentPerform(iterations: bands) { band in
          let (source, planes) = shared.value
          let rows = (blockRows * band / bands)..<(blockRows * (band + 1) / bands)
          Self.convertRows(rows, from: source, stride: stride, width: width, into: planes)
        }
      }
    }
  }

  /// The three planes of one output frame.
  struct Planes {
    let y: UnsafeMutablePointer<UInt8>
    let u: UnsafeMutablePointer<UInt8>
    let v: UnsafeMutablePointer<UInt8>
  }

  /// Converts block rows `rows` (each two pixel rows): a straight loop over pointers, each
  /// 2×2 block's four lumas and its two chroma samples.
  private static func convertRows(
    _ rows: Range<Int>, from source: UnsafePointer<UInt8>, stride: Int, width: Int, into planes: Planes
  ) {
    let chromaWidth = width / 2
    for blockRow in rows {
      var top = source + 2 * blockRow * stride
      var bottom = top + stride
      var y0 = planes.y + 2 * blockRow * width
      var y1 = y0 + width
      var u = planes.u + blockRow * chromaWidth
      var v = planes.v + blockRow * chromaWidth
      for _ in 0..<chromaWidth {
        // Bytes are B, G, R, A.
        let (b0, g0, r0) = (Int(top[0]), Int(top[1]), Int(top[2]))
        let (b1, g1, r1) = (Int(top[4]), Int(top[5]), Int(top[6]))
        let (b2, g2, r2) = (Int(bottom[0]), Int(bottom[1]), Int(bottom[2]))
        let (b3, g3, r3) = (Int(bottom[4]), Int(bottom[5]), Int(bottom[6]))
        y0[0] = UInt8(16 + ((yR * r0 + yG * g0 + yB * b0 + half) >> 16))
        y0[1] = UInt8(16 + ((yR * r1 + yG * g1 + yB * b1 + half) >> 16))
        y1[0] = UInt8(16 + ((yR * r2 + yG * g2 + yB * b2 + half) >> 16))
        y1[1] = UInt8(16 + ((yR * r3 + yG * g3 + yB * b3 + half) >> 16))
        // Averages of four, kept ×4 and folded into the final shift.
        let (r, g, b) = (r0 + r1 + r2 + r3, g0 + g1 + g2 + g3, b0 + b1 + b2 + b3)
        u.pointee = UInt8(128 + ((uR * r + uG * g + uB * b + 4 * half) >> 18))
        v.pointee = UInt8(128 + ((vR * r + vG * g + vB * b + 4 * half) >> 18))
        top += 8
        bottom += 8
        y0 += 2
        y1 += 2
        u += 1
        v += 1
      }
    }
  }
}

/// A value handed to `concurrentPerform`'s threads, which only read it (the pointers are
/// written at disjoint rows).
private struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
