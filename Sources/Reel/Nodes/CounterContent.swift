import Canvas
import Foundation

/// A number shown with a fixed number of decimals, e.g. `T = 0.50`, laid out from glyph
/// widths measured once, so it can change every frame without jittering: each digit sits
/// centred in a slot as wide as the widest digit, and the field reserves room for the
/// largest value it will show.
///
/// ```swift
/// let label = Node.counter(0.5, decimals: 2, prefix: "T = ", reserving: 0...2,
///                          font: Font(size: 40), color: ink, measurer: m)
/// ```
public struct CounterContent: Sendable, Hashable {
  public var value: Double
  public var decimals: Int
  public var prefix: String
  public var suffix: String
  public var font: Font
  /// Integer digits the field keeps room for; a value needing more grows to the right.
  public var integerDigits: Int
  /// Whether the field keeps room for a minus sign.
  public var signed: Bool
  public var metrics: CounterMetrics

  /// One piece of the laid-out number: `text` drawn with its logical box's left edge at
  /// `x` (from the left of the local box).
  public struct Piece: Sendable, Hashable {
    public var text: String
    public var x: Double
  }

  /// The value as shown: rounded to `decimals`, with a true minus sign (never `−0.00`).
  public var formatted: String {
    let text = String(format: "%.\(max(decimals, 0))f", abs(value))
    let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
    return (value < 0 && !isZero ? "−" : "") + text
  }

  /// The pieces in drawing order: prefix, sign, each digit in its slot, point, suffix.
  public var pieces: [Piece] {
    let digits = formatted.filter { $0 != "−" }
    let negative = formatted.hasPrefix("−")
    let integerPart = digits.prefix { $0 != "." }
    let fraction = digits.drop { $0 != "." }.dropFirst()
    let m = metrics
    var result: [Piece] = []
    var x = 0.0
    if !prefix.isEmpty { result.append(Piece(text: prefix, x: x)) }
    x += m.prefixWidth
    let slots = max(integerDigits, integerPart.count)
    // The sign sits just left of the first digit shown.
    let firstDigitX = x + (signed ? m.minusWidth : 0) + Double(slots - integerPart.count) * m.digitWidth
    if negative { result.append(Piece(text: "−", x: firstDigitX - m.minusWidth)) }
    x = firstDigitX
    func place(_ digit: Character) {
      let advance = m.digitAdvances[digit.wholeNumberValue ?? 0]
      result.append(Piece(text: String(digit), x: x + (m.digitWidth - advance) / 2))
      x += m.digitWidth
    }
    integerPart.forEach(place)
    if decimals > 0 {
      result.append(Piece(text: ".", x: x))
      x += m.pointWidth
      fraction.forEach(place)
    }
    if !suffix.isEmpty { result.append(Piece(text: suffix, x: x)) }
    return result
  }

  /// The width the field reserves.
  public var reservedWidth: Double {
    let m = metrics
    return m.prefixWidth + (signed ? m.minusWidth : 0) + Double(integerDigits) * m.digitWidth
      + (decimals > 0 ? m.pointWidth + Double(decimals) * m.digitWidth : 0) + m.suffixWidth
  }

  /// The reserved box, centred on the origin.
  public var localBounds: Rect {
    Rect(center: .zero, size: Size(reservedWidth, metrics.lineHeight))
  }
}

/// The measured widths a counter is laid out from.
public struct CounterMetrics: Sendable, Hashable {
  /// Advance of each digit 0…9.
  public var digitAdvances: [Double]
  public var pointWidth: Double
  public var minusWidth: Double
  public var prefixWidth: Double
  public var suffixWidth: Double
  public var lineHeight: Double
  /// The widest digit: every digit slot is this wide.
  public var digitWidth: Double { digitAdvances.max() ?? 0 }

  public init(font: Font, prefix: String, suffix: String, measurer: TextMeasurer) {
    digitAdvances = (0...9).map { measurer.measure(String($0), font: font).width }
    pointWidth = measurer.measure(".", font: font).width
    minusWidth = measurer.measure("−", font: font).width
    prefixWidth = prefix.isEmpty ? 0 : measurer.measure(prefix, font: font).width
    suffixWidth = suffix.isEmpty ? 0 : measurer.measure(suffix, font: font).width
    lineHeight = measurer.measure("0", font: font).height
  }
}

extension Node {
  /// A number that can change every frame without moving: `reserving` is the range of
  /// values it will show, which sets the room kept for digits and a sign.
  public static func counter(
    _ value: Double, decimals: Int = 2, prefix: String = "", suffix: String = "",
    reserving range: ClosedRange<Double>? = nil, font: Font, color: Color,
    at position: Point = .zero, measurer: TextMeasurer
  ) -> Node {
    let range = range ?? value...value
    let largest = max(abs(range.lowerBound), abs(range.upperBound))
    let integerDigits = max(1, String(format: "%.\(max(decimals, 0))f", largest).prefix { $0 != "." }.count)
    let content = CounterContent(
      value: value, decimals: decimals, prefix: prefix, suffix: suffix, font: font,
      integerDigits: integerDigits, signed: range.lowerBound < 0,
      metrics: CounterMetrics(font: font, prefix: prefix, suffix: suffix, measurer: measurer))
    return Node(.counter(content), at: position, fill: .solid(color))
  }

  /// The same counter showing `value` (other nodes are returned unchanged).
  public func counting(_ value: Double) -> Node {
    guard case .counter(var counter) = content else { return self }
    counter.value = value
    var copy = self
    copy.content = .counter(counter)
    return copy
  }
}
