import Testing

@testable import Reel

@Suite struct RateFunctionTests {
  @Test(arguments: RateFunction.allCases.filter { $0 != .thereAndBack })
  func startsAtZeroAndEndsAtOne(_ rate: RateFunction) {
    #expect(abs(rate(0)) < 1e-12)
    #expect(abs(rate(1) - 1) < 1e-12)
  }

  @Test(arguments: RateFunction.allCases.filter { $0 != .thereAndBack })
  func neverGoesBackwards(_ rate: RateFunction) {
    let values = (0...100).map { rate(Double($0) / 100) }
    #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 + 1e-12 })
  }

  @Test func thereAndBackPeaksInTheMiddle() {
    #expect(RateFunction.thereAndBack(0) == 0)
    #expect(abs(RateFunction.thereAndBack(0.5) - 1) < 1e-12)
    #expect(abs(RateFunction.thereAndBack(1)) < 1e-12)
  }

  @Test func handValues() {
    #expect(abs(RateFunction.smooth(0.5) - 0.5) < 1e-12)
    #expect(RateFunction.easeInCubic(0.5) == 0.125)
    #expect(RateFunction.easeOutCubic(0.5) == 0.875)
    #expect(RateFunction.easeInOutCubic(0.25) == 0.0625)
    #expect(RateFunction.linear(0.3) == 0.3)
    // rushInto is slow early, rushFrom fast early.
    #expect(RateFunction.rushInto(0.25) < 0.25)
    #expect(RateFunction.rushFrom(0.25) > 0.25)
  }

  @Test func clampsOutsideTheUnitInterval() {
    #expect(RateFunction.smooth(-1) == 0)
    #expect(RateFunction.smooth(2) == 1)
  }
}
