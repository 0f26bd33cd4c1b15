import Foundation

/// The values a heatmap's colours stand for: 0 to `upperBound`, with ticks at round
/// values, and for a diverging colormap a centre at the uniform weight 1/n, so colours
/// above and below it read as "more than uniform" and "less than uniform".
public struct ColorScale: Sendable, Hashable {
  /// The weight shown as the colormap's last colour.
  public let upperBound: Double
  /// The weight shown as the colormap's middle colour (diverging maps), else `nil`.
  public let center: Double?
  /// Round values to mark on the colorbar, 0 and `upperBound` included.
  public let ticks: [Double]

  /// How the top of the scale is chosen.
  public enum Top: Sendable, Hashable {
    /// A round number just above the largest weight: more contrast, but the same colour
    /// means different weights for different sentences.
    case auto
    /// A fixed weight (1 by default: a probability's whole range).
    case value(Double)
  }

  /// The smallest round number (1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or
  /// above `value`, at most 1: the top of a scale clipped at a percentile.
  public static func roundedUp(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    let power = pow(10, (log10(value)).rounded(.down))
    let mantissas = [1.0, 2, 2.5, 3, 4, 5, 6, 8, 10]
    let top = (mantissas.first { $0 * power >= value * (1 - 1e-12) } ?? 10) * power
    return min(1, top)
  }

  public init(top: Top, largest: Double, center: Double? = nil) {
    let upper: Double
    switch top {
    case .value(let value): upper = value
    case .auto:
      let ceilings = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0]
      upper = ceilings.first { $0 >= largest - 1e-9 } ?? 1.0
    }
    // Below 0.1 (a clipped scale for long sequences) the steps shrink by powers of ten.
    let steps =
      upper < 0.1
      ? (1...6).reversed().flatMap { k in [1.0, 2, 2.5, 5].map { $0 * pow(10, -Double(k)) } }
      : [0.05, 0.1, 0.2, 0.25, 0.5]
    let step = steps.first { upper / $0 <= 5 + 1e-9 } ?? upper / 5
    var ticks = stride(from: 0, through: upper + 1e-9, by: step).map { ($0 / step).rounded() * step }
    if let last = ticks.last, upper - last > step * 0.4 { ticks.append(upper) } else { ticks[ticks.count - 1] = upper }
    self.upperBound = upper
    self.ticks = ticks
    self.center = center.flatMap { $0 > 0 && $0 < upper ? $0 : nil }
  }

  /// A tick's label: as few decimals as it needs ("0", "0.2", "0.25", "1", "0.004").
  public static func label(_ value: Double) -> String {
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
