import AttentionData
import Foundation
import Testing

@testable import Transformer

/// A reference file made by `Scripts/reference/make-model-fixtures`.
func fixture(_ name: String) throws -> String {
  try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
}

/// all-MiniLM-L6-v2 from the model cache (`Scripts/get-model minilm`; `.ci/run` fetches
/// it), or nil with a visible note where it cannot be had.
let miniLM: BertModel? = {
  guard let directory = try? ModelLocator.directory(for: "minilm") else {
    print(
      "note: all-MiniLM-L6-v2 is not in \(ModelLocator.cache); the model tests are skipped (Scripts/get-model minilm)")
    return nil
  }
  return try? BertModel(directory: directory)
}()

@Suite struct BertModelTests {
  struct Reference: Decodable {
    let text: String
    let tokens: [String]
    let ids: [Int]
  }

  @Test(.enabled(if: miniLM != nil, "needs Scripts/get-model minilm"))
  func tokensMatchTheReferenceTokenizer() throws {
    let model = try #require(miniLM)
    let data = try Data(contentsOf: URL(fileURLWithPath: try fixture("tokenizer-reference.json")))
    let references = try JSONDecoder().decode([Reference].self, from: data)
    #expect(references.count >= 30)
    for reference in references {
      let ours = model.tokenizer.tokenize(reference.text)
      #expect(ours.map(\.token) == reference.tokens, "\(reference.text)")
      #expect(ours.map(\.id) == reference.ids, "\(reference.text)")
    }
  }

  @Test(.enabled(if: miniLM != nil, "needs Scripts/get-model minilm"), arguments: ["animal", "bank"])
  func attentionMatchesAnIndependentNumPyForwardPass(sentence: String) throws {
    let model = try #require(miniLM)
    let text = try String(contentsOfFile: try fixture("attention-\(sentence).txt"), encoding: .utf8)
    let reference = try AttentionFile.read(try fixture("attention-\(sentence).npy")).tensor
    let referenceTokens = try TokenFile.tokens(from: try fixture("attention-\(sentence)-tokens.json")).map(\.raw)
    let (tokens, attention) = try model.attention(for: text)
    #expect(tokens == referenceTokens)
    #expect(reference.shape == [6, 12, tokens.count, tokens.count])
    var largest = 0.0
    for layer in 0..<6 {
      for head in 0..<12 {
        let expected = reference.matrix(at: [layer, head])
        for (i, row) in expected.enumerated() {
          for (j, value) in row.enumerated() {
            largest = max(largest, abs(Double(attention[layer][head][i * tokens.count + j]) - value))
          }
        }
      }
    }
    #expect(largest < 1e-4, "largest difference \(largest)")
  }

  @Test func modelsAreFoundByPathOrByName() throws {
    let missing = #expect(throws: ModelError.self) { try ModelLocator.directory(for: "/nonexistent/model") }
    #expect(
      missing?.description
        == "/nonexistent/model: no such model directory, nor a model Scripts/get-model knows (minilm)")
    let notDirectory = #expect(throws: ModelError.self) { try BertModel(directory: "/tmp") }
    #expect(notDirectory?.description.hasPrefix("/tmp: missing config.json") == true)
  }

  @Test func anUnsupportedArchitectureIsNamed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try #"{"model_type": "gpt2"}"#.write(
      to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
    for file in ["tokenizer.json", "model.safetensors"] {
      try Data().write(to: folder.appendingPathComponent(file))
    }
    let error = #expect(throws: ModelError.self) { try BertModel(directory: folder.path) }
    #expect(
      error?.description
        == "\(folder.lastPathComponent)/config.json: model_type 'gpt2' is not supported (Reel runs BERT encoders: model_type 'bert')"
    )
  }
}
