import Foundation
import TensorMath

/// Every number of the `positional-encoding` scene: the encodings, their dot products, and
/// a tiny attention example showing that without positions word order is invisible.
public struct PositionalEncodingExample: Sendable {
  public let dModel: Int
  public let positions: Int
  /// The dimensions plotted.
  public let dims: [Int]
  /// `positions × d_model`: row `pos` is PE(pos).
  public let encoding: Matrix

  public init(dModel: Int, positions: Int, dims: [Int]) {
    self.dModel = dModel
    self.positions = positions
    self.dims = dims
    encoding = PositionalEncoding.sinusoidal(positions: positions, dModel: dModel)
  }

  /// The angular frequency of dimension `dim`: 1 / 10000^(2i/d_model), 2i = dim rounded
  /// down to even.
  public func frequency(_ dim: Int) -> Double {
    1 / pow(10_000, Double(dim - dim % 2) / Double(dModel))
  }

  /// PE(pos, dim) at any real position, for the curves: sin for even dimensions, cos for
  /// odd ones.
  public func value(position: Double, dim: Int) -> Double {
    let angle = position * frequency(dim)
    return dim.isMultiple(of: 2) ? sin(angle) : cos(angle)
  }

  /// The period of dimension `dim` in positions: 2π · 10000^(2i/d_model).
  public func period(_ dim: Int) -> Double { 2 * Double.pi / frequency(dim) }

  /// PE(p) · PE(q) for every pair of positions.
  public var similarity: [[Double]] {
    let rows = encoding.rowArrays.map { $0.map(Double.init) }
    return rows.map { p in rows.map { q in zip(p, q).reduce(0) { $0 + $1.0 * $1.1 } } }
  }

  /// PE(p) · PE(p + k) for the sin/cos pairs: Σᵢ cos(k ωᵢ), the same for every p. (With an
  /// odd d_model the last, unpaired dimension adds a term that depends on p too.)
  public func pairedSimilarity(offset k: Double) -> Double {
    stride(from: 0, to: dModel - dModel % 2, by: 2).reduce(0) { $0 + cos(k * frequency($1)) }
  }

  // MARK: Word order

  /// Two sentences with the same words in another order.
  public static let sentences = [["dog", "bites", "man"], ["man", "bites", "dog"]]
  /// The query whose weights the `order` section shows.
  public static let query = "bites"

  /// The weights `query` gives each word of each sentence, in sentence order, without and
  /// with positional encodings: `[withPositions][sentence]`. Seeded embeddings and
  /// projections of width 8, as in `attention-heatmap`.
  public static func orderWeights(seed: UInt64 = 89) -> [[[Double]]] {
    let width = 8
    return [false, true].map { withPositions in
      sentences.map { words in
        var x = Matrix(rows: words.count, columns: width)
        for (i, word) in words.enumerated() {
          var generator = SeededGenerator(seed: seed, key: word)
          for j in 0..<width { x[i, j] = Float(generator.nextNormal()) }
        }
        if withPositions { x = x + PositionalEncoding.sinusoidal(positions: words.count, dModel: width) }
        var generator = SeededGenerator(seed: seed)
        let scale = 1 / Double(width).squareRoot()
        let wq = generator.normalMatrix(rows: width, columns: width, scale: scale)
        let wk = generator.normalMatrix(rows: width, columns: width, scale: scale)
        let attention = Attention(queries: x * wq, keys: x * wk, values: x)
        let row = words.firstIndex(of: query) ?? 0
        return Softmax.roundedKeepingSum(attention.weights.row(row).map(Double.init), decimals: 2)
      }
    }
  }
}
