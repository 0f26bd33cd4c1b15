import Foundation
import TensorMath

/// Every number of the `qkv-flow` scene, computed once: seeded embeddings plus sinusoidal
/// positions give X; seeded projections give Q, K and V; then scores, scaling, softmax and
/// the output, as in "Attention Is All You Need". The weights are made up (the same rules
/// as `attention-heatmap`'s: variance 1/d_model, so the softmax rows spread their weight);
/// the arithmetic is real.
public struct QKVExample: Sendable {
  public let tokens: [String]
  public let causal: Bool
  /// n × d_model: each token's (seeded) embedding.
  public let embeddings: Matrix
  /// n × d_model: each token's embedding plus its position's encoding.
  public let x: Matrix
  /// d_model × d_k projections.
  public let wq: Matrix
  public let wk: Matrix
  public let wv: Matrix
  /// n × d_k.
  public let q: Matrix
  public let k: Matrix
  public let v: Matrix
  /// Scores, weights and output of `softmax(Q Kᵀ / √d_k) V`.
  public let attention: Attention
  /// `Q Kᵀ` before scaling.
  public let rawScores: Matrix
  /// `Q Kᵀ / √d_k` before any mask, computed as `Attention` computes it.
  public let scaledScores: Matrix

  public init(tokens: [String], dModel: Int, dKey: Int, seed: UInt64, causal: Bool) {
    self.tokens = tokens
    self.causal = causal
    // The same word gets the same embedding wherever it appears.
    var embeddings = Matrix(rows: tokens.count, columns: dModel)
    for (i, token) in tokens.enumerated() {
      var generator = SeededGenerator(seed: seed, key: token.lowercased())
      for j in 0..<dModel { embeddings[i, j] = Float(generator.nextNormal()) }
    }
    self.embeddings = embeddings
    x = embeddings + PositionalEncoding.sinusoidal(positions: tokens.count, dModel: dModel)
    var generator = SeededGenerator(seed: seed)
    let scale = 1 / Double(dModel).squareRoot()
    wq = generator.normalMatrix(rows: dModel, columns: dKey, scale: scale)
    wk = generator.normalMatrix(rows: dModel, columns: dKey, scale: scale)
    wv = generator.normalMatrix(rows: dModel, columns: dKey, scale: scale)
    q = x * wq
    k = x * wk
    v = x * wv
    rawScores = q * k.transposed
    attention = Attention(queries: q, keys: k, values: v, causal: causal)
    scaledScores = causal ? Attention(queries: q, keys: k, values: v).scores : attention.scores
  }

  public var n: Int { tokens.count }
  public var dModel: Int { x.columns }
  public var dKey: Int { q.columns }

  /// √d_k, the divisor of the scores.
  public var scale: Double { Double(dKey).squareRoot() }

  /// Whether the exponentials are taken after subtracting each row's largest score, so
  /// none is too large to show (the weights come out the same).
  public var shiftsExponentials: Bool {
    attention.scores.storage.contains { $0.isFinite && $0 > 6 }
  }

  /// `exp(s)` of each scaled score (of `s − row max` when `shiftsExponentials`); 0 where
  /// masked.
  public var exponentials: [[Double]] {
    attention.scores.rowArrays.map { row in
      let shift = shiftsExponentials ? Double(row.filter(\.isFinite).max() ?? 0) : 0
      return row.map { $0.isFinite ? Foundation.exp(Double($0) - shift) : 0 }
    }
  }

  /// The weights as shown: each row rounded to two decimals so it adds up to exactly
  /// 1.00 (largest remainder, as `attention-heatmap` shows them).
  public var shownWeights: [[Double]] {
    attention.weights.rowArrays.map { Softmax.roundedKeepingSum($0.map(Double.init), decimals: 2) }
  }

  /// The token whose output row the scene builds step by step: the last one, which sees
  /// every token even under a causal mask.
  public var focusRow: Int { n - 1 }
}

extension Matrix {
  /// The entries as rows of `Double`, the type drawing code takes.
  var doubles: [[Double]] { rowArrays.map { $0.map(Double.init) } }
}
