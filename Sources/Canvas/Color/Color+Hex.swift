/// Why a hex colour string could not be read.
public struct HexColorError: Error, CustomStringConvertible, Equatable {
  public let text: String
  public var description: String {
    "'\(text)' is not a colour; use #RGB, #RRGGBB or #RRGGBBAA with hex digits"
  }
}

extension Color {
  /// A colour from `#RGB`, `#RRGGBB` or `#RRGGBBAA` (the `#` is optional).
  public init(hex text: String) throws {
    var digits = Substring(text)
    if digits.hasPrefix("#") { digits = digits.dropFirst() }
    guard digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else {
      throw HexColorError(text: text)
    }
    switch digits.count {
    case 3:
      let r = (value >> 8) & 0xF
      let g = (value >> 4) & 0xF
      let b = value & 0xF
      self.init(rgb: (r * 17) << 16 | (g * 17) << 8 | b * 17)
    case 6:
      self.init(rgb: value)
    case 8:
      self.init(rgb: value >> 8, alpha: Double(value & 0xFF) / 255)
    default:
      throw HexColorError(text: text)
    }
  }

  /// `#RRGGBB`, or `#RRGGBBAA` when not opaque; channels rounded to the nearest byte.
  public var hex: String {
    func byte(_ c: Double) -> Int { Int((min(max(c, 0), 1) * 255).rounded()) }
    var parts = [red, green, blue].map(byte)
    if byte(alpha) != 255 { parts.append(byte(alpha)) }
    return "#" + parts.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined()
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
