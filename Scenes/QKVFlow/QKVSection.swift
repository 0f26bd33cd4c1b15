import Foundation

/// The eight steps of `qkv-flow`, in order; each is a section, so each becomes a slide.
public enum QKVSection: Int, CaseIterable, Sendable {
  case tokens, projections, scores, scale, softmax, weights, output, formula

  /// The section's name, as `--sections` lists it and slides are named.
  public var name: String { String(describing: self) }

  /// The heading.
  public var title: String {
    switch self {
    case .tokens: return "Tokens become vectors"
    case .projections: return "Queries, keys and values"
    case .scores: return "Scores: queries against keys"
    case .scale: return "Scaling by √dₖ"
    case .softmax: return "Softmax, row by row"
    case .weights: return "Attention weights"
    case .output: return "Output: weighted sums of values"
    case .formula: return "Self-attention in one line"
    }
  }

  /// What the step does, in a sentence for the example's sizes.
  public func caption(for example: QKVExample) -> String {
    let root = String(format: "%.2f", example.scale)
    switch self {
    case .tokens:
      return
        "Each token becomes a row of \(example.dModel) numbers (the model width): its embedding plus the encoding of its position."
    case .projections:
      return
        "Three learned matrices turn each row of X into a query (what it looks for), a key (what it offers) and a value (what it passes on)."
    case .scores:
      return "Each score is a query row times a key row: how well one token’s query matches another’s key."
    case .scale:
      return
        "Dividing by √dₖ = √\(example.dKey) ≈ \(root) keeps the scores’ spread from growing with dₖ, so softmax does not saturate."
    case .softmax:
      let exp = example.shiftsExponentials ? "exponentiate (after subtracting the row’s largest score)" : "exponentiate"
      let mask =
        example.causal
        ? " The causal mask first sets the scores of later tokens to −∞, so their weights are exactly 0." : ""
      return "Each row: \(exp), add up, divide by the sum, so the weights are positive and add up to 1." + mask
    case .weights:
      return "Row i shows how token i spreads its attention over the tokens; every row adds up to 1."
    case .output:
      return "Each output row is the sum of the value rows, each scaled by that row’s weight."
    case .formula:
      return "Queries meet keys, softmax turns the scaled scores into weights, and the weights mix the values."
    }
  }
}
