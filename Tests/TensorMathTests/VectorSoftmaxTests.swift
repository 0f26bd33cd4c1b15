import Foundation
import Testing

@testable import TensorMath

@Suite struct VectorSoftmaxTests {
  @Test func matchesHandComputedValues() {
    // e² = 7.389056, e¹ = 2.718282, e^0.1 = 1.105171; their sum 11.212509.
    let p = Softmax.probabilities([2, 1, 0.1])
    #expect(abs(p[0] - 0.659_001) < 1e-6)
    #expect(abs(p[1] - 0.242_433) < 1e-6)
    #expect(abs(p[2] - 0.098_566) < 1e-6)
    let exps = Softmax.exponentials([2, 1, 0.1])
    #expect(abs(exps[0] - 7.389_056) < 1e-6 && abs(exps[2] - 1.105_171) < 1e-6)
  }

  @Test func temperatureDividesTheLogits() {
    // T = 2: softmax([1, 0.5, 0.05]); T = 0.5: softmax([4, 2, 0.2]).
    let warm = Softmax.probabilities([2, 1, 0.1], temperature: 2)
    let e = [1, 0.5, 0.05].map(exp)
    #expect(abs(warm[0] - e[0] / e.reduce(0, +)) < 1e-12)
    let cold = Softmax.probabilities([2, 1, 0.1], temperature: 0.5)
    #expect(cold[0] > 0.85 && cold[0] > Softmax.probabilities([2, 1, 0.1])[0])
    #expect(abs(cold.reduce(0, +) - 1) < 1e-12)
  }

  @Test func largeLogitsDoNotOverflow() {
    let p = Softmax.probabilities([50, 49], temperature: 0.25)
    #expect(abs(p[0] - 1 / (1 + exp(-4))) < 1e-12)
  }

  @Test func roundedValuesKeepTheirSum() {
    #expect(Softmax.roundedKeepingSum([0.334, 0.333, 0.333], decimals: 2) == [0.34, 0.33, 0.33])
    // 0.659 + 0.242 + 0.099: plain rounding gives 0.66 + 0.24 + 0.10 = 1.00 already.
    #expect(Softmax.roundedKeepingSum([0.659_001, 0.242_433, 0.098_566], decimals: 2) == [0.66, 0.24, 0.10])
    // Plain rounding of six sixths gives 0.17 × 6 = 1.02; kept to 1.00.
    let sixths = Softmax.roundedKeepingSum(Array(repeating: 1.0 / 6, count: 6), decimals: 2)
    #expect(abs(sixths.reduce(0, +) - 1) < 1e-9)
    #expect(sixths.allSatisfy { abs($0 - 1.0 / 6) < 0.01 })
  }

  @Test(arguments: 1...20 as ClosedRange<UInt64>)
  func roundedRandomRowsSumToOne(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let logits = (0..<8).map { _ in generator.nextNormal() * 3 }
    let p = Softmax.probabilities(logits, temperature: 0.7)
    let shown = Softmax.roundedKeepingSum(p, decimals: 2)
    #expect(abs(shown.reduce(0, +) - 1) < 1e-9)
    #expect(zip(shown, p).allSatisfy { abs($0 - $1) < 0.01 + 1e-12 })
  }
}
