/// How one number of a tensor is stored: its kind, its width and its byte order. The
/// types attention is saved in: IEEE half, bfloat16, single and double precision.
public struct ElementType: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case float16, bfloat16, float32, float64
  }

  public let kind: Kind
  public let bigEndian: Bool

  public init(_ kind: Kind, bigEndian: Bool = false) {
    self.kind = kind
    self.bigEndian = bigEndian
  }

  /// Bytes of one number.
  public var size: Int {
    switch kind {
    case .float16, .bfloat16: return 2
    case .float32: return 4
    case .float64: return 8
    }
  }

  public var description: String {
    let name: String
    switch kind {
    case .float16: name = "float16"
    case .bfloat16: name = "bfloat16"
    case .float32: name = "float32"
    case .float64: name = "float64"
    }
    return bigEndian && size > 1 ? "\(name) (big-endian)" : name
  }

  /// The number stored at `bytes` (at least `size` bytes, any alignment).
  func value(at bytes: UnsafeRawPointer) -> Double {
    switch kind {
    case .float16:
      return Double(Float(Float16(bitPattern: word(UInt16.self, at: bytes))))
    case .bfloat16:
      return Double(Float(bitPattern: UInt32(word(UInt16.self, at: bytes)) << 16))
    case .float32:
      return Double(Float(bitPattern: word(UInt32.self, at: bytes)))
    case .float64:
      return Double(bitPattern: word(UInt64.self, at: bytes))
    }
  }

  private func word<T: FixedWidthInteger>(_: T.Type, at bytes: UnsafeRawPointer) -> T {
    let raw = bytes.loadUnaligned(as: T.self)
    return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
  }
}
