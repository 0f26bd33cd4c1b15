import AttentionData
import Foundation
import Transformer

/// Real attention, read from the file `--weights` names or computed by the model `--model`
/// names, made ready to show: one layer and head picked, checked, matched with its tokens,
/// special tokens left out if asked.
struct SavedAttention {
  let weights: AttentionWeights
  /// Where the numbers come from and what was done to them, said under the figure.
  let footnote: String
  /// What the user should know but that does not stop the render.
  let warnings: [String]

  /// Sequences longer than this are refused: labels and cells would be under a pixel.
  static let tokenLimit = 512

  /// The attention `--weights` or `--model` gives: the tensor, and the tokens it names.
  static func tensor(options: AttentionHeatmapOptions) throws -> (tensor: AttentionTensor, tokens: [String]?) {
    if let path = options.weights {
      guard options.model == nil else { throw SceneError("give either --weights or --model, not both") }
      guard options.text == nil else { throw SceneError("--text is for --model; with --weights give --tokens") }
      return try AttentionFile.read(path, tensor: options.tensor)
    }
    guard let name = options.model else { throw SceneError("give --weights FILE or --model DIR") }
    guard let text = options.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw SceneError("--model needs --text \"…\", the text the model reads")
    }
    guard options.tokens == nil else {
      throw SceneError("with --model the model's tokenizer makes the tokens; leave out --tokens")
    }
    let model = try BertModel(directory: try ModelLocator.directory(for: name))
    let (tokens, attention) = try model.attention(for: text)
    let n = tokens.count
    let values = attention.flatMap { $0.flatMap { $0.map(Double.init) } }
    let tensor = AttentionTensor(
      name: "model \(name)", shape: [model.config.layers, model.config.heads, n, n], values: values)
    return (tensor, tokens)
  }

  init(options: AttentionHeatmapOptions) throws {
    let (tensor, fileTokens) = try Self.tensor(options: options)
    let file = tensor.file
    let selected = try tensor.select(
      AttentionSelection(layer: options.layer, head: options.head, batch: options.batch ?? 0))
    var rows = selected.weights
    let n = rows.count
    guard n <= Self.tokenLimit else {
      throw AttentionFileError(file, "\(n) tokens; Reel shows up to \(Self.tokenLimit)")
    }
    guard let tokenList = try options.tokens.map(TokenFile.tokens(from:)) ?? fileTokens?.map(Token.init) else {
      throw AttentionFileError(
        file, "the file names no tokens; give them with --tokens (a JSON array file, one per line, or the text)")
    }
    var tokens = tokenList
    guard tokens.count == n else {
      throw AttentionFileError(
        file,
        "\(n) × \(n) attention but \(tokens.count) tokens\(options.tokens == nil ? " in the file" : " in --tokens"); give one token per row"
      )
    }
    var notes: [String] = []
    var warnings: [String] = []
    if selected.rowsAreDistributions {
      let sums = rows.map { $0.reduce(0, +) }
      let off = sums.indices.filter { abs(sums[$0] - 1) > 1e-3 }
      if let first = off.first {
        if options.normalize {
          if let empty = sums.firstIndex(where: { $0 <= 0 }) {
            throw AttentionFileError(file, "row \(empty) is all zeros, so it cannot be normalised")
          }
          rows = zip(rows, sums).map { row, sum in row.map { $0 / sum } }
          notes.append("rows divided by their sums")
        } else {
          warnings.append(
            "\(file): \(off.count) of \(n) rows do not add up to 1 (row \(first): \(String(format: "%.4f", sums[first]))); --normalize divides each row by its sum"
          )
        }
      }
    }
    if options.hideSpecial {
      let kept = tokens.indices.filter { !tokens[$0].isSpecial }
      let hidden = tokens.filter(\.isSpecial).map(\.raw)
      guard kept.count >= 2 else {
        throw AttentionFileError(file, "fewer than 2 tokens are left without the special ones")
      }
      if !hidden.isEmpty {
        rows = kept.map { i in kept.map { j in rows[i][j] } }
        if selected.rowsAreDistributions {
          rows = rows.map { row in
            let sum = row.reduce(0, +)
            return sum > 0 ? row.map { $0 / sum } : row
          }
        }
        tokens = kept.map { tokens[$0] }
        let names = Array(Set(hidden)).sorted().joined(separator: ", ")
        notes.append("\(names) left out, rows spread over the rest")
      }
    }
    let count = rows.count
    // A causal model saves exact zeros above the diagonal: those keys were masked.
    let causal = count > 2 && rows.indices.allSatisfy { i in rows[i][(i + 1)...].allSatisfy { $0 == 0 } }
    weights = AttentionWeights(
      tokens: tokens.map { AttentionHeatmapScene.displayable(options.prettyTokens ? $0.pretty : $0.raw) },
      maskedWeights: rows.enumerated().map { i, row in
        row.enumerated().map { j, weight in causal && j > i ? nil : weight }
      },
      causal: causal, rowsAreDistributions: selected.rowsAreDistributions,
      special: Set(tokens.indices.filter { tokens[$0].isSpecial }))
    footnote =
      (["Attention from \(selected.source)"] + notes).joined(separator: "; ") + "."
      + (selected.rowsAreDistributions
        ? " Each row is rounded so its values add up to 1.00." : " Rows do not add up to 1.")
    self.warnings = warnings
  }
}
