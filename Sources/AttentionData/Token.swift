/// One token of a model's input: as the tokenizer wrote it, and as a picture shows it.
public struct Token: Sendable, Equatable {
  /// The tokenizer's text: `Ġthe`, `▁the`, `##ing`, `[CLS]`.
  public let raw: String

  public init(_ raw: String) { self.raw = raw }

  /// Tokens models add around the text: they carry no word of it, and often draw a large
  /// share of attention (an "attention sink").
  public static let specialTokens: Set<String> = [
    "[CLS]", "[SEP]", "[PAD]", "[MASK]", "[UNK]", "<s>", "</s>", "<pad>", "<unk>", "<mask>", "<|endoftext|>",
    "<|begin_of_text|>", "<|end_of_text|>", "<bos>", "<eos>", "<|im_start|>", "<|im_end|>",
  ]

  /// Whether this is one of the tokens a model adds (`[CLS]`, `</s>`, `<|endoftext|>`…).
  public var isSpecial: Bool { Self.specialTokens.contains(raw) }

  /// The token as read: word-piece markers turned into what they mean. GPT-2's `Ġ` (a
  /// space before the word) and SentencePiece's `▁` are dropped, `Ċ` (a newline) is `↵`,
  /// and BERT's `##` (this piece continues the word before) is a leading `-`.
  public var pretty: String {
    if isSpecial { return raw }
    var text = raw
    if text.hasPrefix("##"), text.count > 2 { return "-" + text.dropFirst(2) }
    if let first = text.first, first == "Ġ" || first == "▁", text.count > 1 { text.removeFirst() }
    text = text.replacingOccurrences(of: "Ċ", with: "↵").replacingOccurrences(of: "ĉ", with: "⇥")
    return text
  }
}
