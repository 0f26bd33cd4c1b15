/// What the caption says about one query: its keys ranked by the weights shown, the query
/// itself among them, and which keys are worth naming.
public struct AttentionFocus: Sendable, Hashable {
  /// One key and the weight shown for it.
  public struct Key: Sendable, Hashable {
    public var index: Int
    public var weight: Double
  }

  public let query: Int
  /// Every unmasked key, strongest first (ties: earlier key first); the query itself too.
  public let ranked: [Key]
  /// Decimal places the weights are shown with.
  public let decimals: Int

  /// `row`: the query's shown weights, `nil` where masked, rounded to `decimals` places.
  public init(query: Int, row: [Double?], decimals: Int = 2) {
    self.query = query
    self.decimals = decimals
    ranked = row.enumerated().compactMap { index, weight in weight.map { Key(index: index, weight: $0) } }
      .sorted { ($0.weight, -$0.index) > ($1.weight, -$1.index) }
  }

  /// The strongest key.
  public var top: Key? { ranked.first }

  /// The second key, if it carries at least a quarter of the top weight — a smaller one is
  /// not worth naming beside it.
  public var runnerUp: Key? {
    guard let top, ranked.count > 1, ranked[1].weight >= top.weight / 4, ranked[1].weight > 0 else { return nil }
    return ranked[1]
  }

  /// The keys the caption names.
  public var named: [Int] { [top, runnerUp].compactMap { $0?.index } }
}
