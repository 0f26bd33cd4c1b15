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

  /// The example's weights, `nil` where the causal mask hides a key.
  public var weights: AttentionWeights {
    let n = tokens.count
    return AttentionWeights(
      tokens: tokens,
      maskedWeights: (0..<n).map { i in
        (0..<n).map { j in attention.isMasked(row: i, column: j) ? nil : Double(attention.weights[i, j]) }
      },
      causal: causal)
  }
}
