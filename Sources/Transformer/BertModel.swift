import AttentionData
import Foundation

/// A BERT-family encoder read from a HuggingFace model directory (`config.json`,
/// `model.safetensors`, `tokenizer.json`), run forward in Swift to get the attention of
/// every layer and head for a text: what the model itself attends to, no Python needed.
public struct BertModel: Sendable {
  public let config: BertConfig
  public let tokenizer: WordPieceTokenizer
  /// The directory's name, for the picture and messages.
  public let name: String

  /// The weights file: the word embeddings' rows are read from it as tokens need them.
  private let archive: SafetensorsArchive
  private let wordEmbeddingsName: String
  private let positionEmbeddings: [Float]
  private let typeEmbedding: [Float]
  private let embeddingNorm: LayerNorm
  private let layers: [EncoderLayer]

  /// One encoder layer's weights.
  struct EncoderLayer: Sendable {
    let query, key, value, attentionOutput: Linear
    let attentionNorm: LayerNorm
    let intermediate, output: Linear
    let outputNorm: LayerNorm
  }

  /// The model in `directory`, or an error naming what is missing or unsupported.
  public init(directory: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ModelError(directory, "no such model directory")
    }
    let modelName = (directory as NSString).lastPathComponent
    name = modelName
    func file(_ file: String) throws -> String {
      let path = (directory as NSString).appendingPathComponent(file)
      guard FileManager.default.fileExists(atPath: path) else {
        throw ModelError(
          directory,
          "missing \(file) (a HuggingFace BERT model directory has config.json, model.safetensors and tokenizer.json)")
      }
      return path
    }
    config = try BertConfig(contentsOf: try file("config.json"))
    tokenizer = try WordPieceTokenizer(contentsOf: try file("tokenizer.json"))
    let archive = try SafetensorsArchive(path: try file("model.safetensors"))
    let prefix = archive.names.contains("bert.embeddings.word_embeddings.weight") ? "bert." : ""
    let config = config
    func tensor(_ name: String, _ shape: [Int]) throws -> [Float] {
      let (values, found) = try archive.floats(prefix + name)
      guard found == shape else {
        throw ModelError(
          "\(modelName)/model.safetensors", "'\(prefix + name)' has shape \(found), config.json says \(shape)")
      }
      return values
    }
    func linear(_ name: String, inputs: Int, outputs: Int) throws -> Linear {
      Linear(
        weight: try tensor(name + ".weight", [outputs, inputs]), bias: try tensor(name + ".bias", [outputs]),
        inputs: inputs)
    }
    func norm(_ name: String) throws -> LayerNorm {
      LayerNorm(
        weight: try tensor(name + ".weight", [config.hidden]), bias: try tensor(name + ".bias", [config.hidden]),
        epsilon: config.layerNormEpsilon)
    }
    let hidden = config.hidden
    wordEmbeddingsName = prefix + "embeddings.word_embeddings.weight"
    guard let first = try? archive.rows(wordEmbeddingsName, [0]).first, first.count == hidden else {
      throw ModelError(
        "\(modelName)/model.safetensors", "no word embeddings of width hidden_size \(hidden) ('\(wordEmbeddingsName)')")
    }
    self.archive = archive
    positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, hidden])
    typeEmbedding = Array(try archive.floats(prefix + "embeddings.token_type_embeddings.weight").values.prefix(hidden))
    embeddingNorm = try norm("embeddings.LayerNorm")
    layers = try (0..<config.layers).map { index in
      let p = "encoder.layer.\(index)."
      return EncoderLayer(
        query: try linear(p + "attention.self.query", inputs: hidden, outputs: hidden),
        key: try linear(p + "attention.self.key", inputs: hidden, outputs: hidden),
        value: try linear(p + "attention.self.value", inputs: hidden, outputs: hidden),
        attentionOutput: try linear(p + "attention.output.dense", inputs: hidden, outputs: hidden),
        attentionNorm: try norm(p + "attention.output.LayerNorm"),
        intermediate: try linear(p + "intermediate.dense", inputs: hidden, outputs: config.intermediate),
        output: try linear(p + "output.dense", inputs: config.intermediate, outputs: hidden),
        outputNorm: try norm(p + "output.LayerNorm"))
    }
  }

  /// The tokens of `text` and the attention of every layer and head: `attention[l][h]` is
  /// the n × n matrix of layer l, head h, row by row (each row adds up to 1).
  public func attention(for text: String) throws -> (tokens: [String], attention: [[[Float]]]) {
    let tokens = tokenizer.tokenize(text)
    let n = tokens.count
    guard n <= config.maxPositions else {
      throw ModelError(name, "the text is \(n) tokens long; the model reads at most \(config.maxPositions)")
    }
    let hidden = config.hidden
    let words = try archive.rows(wordEmbeddingsName, tokens.map(\.id))
    var x = Rows(values: [], width: hidden)
    x.values.reserveCapacity(n * hidden)
    for (position, word) in words.enumerated() {
      for column in 0..<hidden {
        x.values.append(word[column] + positionEmbeddings[position * hidden + column] + typeEmbedding[column])
      }
    }
    x = embeddingNorm(x)
    var attention: [[[Float]]] = []
    for layer in layers {
      let (context, weights) = selfAttention(layer, x)
      attention.append(weights)
      x = layer.attentionNorm(layer.attentionOutput(context) + x)
      x = layer.outputNorm(layer.output(gelu(layer.intermediate(x))) + x)
    }
    return (tokens.map(\.token), attention)
  }

  /// Multi-head self-attention of one layer: the context rows and each head's weights.
  private func selfAttention(_ layer: EncoderLayer, _ x: Rows) -> (Rows, [[Float]]) {
    let (q, k, v) = (layer.query(x), layer.key(x), layer.value(x))
    let n = x.count
    let size = config.hidden / config.heads
    let scale = 1 / Float(size).squareRoot()
    var context = Rows(values: [Float](repeating: 0, count: n * config.hidden), width: config.hidden)
    var heads: [[Float]] = []
    for head in 0..<config.heads {
      let offset = head * size
      var weights = [Float](repeating: 0, count: n * n)
      q.values.withUnsafeBufferPointer { qs in
        k.values.withUnsafeBufferPointer { ks in
          for i in 0..<n {
            let query = UnsafeBufferPointer(
              rebasing: qs[(i * config.hidden + offset)..<(i * config.hidden + offset + size)])
            var row = (0..<n).map { j -> Float in
              let key = UnsafeBufferPointer(
                rebasing: ks[(j * config.hidden + offset)..<(j * config.hidden + offset + size)])
              return dot(query, key) * scale
            }
            let largest = row.max() ?? 0
            row = row.map { Float(exp(Double($0 - largest))) }
            let total = row.reduce(0, +)
            for j in 0..<n { weights[i * n + j] = row[j] / total }
          }
        }
      }
      for i in 0..<n {
        for j in 0..<n {
          let w = weights[i * n + j]
          for d in 0..<size {
            context.values[i * config.hidden + offset + d] += w * v.values[j * config.hidden + offset + d]
          }
        }
      }
      heads.append(weights)
    }
    return (context, heads)
  }
}
