import ArgumentParser
import AttentionData
import Foundation
import Transformer

/// `render export-attention`: a BERT model's attention for a text, every layer and head,
/// as a NumPy file, with the tokens beside it — attention out of a model without Python.
struct ExportAttentionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-attention",
    abstract: "Run a BERT model on a text and write its attention as [layers, heads, seq, seq] float32 .npy.",
    discussion: """
      The tokens go beside it as JSON (attention.npy → attention-tokens.json). Example:
        Scripts/get-model minilm
        render export-attention --model minilm --text "The cat sat on the mat." --output attention.npy
        render attention-heatmap --weights attention.npy --tokens attention-tokens.json --layer 2 --head 3
      """)

  @Option(help: "A HuggingFace BERT model directory, or 'minilm' after Scripts/get-model minilm.")
  var model: String

  @Option(help: "The text the model reads.")
  var text: String

  @Option(help: "The .npy file to write.")
  var output = "attention.npy"

  func validate() throws {
    guard output.lowercased().hasSuffix(".npy") else {
      throw ValidationError("--output must end in .npy; got '\(output)'")
    }
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--text is empty") }
  }

  func run() throws {
    do {
      let bert = try BertModel(directory: try ModelLocator.directory(for: model))
      let (tokens, attention) = try bert.attention(for: text)
      let n = tokens.count
      let npy = NPYWriter.data(
        shape: [bert.config.layers, bert.config.heads, n, n], values: attention.flatMap { $0.flatMap { $0 } })
      let tokensPath = String(output.dropLast(4)) + "-tokens.json"
      let json = try JSONSerialization.data(withJSONObject: tokens, options: [.withoutEscapingSlashes])
      try Self.write(npy, to: output)
      try Self.write(json, to: tokensPath)
      print(
        "\(output): \(bert.config.layers) layers × \(bert.config.heads) heads × \(n) × \(n); tokens in \(tokensPath)")
    } catch {
      throw CLIError.failure(error)
    }
  }

  /// Writes `data` under a temporary name beside `path`, then renames it, so no half-written
  /// file ever has the final name.
  static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let partial = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
    try data.write(to: partial)
    if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(at: url) }
    try FileManager.default.moveItem(at: partial, to: url)
  }
}
