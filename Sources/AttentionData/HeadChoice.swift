/// Which head of a layer to show: one, or all of them combined.
public enum HeadChoice: Sendable, Equatable, CustomStringConvertible {
  case index(Int)
  /// The mean of the heads: rows still add up to 1.
  case mean
  /// The largest weight of any head, cell by cell: rows no longer add up to 1.
  case max

  /// `mean`, `max` or a head's number; `nil` for anything else.
  public init?(_ text: String) {
    switch text.lowercased() {
    case "mean": self = .mean
    case "max": self = .max
    default:
      guard let index = Int(text) else { return nil }
      self = .index(index)
    }
  }

  public var description: String {
    switch self {
    case .index(let index): return "\(index)"
    case .mean: return "mean"
    case .max: return "max"
    }
  }
}
