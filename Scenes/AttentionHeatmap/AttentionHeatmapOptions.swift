import ArgumentParser
import AttentionData
import Canvas

/// `render attention-heatmap` options.
public struct AttentionHeatmapOptions: ParsableArguments, Sendable {
  @Option(
    help: ArgumentHelp(
      "The tokens: the sentence itself, split at spaces, or a file (a JSON array of strings, or one token per line).",
      valueName: "text-or-file"))
  public var tokens: String?

  @Option(
    help: ArgumentHelp(
      "Attention saved from a model, instead of the made-up example: a .npy, .safetensors, .csv or .json file of shape [seq, seq], [heads, seq, seq], [layers, heads, seq, seq] or [layers, batch, heads, seq, seq].",
      valueName: "file"))
  public var weights: String?

  @Option(
    help: ArgumentHelp(
      "A BERT model to run on --text, instead of the made-up example: a HuggingFace model directory (config.json, model.safetensors, tokenizer.json), or 'minilm' once Scripts/get-model minilm has fetched it.",
      valueName: "dir"))
  public var model: String?

  @Option(help: "With --model: the text the model reads (its own tokenizer splits it).")
  public var text: String?

  @Option(help: "With --weights or --model: the layer, counted from 0; -1 (the default) is the last.")
  public var layer: Int?

  @Option(
    help: ArgumentHelp(
      "With --weights or --model: a head, counted from 0, or 'mean' (the default) or 'max' of the layer's heads.",
      valueName: "n|mean|max"),
    transform: Self.head)
  public var head: HeadChoice?

  @Option(help: "With --weights of 5 dimensions: the batch item, counted from 0 (default 0).")
  public var batch: Int?

  @Option(help: "With a .safetensors file holding several tensors: the one to read.")
  public var tensor: String?

  @Flag(help: "Leave out special tokens ([CLS], [SEP], <s>, </s>, …) and spread each row's weight over the rest.")
  public var hideSpecial = false

  @Flag(
    help:
      "With --weights or --model: every layer × head as a grid of small heatmaps on one frame (a model view); the clip fills them in one by one."
  )
  public var allHeads = false

  @Flag(help: "Divide each row by its sum, for saved weights whose rows do not add up to 1.")
  public var normalize = false

  @Flag(
    inversion: .prefixedNo,
    help: "Show word pieces as words (Ġthe → the, ▁the → the, ##ing → -ing); --no-pretty-tokens shows them raw.")
  public var prettyTokens = true

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

  @Option(
    help: ArgumentHelp(
      "Top of the colour range at this percentile of the weights (50 to 100, e.g. 99), rounded up; weights above it take the top colour. For long sequences, where a few large weights (attention sinks) leave the rest dark. Overrides --vmax.",
      valueName: "percentile"))
  public var clip: Double?

  public init() {}

  static func top(_ text: String) throws -> ColorScale.Top {
    if text.lowercased() == "auto" { return .auto }
    guard let value = Double(text), (0.05...1).contains(value) else {
      throw ValidationError("write 'auto' or a number from 0.05 to 1")
    }
    return .value(value)
  }

  static func head(_ text: String) throws -> HeadChoice {
    guard let head = HeadChoice(text) else { throw ValidationError("write a head's number (from 0), 'mean' or 'max'") }
    if case .index(let index) = head, index < 0 { throw ValidationError("a head's number counts from 0") }
    return head
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
