import Canvas
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
    let (query, keys) = scene.weights.focus
    #expect(tokens[query] == "sat")
    #expect(tokens[keys[0]] == "cat")
    let focus = scene.weights.focusRow
    #expect(focus.query == query && focus.top?.index == keys[0])
    #expect(focus.top?.weight == 0.66)
    #expect(focus.runnerUp == nil, "mat's 0.13 is under a quarter of 0.66")
  }

  @Test func sameWordSameEmbeddingDifferentPositions() {
    // "The" and "the" share an embedding, so their key columns differ only through position.
    let example = AttentionExample(tokens: ["the", "the"], seed: 1, causal: false)
    #expect(example.attention.weights[0, 0] != example.attention.weights[0, 1])
  }

  @Test func causalMaskedCellsAreNil() {
    let example = AttentionExample(tokens: tokens, seed: 89, causal: true)
    let weights = example.weights.maskedWeights
    for i in 0..<tokens.count {
      for j in 0..<tokens.count { #expect((weights[i][j] == nil) == (j > i)) }
    }
    let (query, keys) = example.weights.focus
    #expect(keys.allSatisfy { $0 < query })
  }

  @Test func rejectsTooFewOrTooManyTokens() {
    #expect(throws: SceneError.self) { try AttentionHeatmapScene(arguments: ["--tokens", "one"]) }
    #expect(throws: SceneError.self) {
      try AttentionHeatmapScene(arguments: ["--tokens", (0..<65).map { "t\($0)" }.joined(separator: " ")])
    }
  }

  @Test func colorScaleRunsToOneUnlessAskedOtherwise() {
    let whole = ColorScale(top: .value(1), largest: 0.66)
    #expect(whole.upperBound == 1 && whole.ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
    #expect(ColorScale(top: .auto, largest: 0.66).upperBound == 0.8)
    #expect(ColorScale(top: .auto, largest: 0.21).ticks.last == 0.25)
    #expect(
      ColorScale(top: .value(0.3), largest: 0.9).ticks.first == 0
        && ColorScale(top: .value(0.3), largest: 0.9).ticks.last == 0.3)
    #expect(ColorScale(top: .value(1), largest: 0.5, center: 1.0 / 7).center == 1.0 / 7)
    #expect(ColorScale.label(0.25) == "0.25" && ColorScale.label(1) == "1" && ColorScale.label(0.2) == "0.2")
  }

  @Test func automaticTopIgnoresRowsWithoutAChoiceAndSaturationIsShown() throws {
    // Causal: the first query sees only itself (weight 1); `auto` looks past it.
    for seed in ["1", "2", "3", "89"] {
      let causal = try AttentionHeatmapScene(arguments: ["--causal", "--vmax", "auto", "--seed", seed])
      let choosing = causal.weights.maskedWeights.filter { $0.compactMap { $0 }.count > 1 }
      let largest = choosing.flatMap { $0.compactMap { $0 } }.max()!
      #expect(causal.scale.upperBound == ColorScale(top: .auto, largest: largest).upperBound)
      #expect(causal.saturates == (causal.scale.upperBound < 1), "the first row's 1.00 is above a top under 1")
    }
    let clipped = try AttentionHeatmapScene(arguments: ["--vmax", "0.1"])
    let layout = try clipped.layout(frame: Size(1920, 1080), measurer: TextMeasurer())
    #expect(layout.colorbar.ticks.last?.label.string == "≥ 0.1")
    #expect(try !AttentionHeatmapScene(arguments: []).saturates)
  }

  @Test(arguments: [false, true])
  func shownRowsAddUpToExactlyOne(_ causal: Bool) {
    for count in [2, 7, 16, 64] {
      let words = (0..<count).map { "w\($0 % 11)" }
      let example = AttentionExample(tokens: words, seed: 5, causal: causal)
      for (row, shown) in zip(example.weights.maskedWeights, example.weights.shownWeights) {
        // As printed in the cells: two decimals each.
        let printed = shown.compactMap { $0.map { String(format: "%.2f", $0) } }
        let total = printed.compactMap(Double.init).reduce(0, +)
        #expect(abs(total - 1) < 1e-9, "\(printed)")
        for (exact, value) in zip(row, shown) {
          #expect((exact == nil) == (value == nil))
          if let exact, let value { #expect(abs(exact - value) <= 0.01 + 1e-9) }
        }
      }
    }
  }

  @Test func focusRanksTheQueryItselfAndDropsSmallRunnersUp() {
    // Query 1 of three keys: itself 0.50, key 0 0.40, key 2 0.10.
    let selfFirst = AttentionFocus(query: 1, row: [0.40, 0.50, 0.10])
    #expect(selfFirst.top == .init(index: 1, weight: 0.50))
    #expect(selfFirst.runnerUp == .init(index: 0, weight: 0.40))
    #expect(selfFirst.named == [1, 0])
    // 0.87 then 0.10: a tenth is under a quarter of the top, so it is not named.
    let sharp = AttentionFocus(query: 2, row: [0.87, 0.03, 0.10, nil])
    #expect(sharp.top?.index == 0 && sharp.runnerUp == nil && sharp.named == [0])
    #expect(sharp.ranked.map(\.index) == [0, 2, 1], "masked keys are left out")
    // Exactly a quarter is enough; ties go to the earlier key.
    let tie = AttentionFocus(query: 0, row: [0.2, 0.4, 0.4])
    #expect(tie.top?.index == 1 && tie.runnerUp?.index == 2)
    #expect(AttentionFocus(query: 0, row: [0.8, 0.2]).runnerUp?.index == 1)
  }
}
