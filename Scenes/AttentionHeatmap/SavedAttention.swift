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

  /// Every layer × head of the attention, prepared as the single matrix is, for
  /// `--all-heads`: `grid[layer][head]`, with the tokens kept.
  let grid: [[[[Double]]]]

  init(options: AttentionHeatmapOptions) throws {
    let (tensor, fileTokens) = try Self.tensor(options: options)
    let file = tensor.file
    let selected = try tensor.select(
      AttentionSelection(layer: options.layer, head: options.head, batch: options.batch ?? 0))
    let n = selected.weights.count
    guard n <= Self.tokenLimit else {
      throw AttentionFileError(file, "\(n) tokens; Reel shows up to \(Self.tokenLimit)")
    }
    guard let tokens = try options.tokens.map(TokenFile.tokens(from:)) ?? fileTokens?.map(Token.init) else {
      throw AttentionFileError(
        file, "the file names no tokens; give them with --tokens (a JSON array file, one per line, or the text)")
    }
    guard tokens.count == n else {
      throw AttentionFileError(
        file,
        "\(n) × \(n) attention but \(tokens.count) tokens\(options.tokens == nil ? " in the file" : " in --tokens"); give one token per row"
      )
    }
    let prepared = try Self.prepare(
      selected.weights, tokens: tokens, file: file, options: options,
      distributions: selected.rowsAreDistributions)
    let rows = prepared.rows
    let kept = prepared.tokens
    let count = rows.count
    // A causal model saves exact zeros above the diagonal: those keys were masked.
    let causal = count > 2 && rows.indices.allSatisfy { i in rows[i][(i + 1)...].allSatisfy { $0 == 0 } }
    weights = AttentionWeights(
      tokens: kept.map { AttentionHeatmapScene.displayable(options.prettyTokens ? $0.pretty : $0.raw) },
      maskedWeights: rows.enumerated().map { i, row in
        row.enumerated().map { j, weight in causal && j > i ? nil : weight }
      },
      causal: causal, rowsAreDistributions: selected.rowsAreDistributions,
      special: Set(kept.indices.filter { kept[$0].isSpecial }))
    if options.allHeads {
      let layout = try tensor.layout()
      let layers: [Int?] = layout.layers.map { Array(0..<$0) } ?? [nil]
      grid = try layers.map { layer in
        try (0..<(layout.heads ?? 1)).map { head in
          let one = try tensor.select(
            AttentionSelection(
              layer: layer, head: layout.heads == nil ? nil : .index(head), batch: options.batch ?? 0))
          return try Self.prepare(one.weights, tokens: tokens, file: file, options: options, distributions: true).rows
        }
      }
      let shape = "\(layers.count) layer\(layers.count == 1 ? "" : "s") × \(layout.heads ?? 1) heads"
      footnote = (["Attention from \(file), \(shape)"] + prepared.notes).joined(separator: "; ") + "."
    } else {
      grid = []
      footnote =
        (["Attention from \(selected.source)"] + prepared.notes).joined(separator: "; ") + "."
        + (selected.rowsAreDistributions
          ? " Each row is rounded so its values add up to \(weights.decimals == 3 ? "1.000" : "1.00")."
          : " Rows do not add up to 1.")
    }
    self.warnings = prepared.warnings
  }

  /// `rows` as asked: divided by their sums (`--normalize`), special tokens left out
  /// (`--hide-special`); the tokens kept, what the footnote says and what to warn about.
  static func prepare(
    _ rows: [[Double]], tokens: [Token], file: String, options: AttentionHeatmapOptions, distributions: Bool
  ) throws -> (rows: [[Double]], tokens: [Token], notes: [String], warnings: [String]) {
    var rows = rows
    var tokens = tokens
    var notes: [String] = []
    var warnings: [String] = []
    let n = rows.count
    if distributions {
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
        if distributions {
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
    return (rows, tokens, notes, warnings)
  }
}
