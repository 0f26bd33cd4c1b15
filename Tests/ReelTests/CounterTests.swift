import Canvas
import Testing

@testable import Reel

@Suite struct CounterTests {
  let measurer = TextMeasurer()

  func counter(_ value: Double, range: ClosedRange<Double>, decimals: Int = 2) throws -> CounterContent {
    let node = Node.counter(
      value, decimals: decimals, prefix: "T = ", reserving: range, font: Font(size: 30), color: .black,
      measurer: measurer)
    guard case .counter(let content) = node.content else { throw RecordingError("not a counter") }
    return content
  }

  @Test func formatsWithATrueMinusAndNoNegativeZero() throws {
    #expect(try counter(0.5, range: 0...2).formatted == "0.50")
    #expect(
      try counter(-1.255, range: -2...2).formatted == "−1.25" || counter(-1.255, range: -2...2).formatted == "−1.26")
    #expect(try counter(-0.001, range: -2...2).formatted == "0.00")
    #expect(try counter(12, range: 0...100, decimals: 0).formatted == "12")
  }

  @Test func digitsKeepTheirPlaceAsTheValueChanges() throws {
    let values = [0.25, 0.5, 1.0, 1.75, 2.0]
    let layouts = try values.map { try counter($0, range: 0...2).pieces }
    // prefix, one integer digit, point, two decimals: the same x for each piece.
    for pieces in layouts {
      #expect(pieces.map(\.text).joined() == "T = " + String(format: "%.2f", values[layouts.firstIndex(of: pieces)!]))
    }
    let pointPositions = layouts.map { $0.first { $0.text == "." }!.x }
    #expect(Set(pointPositions).count == 1)
    let widths = try values.map { try counter($0, range: 0...2).localBounds.width }
    #expect(Set(widths).count == 1)
  }

  @Test func reservesRoomForTheLargestValueAndASign() throws {
    let small = try counter(1, range: 0...2)
    let wide = try counter(1, range: -20...20)
    #expect(wide.integerDigits == 2 && wide.signed)
    #expect(wide.localBounds.width > small.localBounds.width)
    let negative = try counter(-3, range: -20...20).pieces
    let positive = try counter(3, range: -20...20).pieces
    #expect(negative.last?.x == positive.last?.x, "the last digit does not move with the sign")
  }

  @Test func centredCounterSitsInTheMiddleOfItsField() throws {
    let node = Node.counter(
      0.86, reserving: -2...100, centered: true, font: Font(size: 30), color: .black, measurer: measurer)
    guard case .counter(let content) = node.content else { throw RecordingError("not a counter") }
    let pieces = content.pieces
    let last = try #require(pieces.last)
    let end = last.x + content.metrics.digitWidth - (content.metrics.digitWidth - content.metrics.digitAdvances[6]) / 2
    #expect(abs(pieces[0].x - (content.reservedWidth - end)) < 1e-9, "as much room left as right")
  }
}
