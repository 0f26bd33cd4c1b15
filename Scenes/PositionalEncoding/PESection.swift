import Foundation

/// The six steps of `positional-encoding`; each is a section, so each becomes a slide.
public enum PESection: Int, CaseIterable, Sendable {
  case order, waves, sweep, matrix, similarity, sum

  public var name: String { String(describing: self) }

  public var title: String {
    switch self {
    case .order: return "Attention cannot see word order"
    case .waves: return "Waves of every frequency"
    case .sweep: return "One position, one column of numbers"
    case .matrix: return "The whole encoding"
    case .similarity: return "Nearby positions look alike"
    case .sum: return "Embedding + position"
    }
  }

  public func caption(for example: PositionalEncodingExample) -> String {
    switch self {
    case .order:
      return
        "Without positions, “bites” gives each word the same weight in “dog bites man” and “man bites dog”: attention sees a bag of words. Added positional encodings tell the two apart."
    case .waves:
      return
        "Dimension 2i is a sine of the position, dimension 2i + 1 a cosine of the same frequency; the frequency falls from one pair to the next, so low dimensions wave fast and high ones slowly."
    case .sweep:
      return
        "A position reads every wave at once: its encoding is the column of those values, different for each position."
    case .matrix:
      return
        "All \(example.positions) positions (down) by all \(example.dModel) dimensions (across), −1 blue to +1 red: the first dimensions change with every position, the last hardly at all."
    case .similarity:
      let exact =
        example.dModel.isMultiple(of: 2)
        ? "it depends only on the offset between them"
        : "with an even d_model it depends only on the offset (here the unpaired last dimension adds a little)"
      return "The dot product PE(p) · PE(q) is largest for p = q and falls off with distance; \(exact)."
    case .sum:
      return
        "The model adds each position’s encoding to its token’s embedding: the sum is X, the input of self-attention (see render qkv-flow)."
    }
  }
}
