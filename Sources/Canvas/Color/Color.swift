import Foundation

/// An sRGB colour with straight (not premultiplied) alpha, each channel in [0, 1].
public struct Color: Sendable, Hashable, Codable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// A colour from 8-bit channels.
  public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
    self.init(
      red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255,
      alpha: Double(a) / 255)
  }

  /// A colour from a packed `0xRRGGBB` value.
  public init(rgb: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((rgb >> 16) & 0xFF) / 255, green: Double((rgb >> 8) & 0xFF) / 255,
      blue: Double(rgb & 0xFF) / 255, alpha: alpha)
  }

  public static let black = Color(red: 0, green: 0, blue: 0)
  public static let white = Color(red: 1, green: 1, blue: 1)
  public static let clear = Color(red: 0, green: 0, blue: 0, alpha: 0)

  /// The same colour with alpha multiplied by `factor`.
  public func withAlpha(_ factor: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha * factor)
  }

  /// Channel-wise interpolation in sRGB.
  public func interpolated(to other: Color, _ t: Double) -> Color {
    Color(
      red: lerp(red, other.red, t), green: lerp(green, other.green, t),
      blue: lerp(blue, other.blue, t), alpha: lerp(alpha, other.alpha, t))
  }

  /// WCAG relative luminance: the sRGB channels linearised, weighted 0.2126/0.7152/0.0722.
  public var relativeLuminance: Double {
    func linear(_ c: Double) -> Double {
      c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG contrast ratio with another opaque colour, from 1 (none) to 21.
  public func contrast(with other: Color) -> Double {
    let (a, b) = (relativeLuminance, other.relativeLuminance)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// Black or white, whichever contrasts more with this colour: at least √21 ≈ 4.58 : 1 on
  /// any colour, so a number printed on a cell always reads (WCAG AA).
  public var contrastingText: Color {
    contrast(with: .black) >= contrast(with: .white) ? .black : .white
  }
}
