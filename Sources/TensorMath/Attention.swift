import Foundation

/// Scaled dot-product attention, as in "Attention Is All You Need":
/// `weights = softmax(Q Kᵀ / √d_k)`, `output = weights V`.
///
/// Rows are queries and columns are keys, so every row of `weights` sums to 1.
public struct Attention: Sendable, Equatable {
  /// `Q Kᵀ / √d_k`, with `-infinity` where the mask hides a key.
  public let scores: Matrix
  /// The softmax of each row of `scores`.
  public let weights: Matrix
  /// `weights × V`.
  public let output: Matrix

  /// Computes attention for queries `q` (n×d_k), keys `k` (m×d_k) and values `v` (m×d_v).
  /// With `causal`, query i may not see keys j > i: those scores are `-infinity` before
  /// the softmax, so their weights are exactly 0.
  public init(queries q: Matrix, keys k: Matrix, values v: Matrix, causal: Bool = false) {
    precondition(q.columns == k.columns, "queries and keys need the same width d_k")
    precondition(k.rows == v.rows, "keys and values need the same number of rows")
    var scores = (q * k.transposed) * (1 / Float(q.columns).squareRoot())
    if causal {
      for i in 0..<scores.rows {
        for j in 0..<scores.columns where j > i { scores[i, j] = -.infinity }
      }
    }
    self.scores = scores
    self.weights = scores.softmaxRows()
    self.output = weights * v
  }

  /// Whether query `row` is blocked from key `column` by the causal mask.
  public func isMasked(row: Int, column: Int) -> Bool {
    scores[row, column] == -.infinity
  }
}
