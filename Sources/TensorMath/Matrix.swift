import Foundation

/// A small dense row-major matrix of `Float`, the numeric type of every tensor Reel shows.
///
/// Sizes are the ones a picture can hold (up to a few hundred rows), so the operations are
/// plain loops: exact, predictable, and the same on every machine.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
  public let rows: Int
  public let columns: Int
  /// Entries row by row: element (i, j) is `storage[i * columns + j]`.
  public private(set) var storage: [Float]

  /// A matrix of the given shape, every entry `value`.
  public init(rows: Int, columns: Int, repeating value: Float = 0) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must not be negative")
    self.rows = rows
    self.columns = columns
    self.storage = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from its rows; every row must have the same length.
  public init(_ rowValues: [[Float]]) {
    let columns = rowValues.first?.count ?? 0
    precondition(rowValues.allSatisfy { $0.count == columns }, "rows differ in length")
    self.rows = rowValues.count
    self.columns = columns
    self.storage = rowValues.flatMap { $0 }
  }

  /// A matrix whose entry (i, j) is `entry(i, j)`.
  public init(rows: Int, columns: Int, entry: (Int, Int) -> Float) {
    self.init(rows: rows, columns: columns)
    for i in 0..<rows {
      for j in 0..<columns { storage[i * columns + j] = entry(i, j) }
    }
  }

  public subscript(row: Int, column: Int) -> Float {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// The entries of row `i`.
  public func row(_ i: Int) -> [Float] {
    Array(storage[(i * columns)..<((i + 1) * columns)])
  }

  /// All rows as arrays, the shape most drawing code wants.
  public var rowArrays: [[Float]] { (0..<rows).map(row) }

  public var transposed: Matrix {
    Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
  }

  /// The matrix product `self × other`; `self.columns` must equal `other.rows`.
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.columns == rhs.rows, "cannot multiply \(lhs.rows)x\(lhs.columns) by \(rhs.rows)x\(rhs.columns)")
    var result = Matrix(rows: lhs.rows, columns: rhs.columns)
    for i in 0..<lhs.rows {
      for k in 0..<lhs.columns {
        let a = lhs[i, k]
        for j in 0..<rhs.columns { result.storage[i * rhs.columns + j] += a * rhs[k, j] }
      }
    }
    return result
  }

  /// Every entry multiplied by `scalar`.
  public static func * (lhs: Matrix, scalar: Float) -> Matrix {
    var result = lhs
    for index in result.storage.indices { result.storage[index] *= scalar }
    return result
  }

  /// Entry-wise sum; the shapes must match.
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(lhs.rows == rhs.rows && lhs.columns == rhs.columns, "shapes differ")
    var result = lhs
    for index in result.storage.indices { result.storage[index] += rhs.storage[index] }
    return result
  }

  public var description: String {
    rowArrays.map { $0.map { String(format: "%8.4f", $0) }.joined(separator: " ") }
      .joined(separator: "\n")
  }
}
