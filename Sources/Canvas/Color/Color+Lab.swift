import Foundation

extension Color {
  /// CIE L*a*b* (D65) of the colour: lightness 0–100 and two opponent axes, where equal
  /// distances look roughly equally different.
  public var lab: (l: Double, a: Double, b: Double) {
    func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    let (r, g, b) = (linear(red), linear(green), linear(blue))
    // sRGB → XYZ, divided by white's own XYZ (D65) so white is exactly L* 100, a* = b* = 0.
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089
    func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
  }

  /// How different two colours look (CIE ΔE 1976: distance in L*a*b*; about 2.3 is just
  /// noticeable, 20 and more is a clearly different colour).
  public func difference(from other: Color) -> Double {
    let (p, q) = (lab, other.lab)
    return ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
  }
}

extension Colormap {
  /// How far `color` is from every colour this map uses for data: the smallest ΔE to any
  /// entry. An accent far from all of them can never be mistaken for a value.
  public func distance(to color: Color) -> Double {
    table.map { color.difference(from: Color(rgb: $0)) }.min() ?? .infinity
  }

  /// Of `candidates`, the one farthest from every colour of this map.
  public func farthest(of candidates: [Color]) -> Color? {
    candidates.max { distance(to: $0) < distance(to: $1) }
  }
}
