import Foundation
import Testing

@testable import Scenes
@testable import TensorMath

@Suite struct AttentionExampleTests {
  let tokens = AttentionHeatmapScene.defaultTokens

  @Test func rowsSumToOne() {
    let example = AttentionExample(tokens: tokens, seed: 89, causal: false)
    for i in 0..<tokens.count {
      #expect(abs(example.attention.weights.row(i).reduce(0, +) - 1) < 1e-5)
    }
  }

  @Test func weightsAreTheSoftmaxOfScaledDotProducts() {
    let example = AttentionExample(tokens: tokens, seed: 89, causal: false)
    let scores = example.attention.scores
    // Recompute row 2 by hand from the scores: exp(s - max) / Σ.
    let row = scores.row(2).map(Double.init)
    let maximum = row.max()!
    let exps = row.map { exp($0 - maximum) }
    for j in 0..<tokens.count {
      #expect(abs(Double(example.attention.weights[2, j]) - exps[j] / exps.reduce(0, +)) < 1e-5)
    }
  }

  @Test func defaultRowsSpreadTheirWeight() {
    // Example data must teach: no row of the default sentence is (nearly) one-hot.
    let example = AttentionExample(tokens: tokens, seed: 89, causal: false)
    for i in 0..<tokens.count {
      #expect(example.attention.weights.row(i).max()! < 0.9)
    }
  }

  @Test func defaultStoryIsSatAttendingToCat() throws {
    let scene = try AttentionHeatmapScene(arguments: [])
    let (query, keys) = scene.example.focus
    #expect(tokens[query] == "sat")
    #expect(tokens[keys[0]] == "cat")
    #expect(scene.captionLines[0] == "“sat” attends most to “cat”")
    let weight = scene.example.attention.weights[query, keys[0]]
    #expect(scene.captionLines[1].hasPrefix(String(format: "weight %.2f", weight)))
  }

  @Test func sameWordSameEmbeddingDifferentPositions() {
    // "The" and "the" share an embedding, so their key columns differ only through position.
    let example = AttentionExample(tokens: ["the", "the"], seed: 1, causal: false)
    #expect(example.attention.weights[0, 0] != example.attention.weights[0, 1])
  }

  @Test func causalMaskedCellsAreNil() {
    let example = AttentionExample(tokens: tokens, seed: 89, causal: true)
    let weights = example.maskedWeights
    for i in 0..<tokens.count {
      for j in 0..<tokens.count { #expect((weights[i][j] == nil) == (j > i)) }
    }
    let (query, keys) = example.focus
    #expect(keys.allSatisfy { $0 < query })
  }

  @Test func rejectsTooFewOrTooManyTokens() {
    #expect(throws: SceneError.self) { try AttentionHeatmapScene(arguments: ["--tokens", "one"]) }
    #expect(throws: SceneError.self) {
      try AttentionHeatmapScene(arguments: ["--tokens", (0..<65).map { "t\($0)" }.joined(separator: " ")])
    }
  }

  @Test func colorbarScaleIsRound() {
    #expect(ColorbarScale(maximum: 0.66).upperBound == 0.8)
    #expect(ColorbarScale(maximum: 0.66).ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8])
    #expect(ColorbarScale(maximum: 1).ticks.count == 6)
    #expect(ColorbarScale(maximum: 0.21).ticks.last == 0.25)
  }
}
