import Foundation

/// Tick values at round numbers: steps of 1, 2 or 5 times a power of ten, as many as fit
/// without crowding (matplotlib's and every hand-drawn figure's choice).
public enum NiceTicks {
  /// The round step that gives at most `maxCount` ticks over `range`: the smallest of
  /// 1, 2, 5 × 10ⁿ that does.
  public static func step(for range: ClosedRange<Double>, maxCount: Int = 6) -> Double {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite, maxCount > 1 else { return 1 }
    let raw = span / Double(maxCount - 1)
    let power = pow(10, floor(log10(raw)))
    for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * (1 - 1e-9) {
      return multiple * power
    }
    return 10 * power
  }

  /// The multiples of `step(for:maxCount:)` inside `range` (ends included when they are
  /// multiples), each rounded so that 0.30000000000000004 reads 0.3.
  public static func ticks(in range: ClosedRange<Double>, maxCount: Int = 6) -> [Double] {
    let step = step(for: range, maxCount: maxCount)
    let first = (range.lowerBound / step - 1e-9).rounded(.up)
    let last = (range.upperBound / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    let decimals = max(0, -Int(floor(log10(step))) + 1)
    let scale = pow(10, Double(decimals))
    return stride(from: first, through: last, by: 1).map { k in
      let value = (k * step * scale).rounded() / scale
      return value == 0 ? 0 : value  // never −0
    }
  }

  /// A tick value as text: as few decimals as the step needs, a true minus sign.
  public static func label(_ value: Double, step: Double) -> String {
    let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
    let text = String(format: "%.\(decimals)f", abs(value))
    let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
    return (value < 0 && !isZero ? "\u{2212}" : "") + text
  }
}
