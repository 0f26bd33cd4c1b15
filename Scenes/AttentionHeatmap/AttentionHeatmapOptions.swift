import ArgumentParser
import Canvas

/// `render attention-heatmap` options.
public struct AttentionHeatmapOptions: ParsableArguments, Sendable {
  @Option(help: "The sentence to show, split at spaces (2 to 64 tokens).", transform: Self.words)
  public var tokens: [String]?

  @Option(parsing: .unconditional, help: "Seed for the example weights (a whole number from 0).")
  public var seed: UInt64 = 89

  @Flag(help: "Causal mask: each query sees only itself and earlier keys.")
  public var causal = false

  @Option(
    help: "Colormap, by matplotlib's name (any case): \(Colormap.all.map(\.name).joined(separator: ", ")).",
    transform: Colormap.parse)
  public var colormap: Colormap = .viridis

  @Option(
    help:
      "The weight shown as the colormap's top: 'auto' (a round number above the largest weight) or a number from 0.05 to 1 (default 1).",
    transform: Self.top)
  public var vmax: ColorScale.Top = .value(1)

  public init() {}

  static func top(_ text: String) throws -> ColorScale.Top {
    if text.lowercased() == "auto" { return .auto }
    guard let value = Double(text), (0.05...1).contains(value) else {
      throw ValidationError("write 'auto' or a number from 0.05 to 1")
    }
    return .value(value)
  }

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
