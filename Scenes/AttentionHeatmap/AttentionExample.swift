import TensorMath

/// Example attention for a sentence: seeded word embeddings plus sinusoidal positions,
/// projected to queries and keys, then `softmax(Q Kᵀ / √d_k)` — real attention math on
/// made-up weights.
///
/// Projection weights are drawn with variance 1/d_model (Xavier-style) so the softmax rows
/// spread their weight instead of being one-hot.
public struct AttentionExample: Sendable {
  public static let dModel = 16
  public static let dKey = 16

  public let tokens: [String]
  public let attention: Attention
  /// Whether each query sees only itself and earlier keys.
  public let causal: Bool

  public init(tokens: [String], seed: UInt64, causal: Bool) {
    self.tokens = tokens
    self.causal = causal
    let d = Self.dModel
    // The same word gets the same embedding wherever it appears.
    var embeddings = Matrix(rows: tokens.count, columns: d)
    for (i, token) in tokens.enumerated() {
      var generator = SeededGenerator(seed: seed, key: token.lowercased())
      for j in 0..<d { embeddings[i, j] = Float(generator.nextNormal()) }
    }
    let x = embeddings + PositionalEncoding.sinusoidal(positions: tokens.count, dModel: d)
    var generator = SeededGenerator(seed: seed)
    let scale = 1 / Double(d).squareRoot()
    let wq = generator.normalMatrix(rows: d, columns: Self.dKey, scale: scale)
    let wk = generator.normalMatrix(rows: d, columns: Self.dKey, scale: scale)
    let wv = generator.normalMatrix(rows: d, columns: Self.dKey, scale: scale)
    attention = Attention(queries: x * wq, keys: x * wk, values: x * wv, causal: causal)
  }

  /// The weights as rows of optional values: `nil` where the causal mask hides a key.
  public var maskedWeights: [[Double?]] {
    (0..<tokens.count).map { i in
      (0..<tokens.count).map { j in
        attention.isMasked(row: i, column: j) ? nil : Double(attention.weights[i, j])
      }
    }
  }

  /// The weights as shown: each row rounded to two decimals so that it adds up to exactly
  /// 1.00 (largest remainder), `nil` where masked.
  public var shownWeights: [[Double?]] {
    maskedWeights.map { row in
      let kept = row.compactMap { $0 }
      var rounded = Softmax.roundedKeepingSum(kept, decimals: 2)[...]
      return row.map { $0 == nil ? nil : rounded.popFirst() }
    }
  }

  /// The query worth pointing at, with its keys ranked as shown.
  public var focusRow: AttentionFocus {
    let query = focus.query
    return AttentionFocus(query: query, row: shownWeights[query])
  }

  /// The query worth pointing at: the one that gives some other token the most weight
  /// compared with spreading it evenly over the keys it sees (under a causal mask an early
  /// query sees only a few keys, so its large weights say less). Returns the query row and
  /// its keys by weight, strongest first (itself excluded).
  public var focus: (query: Int, keys: [Int]) {
    let n = tokens.count
    var best = (query: 0, lift: -Float.infinity)
    for i in 0..<n {
      let visible = Float((0..<n).filter { !attention.isMasked(row: i, column: $0) }.count)
      for j in 0..<n where j != i && !attention.isMasked(row: i, column: j) {
        let lift = attention.weights[i, j] * visible
        if lift > best.lift { best = (i, lift) }
      }
    }
    let keys = (0..<n)
      .filter { $0 != best.query && !attention.isMasked(row: best.query, column: $0) }
      .sorted { attention.weights[best.query, $0] > attention.weights[best.query, $1] }
    return (best.query, keys)
  }
}
