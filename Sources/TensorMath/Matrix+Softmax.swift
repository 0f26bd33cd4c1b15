import Foundation

extension Matrix {
  /// Softmax of each row: `exp(x - max) / Σ exp(x - max)`.
  ///
  /// The row maximum is subtracted first so large logits do not overflow. Entries equal to
  /// `-infinity` (masked positions) get weight exactly 0. A row that is entirely `-infinity`
  /// has no defined softmax; it comes out as all zeros rather than NaN. NaN or `+infinity`
  /// inputs give NaN, so bad data is not mistaken for a masked row.
  public func softmaxRows() -> Matrix {
    var result = self
    for i in 0..<rows {
      let values = row(i)
      let maximum = values.max() ?? 0
      guard maximum != -.infinity else {
        for j in 0..<columns { result[i, j] = 0 }
        continue
      }
      let exps = values.map { $0 == -.infinity ? 0 : Float(exp(Double($0 - maximum))) }
      let total = exps.reduce(0, +)
      for j in 0..<columns { result[i, j] = exps[j] / total }
    }
    return result
  }
}
