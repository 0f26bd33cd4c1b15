import Foundation

/// A tensor of attention weights as read from a file: its shape and its numbers, which stay
/// where they are in the file (memory-mapped) until a slice of them is asked for, so a
/// large file is never copied whole.
public struct AttentionTensor: Sendable {
  /// Where the numbers are.
  enum Storage: Sendable {
    /// Raw numbers in `data` from byte `offset`; `columnMajor` for Fortran order.
    case bytes(Data, offset: Int, type: ElementType, columnMajor: Bool)
    /// Numbers already decoded, in row-major order.
    case values([Double])
  }

  /// The file's name, as the user wrote it, for messages.
  public let file: String
  public let shape: [Int]
  let storage: Storage

  /// A tensor computed rather than read: `values` in row-major order, `name` saying where
  /// it comes from in messages and on the picture.
  public init(name: String, shape: [Int], values: [Double]) {
    precondition(shape.reduce(1, *) == values.count, "values for shape \(shape)")
    self.init(file: name, shape: shape, storage: .values(values))
  }

  init(file: String, shape: [Int], storage: Storage) {
    self.file = file
    self.shape = shape
    self.storage = storage
  }

  /// How many numbers the tensor holds.
  public var count: Int { shape.reduce(1, *) }

  /// How the numbers are stored, for messages ("float32", "decimal text").
  public var elementDescription: String {
    switch storage {
    case .bytes(_, _, let type, _): return type.description
    case .values: return "decimal numbers"
    }
  }

  /// Steps between neighbours along each dimension, in numbers.
  private var strides: [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var columnMajor = false
    if case .bytes(_, _, _, let isColumnMajor) = storage { columnMajor = isColumnMajor }
    if columnMajor {
      for k in shape.indices.dropFirst() { strides[k] = strides[k - 1] * shape[k - 1] }
    } else {
      for k in shape.indices.dropLast().reversed() { strides[k] = strides[k + 1] * shape[k + 1] }
    }
    return strides
  }

  /// The matrix spanned by the last two dimensions at `leading` (one index per earlier
  /// dimension), as rows.
  public func matrix(at leading: [Int]) -> [[Double]] {
    precondition(leading.count == shape.count - 2, "one index per leading dimension")
    let strides = strides
    let rows = shape[shape.count - 2]
    let columns = shape[shape.count - 1]
    let (rowStride, columnStride) = (strides[shape.count - 2], strides[shape.count - 1])
    let base = zip(leading, strides).reduce(0) { $0 + $1.0 * $1.1 }
    switch storage {
    case .values(let values):
      return (0..<rows).map { r in (0..<columns).map { c in values[base + r * rowStride + c * columnStride] } }
    case .bytes(let data, let offset, let type, _):
      return data.withUnsafeBytes { raw in
        guard let start = raw.baseAddress?.advanced(by: offset) else { return [] }
        return (0..<rows).map { r in
          (0..<columns).map { c in type.value(at: start + (base + r * rowStride + c * columnStride) * type.size) }
        }
      }
    }
  }
}
