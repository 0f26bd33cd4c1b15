import Foundation

#if arch(x86_64)
  import _Builtin_intrinsics.intel
#endif

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

  /// Converts `frame` into `output`, which holds at least `frameBytes` bytes. With a
  /// `region` (in pixels), only the samples of the 2×2 blocks it touches are written, and
  /// the rest of `output` is left as it was: a frame that differs from the one in `output`
  /// only there.
  public func convert(_ frame: ImageSurface, into output: UnsafeMutableRawBufferPointer, region: Rect? = nil) {
    precondition(frame.width == width && frame.height == height, "frame size differs from the converter's")
    precondition(output.count >= frameBytes, "output too small for a yuv420p frame")
    guard let target = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
    let whole = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
    guard let blocks = (region ?? whole).roundedOut(to: 2).intersection(whole) else { return }
    let (x0, x1) = (Int(blocks.minX), Int(blocks.maxX))
    let (width, stride) = (self.width, frame.stride)
    let chromaWidth = width / 2
    let u = target + width * height
    let v = u + chromaWidth * (height / 2)
    frame.withUnsafePixels { pixels in
      guard let source = pixels.baseAddress else { return }
      // Two pixel rows at a time, so that each is read from memory once.
      for blockRow in Int(blocks.minY) / 2..<Int(blocks.maxY) / 2 {
        let top = (source + 2 * blockRow * stride).assumingMemoryBound(to: UInt32.self) + x0
        let bottom = (source + (2 * blockRow + 1) * stride).assumingMemoryBound(to: UInt32.self) + x0
        Self.lumaRow(top, into: target + 2 * blockRow * width + x0, count: x1 - x0)
        Self.lumaRow(bottom, into: target + (2 * blockRow + 1) * width + x0, count: x1 - x0)
        let offset = blockRow * chromaWidth + x0 / 2
        Self.chromaRow(top: top, bottom: bottom, u: u + offset, v: v + offset, count: (x1 - x0) / 2)
      }
    }
  }

  // Both row loops use wrapping 32-bit arithmetic on whole pixels (a little-endian pixel
  // is B | G << 8 | R << 16 | A << 24) so that the compiler vectorises them.

  /// The lumas of one row of `count` pixels: 16 at a time with SSE2 on x86-64, the rest
  /// one by one.
  private static func lumaRow(_ pixels: UnsafePointer<UInt32>, into y: UnsafeMutablePointer<UInt8>, count: Int) {
    #if arch(x86_64)
      let done = count / 16 * 16
      lumaSSE2(pixels, into: y, count: done)
      lumaScalar(pixels + done, into: y + done, count: count - done)
    #else
      lumaScalar(pixels, into: y, count: count)
    #endif
  }

  /// The chroma samples of one row of `count` 2×2 blocks: 8 at a time with SSE2 on x86-64,
  /// the rest one by one.
  private static func chromaRow(
    top: UnsafePointer<UInt32>, bottom: UnsafePointer<UInt32>, u: UnsafeMutablePointer<UInt8>,
    v: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    #if arch(x86_64)
      let done = count / 8 * 8
      chromaSSE2(top: top, bottom: bottom, u: u, v: v, count: done)
      chromaScalar(top: top + 2 * done, bottom: bottom + 2 * done, u: u + done, v: v + done, count: count - done)
    #else
      chromaScalar(top: top, bottom: bottom, u: u, v: v, count: count)
    #endif
  }

  /// The lumas of `count` pixels, one by one.
  private static func lumaScalar(_ pixels: UnsafePointer<UInt32>, into y: UnsafeMutablePointer<UInt8>, count: Int) {
    let (yR, yG, yB, half) = (UInt32(Self.yR), UInt32(Self.yG), UInt32(Self.yB), UInt32(Self.half))
    for x in 0..<count {
      let pixel = pixels[x]
      let (b, g, r) = (pixel & 0xFF, (pixel &>> 8) & 0xFF, (pixel &>> 16) & 0xFF)
      y[x] = UInt8(truncatingIfNeeded: 16 &+ ((yR &* r &+ yG &* g &+ yB &* b &+ half) &>> 16))
    }
  }

  /// The chroma samples of `count` 2×2 blocks, one by one, from the average colour of each
  /// block (kept ×4 and folded into the final shift).
  private static func chromaScalar(
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

#if arch(x86_64)
  // SSE2, which every x86-64 processor has, gives the exact same bytes as the scalar loops:
  // pixels are widened to 16-bit lanes and `pmaddwd` multiplies and adds them in 32 bits.
  // The luma coefficients are even, so halved they fit in 16 bits (Y = 16 + (T + 2¹⁴) >> 15
  // with T the halved sum); the chroma ones fit as they are.
  extension YUV420Converter {
    private static func load(_ pixels: UnsafePointer<UInt32>) -> __m128i {
      _mm_loadu_si128(UnsafeRawPointer(pixels).assumingMemoryBound(to: __m128i_u.self))
    }

    /// Each pair of 32-bit lanes summed into its even lane.
    private static func pairSums(_ products: __m128i) -> __m128i {
      _mm_add_epi32(products, _mm_srli_epi64(products, 32))
    }

    /// The lumas of `count` pixels, a multiple of 16.
    static func lumaSSE2(_ pixels: UnsafePointer<UInt32>, into y: UnsafeMutablePointer<UInt8>, count: Int) {
      let zero = _mm_setzero_si128()
      let even = _mm_set_epi32(0, -1, 0, -1)
      let (b, g, r) = (Int16(yB / 2), Int16(yG / 2), Int16(yR / 2))
      let coefficients = _mm_setr_epi16(b, g, r, 0, b, g, r, 0)
      let rounding = _mm_set1_epi32(Int32(half / 2))
      let sixteen = _mm_set1_epi8(16)
      /// Two pixels' lumas (without the 16), in lanes 0 and 2.
      func two(_ pixels: __m128i) -> __m128i {
        let total = pairSums(_mm_madd_epi16(pixels, coefficients))
        return _mm_and_si128(_mm_srli_epi32(_mm_add_epi32(total, rounding), 15), even)
      }
      /// Four pixels' lumas, in the low 16 bits of each 32-bit lane.
      func four(_ at: UnsafePointer<UInt32>) -> __m128i {
        let pixels = load(at)
        return _mm_packs_epi32(two(_mm_unpacklo_epi8(pixels, zero)), two(_mm_unpackhi_epi8(pixels, zero)))
      }
      for x in stride(from: 0, to: count, by: 16) {
        let first = _mm_packs_epi32(four(pixels + x), four(pixels + x + 4))
        let second = _mm_packs_epi32(four(pixels + x + 8), four(pixels + x + 12))
        let lumas = _mm_add_epi8(_mm_packus_epi16(first, second), sixteen)
        _mm_storeu_si128(UnsafeMutableRawPointer(y + x).assumingMemoryBound(to: __m128i_u.self), lumas)
      }
    }

    /// The chroma samples of `count` 2×2 blocks, a multiple of 8.
    static func chromaSSE2(
      top: UnsafePointer<UInt32>, bottom: UnsafePointer<UInt32>, u: UnsafeMutablePointer<UInt8>,
      v: UnsafeMutablePointer<UInt8>, count: Int
    ) {
      let zero = _mm_setzero_si128()
      let even = _mm_set_epi32(0, -1, 0, -1)
      let uCoefficients = _mm_setr_epi16(Int16(uB), Int16(uG), Int16(uR), 0, Int16(uB), Int16(uG), Int16(uR), 0)
      let vCoefficients = _mm_setr_epi16(Int16(vB), Int16(vG), Int16(vR), 0, Int16(vB), Int16(vG), Int16(vR), 0)
      // Rounding, and 128 << 18 so that the shift works on a positive number.
      let offset = _mm_set1_epi32(Int32(4 * half + (128 << 18)))
      /// Two blocks' B, G, R (and A) sums in 16-bit lanes: those of columns 2k to 2k + 3.
      func sums(_ k: Int) -> __m128i {
        let (upper, lower) = (load(top + 2 * k), load(bottom + 2 * k))
        let left = _mm_add_epi16(_mm_unpacklo_epi8(upper, zero), _mm_unpacklo_epi8(lower, zero))
        let right = _mm_add_epi16(_mm_unpackhi_epi8(upper, zero), _mm_unpackhi_epi8(lower, zero))
        return _mm_add_epi16(_mm_unpacklo_epi64(left, right), _mm_unpackhi_epi64(left, right))
      }
      /// Two blocks' samples, in lanes 0 and 2.
      func two(_ blocks: __m128i, _ coefficients: __m128i) -> __m128i {
        let total = pairSums(_mm_madd_epi16(blocks, coefficients))
        return _mm_and_si128(_mm_srai_epi32(_mm_add_epi32(total, offset), 18), even)
      }
      /// Eight blocks' samples as bytes, in the low half.
      func eight(_ a: __m128i, _ b: __m128i, _ c: __m128i, _ d: __m128i, _ coefficients: __m128i) -> __m128i {
        let low = _mm_packs_epi32(two(a, coefficients), two(b, coefficients))
        let high = _mm_packs_epi32(two(c, coefficients), two(d, coefficients))
        return _mm_packus_epi16(_mm_packs_epi32(low, high), zero)
      }
      for x in stride(from: 0, to: count, by: 8) {
        let (a, b, c, d) = (sums(x), sums(x + 2), sums(x + 4), sums(x + 6))
        _mm_storel_epi64(
          UnsafeMutableRawPointer(u + x).assumingMemoryBound(to: __m128i_u.self), eight(a, b, c, d, uCoefficients))
        _mm_storel_epi64(
          UnsafeMutableRawPointer(v + x).assumingMemoryBound(to: __m128i_u.self), eight(a, b, c, d, vCoefficients))
      }
    }
  }
#endif
