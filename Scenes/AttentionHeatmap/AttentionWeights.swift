import Foundation
import TensorMath

/// The attention the heatmap shows: the tokens, each query's weights over the keys (`nil`
/// where a causal mask hides a key), and where the numbers come from.
public struct AttentionWeights: Sendable {
  public let tokens: [String]
  public let maskedWeights: [[Double?]]
  /// Whether each query sees only itself and earlier keys.
  public let causal: Bool
  /// Whether each row is a distribution that adds up to 1 (not so for the max over heads).
  public let rowsAreDistributions: Bool

  /// The tokens a model adds (`[CLS]`, `</s>`…), by index: never picked as the story.
  public let special: Set<Int>

  public init(
    tokens: [String], maskedWeights: [[Double?]], causal: Bool, rowsAreDistributions: Bool = true,
    special: Set<Int> = []
  ) {
    self.tokens = tokens
    self.maskedWeights = maskedWeights
    self.causal = causal
    self.rowsAreDistributions = rowsAreDistributions
    self.special = special
    // Beyond 64 tokens most weights are under 0.05: a third decimal tells them apart.
    let decimals = tokens.count > 64 ? 3 : 2
    self.decimals = decimals
    let scale = pow(10, Double(decimals))
    shownWeights = maskedWeights.map { row in
      let kept = row.compactMap { $0 }
      var rounded =
        (rowsAreDistributions
        ? Softmax.roundedKeepingSum(kept, decimals: decimals) : kept.map { ($0 * scale).rounded() / scale })[...]
      return row.map { $0 == nil ? nil : rounded.popFirst() }
    }
    focus = Self.focus(of: maskedWeights, special: special)
  }

  /// The weights as shown, to `decimals` places, `nil` where masked: each row of a
  /// distribution rounded so that it adds up to exactly 1 (largest remainder).
  public let shownWeights: [[Double?]]
  /// Decimal places of the weights shown: 2, or 3 beyond 64 tokens.
  public let decimals: Int

  /// The query worth pointing at and its keys by weight: see `Self.focus(of:special:)`.
  public let focus: (query: Int, keys: [Int])

  /// The query worth pointing at, with its keys ranked as shown.
  public var focusRow: AttentionFocus {
    AttentionFocus(query: focus.query, row: shownWeights[focus.query], decimals: decimals)
  }

  /// The query worth pointing at: the one that gives some other token the most weight
  /// compared with spreading it evenly over the keys it sees (under a causal mask an early
  /// query sees only a few keys, so its large weights say less). Returns the query row and
  /// its keys by weight, strongest first (itself excluded). Special tokens, which soak up
  /// weight in real models, are not picked.
  static func focus(of maskedWeights: [[Double?]], special: Set<Int>) -> (query: Int, keys: [Int]) {
    var best = (query: 0, lift: -Double.infinity)
    for (i, row) in maskedWeights.enumerated() where !special.contains(i) {
      let visible = Double(row.compactMap { $0 }.count)
      for (j, weight) in row.enumerated() where j != i && !special.contains(j) {
        guard let weight else { continue }
        let lift = weight * visible
        if lift > best.lift { best = (i, lift) }
      }
    }
    let row = maskedWeights[best.query]
    let keys = row.indices
      .filter { $0 != best.query && row[$0] != nil }
      .sorted { (row[$0] ?? 0) > (row[$1] ?? 0) }
    return (best.query, keys)
  }
}
