import ArgumentParser
import Canvas

/// `render attention-heatmap` options.
public struct AttentionHeatmapOptions: ParsableArguments, Sendable {
  @Option(help: "The sentence to show, split at spaces (2 to 64 tokens).", transform: Self.words)
  public var tokens: [String]?

  @Option(help: "Seed for the example weights.")
  public var seed: UInt64 = 89

  @Flag(help: "Causal mask: each query sees only itself and earlier keys.")
  public var causal = false

  @Option(
    help: "Colormap: \(Colormap.all.map(\.name).joined(separator: ", ")) (matplotlib's tables).",
    transform: Colormap.parse)
  public var colormap: Colormap = .viridis

  public init() {}

  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map(String.init)
  }
}

extension Colormap {
  /// The colormap named `text`, or an error listing the names.
  static func parse(_ text: String) throws -> Colormap {
    guard let colormap = Colormap.named(text) else {
      throw ValidationError(
        "unknown colormap '\(text)'; choose one of: \(Colormap.all.map(\.name).joined(separator: ", "))")
    }
    return colormap
  }
}
