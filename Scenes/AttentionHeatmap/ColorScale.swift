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

  public init(top: Top, largest: Double, center: Double? = nil) {
    let upper: Double
    switch top {
    case .value(let value): upper = value
    case .auto:
      let ceilings = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0]
      upper = ceilings.first { $0 >= largest - 1e-9 } ?? 1.0
    }
    let step = [0.05, 0.1, 0.2, 0.25, 0.5].first { upper / $0 <= 5 + 1e-9 } ?? upper / 5
    var ticks = stride(from: 0, through: upper + 1e-9, by: step).map { ($0 / step).rounded() * step }
    if let last = ticks.last, upper - last > step * 0.4 { ticks.append(upper) } else { ticks[ticks.count - 1] = upper }
    self.upperBound = upper
    self.ticks = ticks
    self.center = center.flatMap { $0 > 0 && $0 < upper ? $0 : nil }
  }

  /// A tick's label: as few decimals as it needs ("0", "0.2", "0.25", "1").
  public static func label(_ value: Double) -> String {
    var text = String(format: "%.2f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
