import AttentionData
import Foundation
import Testing

@testable import Scenes

/// `attention-heatmap --weights`: attention saved by a model, shown as it is.
@Suite struct SavedAttentionTests {
  /// A temporary file holding `text`, deleted after `body`.
  func withFile<T>(_ name: String, _ text: String, _ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return try body(path)
  }

  let fourTokens =
    ###"{"tokens": ["[CLS]", "Ġcat", "##s", "[SEP]"], "weights": "###
    + ###"[[0.4, 0.2, 0.2, 0.2], [0.5, 0.25, 0.125, 0.125], [0.5, 0.125, 0.25, 0.125], [0.25, 0.25, 0.25, 0.25]]}"###

  @Test func savedWeightsAreShownWithTheirTokensAndSource() throws {
    let scene = try withFile("attn.json", fourTokens) { try AttentionHeatmapScene(arguments: ["--weights", $0]) }
    #expect(scene.weights.tokens == ["[CLS]", "cat", "-s", "[SEP]"])
    #expect(scene.weights.maskedWeights[1] == [0.5, 0.25, 0.125, 0.125])
    #expect(scene.footnote.hasPrefix("Attention from attn.json. Each row is rounded"))
    #expect(!scene.weights.causal && scene.warnings.isEmpty)
    // The story never starts at a special token.
    #expect(!scene.weights.special.contains(scene.weights.focus.query))
    let raw = try withFile("attn.json", fourTokens) {
      try AttentionHeatmapScene(arguments: ["--weights", $0, "--no-pretty-tokens"])
    }
    #expect(raw.weights.tokens == ["[CLS]", "Ġcat", "##s", "[SEP]"])
  }

  @Test func hiddenSpecialTokensLeaveRowsSpreadOverTheRest() throws {
    let scene = try withFile("attn.json", fourTokens) {
      try AttentionHeatmapScene(arguments: ["--weights", $0, "--hide-special"])
    }
    #expect(scene.weights.tokens == ["cat", "-s"])
    // cat's row kept 0.25 and 0.125 of its weight: 2/3 and 1/3 of what is left.
    let row = try #require(scene.weights.maskedWeights.first)
    #expect(abs((row[0] ?? 0) - 2.0 / 3) < 1e-12 && abs((row[1] ?? 0) - 1.0 / 3) < 1e-12)
    #expect(scene.footnote.contains("[CLS], [SEP] left out, rows spread over the rest"))
  }

  @Test func rowsThatDoNotAddUpAreReportedOrNormalised() throws {
    let csv = "a,b,c\n0.5,0.25,0\n0.25,0.75,0\n0.25,0.25,0.5\n"
    let warned = try withFile("attn.csv", csv) { try AttentionHeatmapScene(arguments: ["--weights", $0]) }
    #expect(
      warned.warnings == [
        "attn.csv: 1 of 3 rows do not add up to 1 (row 0: 0.7500); --normalize divides each row by its sum"
      ])
    let fixed = try withFile("attn.csv", csv) {
      try AttentionHeatmapScene(arguments: ["--weights", $0, "--normalize"])
    }
    #expect(fixed.warnings.isEmpty)
    #expect(fixed.weights.maskedWeights[0].compactMap { $0 } == [0.5 / 0.75, 0.25 / 0.75, 0])
    #expect(fixed.footnote.contains("rows divided by their sums"))
  }

  @Test func zerosAboveTheDiagonalAreACausalMask() throws {
    let csv = "1,0,0\n0.25,0.75,0\n0.5,0.25,0.25\n"
    let scene = try withFile("gpt.csv", csv) {
      try AttentionHeatmapScene(arguments: ["--weights", $0, "--tokens", "The cat sat"])
    }
    #expect(scene.weights.causal)
    #expect(scene.weights.maskedWeights[1] == [0.25, 0.75, nil])
  }

  @Test func mismatchesGetOneClearLine() throws {
    let error = #expect(throws: AttentionFileError.self) {
      try withFile("attn.json", fourTokens) {
        try AttentionHeatmapScene(arguments: ["--weights", $0, "--tokens", "one two three"])
      }
    }
    #expect(error?.description == "attn.json: 4 × 4 attention but 3 tokens in --tokens; give one token per row")
    let noTokens = #expect(throws: AttentionFileError.self) {
      try withFile("attn.csv", "0.5,0.5\n0.5,0.5\n") { try AttentionHeatmapScene(arguments: ["--weights", $0]) }
    }
    #expect(noTokens?.description.hasPrefix("attn.csv: the file names no tokens; give them with --tokens") == true)
    let unused = #expect(throws: SceneError.self) { try AttentionHeatmapScene(arguments: ["--layer", "2"]) }
    #expect(
      unused?.description == "--layer only apply to real attention; give a file with --weights or a model with --model")
  }
}
