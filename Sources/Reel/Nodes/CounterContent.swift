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
  /// Centre the number shown in the field (a label over a bar) rather than keep every digit
  /// in its slot (a readout): digits still never jitter, but the text re-centres when the
  /// number of digits changes.
  public var centered: Bool = false
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
    if !centered {
      // Blank slots keep the digits where the widest value puts them.
      x += (signed && !negative ? m.minusWidth : 0) + Double(max(integerDigits - integerPart.count, 0)) * m.digitWidth
    }
    if negative {
      result.append(Piece(text: "−", x: x))
      x += m.minusWidth
    }
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
    guard centered else { return result }
    let offset = (reservedWidth - x - m.suffixWidth) / 2
    return result.map { Piece(text: $0.text, x: $0.x + offset) }
  }

  /// The box of the number as shown (within the reserved box), in local coordinates.
  public var shownBounds: Rect {
    let m = metrics
    let box = localBounds
    let pieces = self.pieces
    guard let first = pieces.first, let last = pieces.last else { return Rect(center: box.center, size: .zero) }
    let lastWidth =
      last.text == suffix && !suffix.isEmpty
      ? m.suffixWidth : last.text == "." ? m.pointWidth : m.digitAdvances[Int(last.text) ?? 0]
    return Rect(x: box.minX + first.x, y: box.minY, width: last.x + lastWidth - first.x, height: box.height)
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
    reserving range: ClosedRange<Double>? = nil, centered: Bool = false, font: Font, color: Color,
    at position: Point = .zero, measurer: TextMeasurer
  ) -> Node {
    let range = range ?? value...value
    let largest = max(abs(range.lowerBound), abs(range.upperBound))
    let integerDigits = max(1, String(format: "%.\(max(decimals, 0))f", largest).prefix { $0 != "." }.count)
    let content = CounterContent(
      value: value, decimals: decimals, prefix: prefix, suffix: suffix, font: font,
      integerDigits: integerDigits, signed: range.lowerBound < 0, centered: centered,
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
