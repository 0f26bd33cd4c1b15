import ArgumentParser

/// `render qkv-flow` options.
public struct QKVFlowOptions: ParsableArguments, Sendable {
  @Option(help: "The sentence, split at spaces (1 to 12 tokens; default \"The cat sat\").", transform: Self.words)
  public var tokens: [String] = ["The", "cat", "sat"]

  @Option(name: .customLong("d-model"), help: "Width of each token's embedding, d_model (2 to 512).")
  public var dModel = 4

  @Option(name: .customLong("d-k"), help: "Width of queries, keys and values, d_k (1 to 512).")
  public var dKey = 3

  @Option(parsing: .unconditional, help: "Seed for the example embeddings and weights (a whole number from 0).")
  public var seed: UInt64 = 89

  @Flag(help: "Causal mask: each token attends only to itself and the tokens before it.")
  public var causal = false

  public init() {}

  public func validate() throws {
    guard (1...12).contains(tokens.count) else {
      throw ValidationError(
        tokens.isEmpty
          ? "--tokens needs at least one word, e.g. --tokens \"The cat sat\""
          : "--tokens takes 1 to 12 words; got \(tokens.count)")
    }
    guard (2...512).contains(dModel) else {
      throw ValidationError("--d-model must be between 2 and 512; got \(dModel)")
    }
    guard (1...512).contains(dKey) else {
      throw ValidationError("--d-k must be between 1 and 512; got \(dKey)")
    }
  }

  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map(String.init)
  }
}
