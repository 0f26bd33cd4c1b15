import Foundation

/// Softmax of one vector in double precision, with the steps a lesson shows one by one.
public enum Softmax {
  /// `exp(zᵢ / T − m) / Σⱼ exp(zⱼ / T − m)`, with `m` the largest `zᵢ / T` subtracted first
  /// so no exponential overflows (the result is the same as without it).
  ///
  /// ```swift
  /// Softmax.probabilities([2, 1, 0.1])  // [0.659, 0.242, 0.099]
  /// ```
  public static func probabilities(_ logits: [Double], temperature: Double = 1) -> [Double] {
    let exps = exponentials(logits, temperature: temperature, shift: shift(logits, temperature: temperature))
    let total = exps.reduce(0, +)
    return exps.map { $0 / total }
  }

  /// `exp(zᵢ / T − shift)`: the numerators before normalising.
  public static func exponentials(_ logits: [Double], temperature: Double = 1, shift: Double = 0) -> [Double] {
    logits.map { exp($0 / temperature - shift) }
  }

  /// The largest `zᵢ / T`: subtracting it keeps every exponential at most 1.
  public static func shift(_ logits: [Double], temperature: Double = 1) -> Double {
    (logits.map { $0 / temperature }.max() ?? 0)
  }

  /// Values that add up to `total`, each rounded to `decimals` places so the rounded values
  /// add up to exactly `total` too (largest remainder: round all down, then give the units
  /// left over to the values that lost most). Each result is within one unit of the last
  /// place of its value — how a row of probabilities is shown so it visibly sums to 1.
  ///
  /// ```swift
  /// Softmax.roundedKeepingSum([0.334, 0.333, 0.333], decimals: 2)  // [0.34, 0.33, 0.33]
  /// ```
  public static func roundedKeepingSum(_ values: [Double], decimals: Int, total: Double = 1) -> [Double] {
    let unit = pow(10, Double(decimals))
    let scaled = values.map { $0 * unit }
    var floors = scaled.map { $0.rounded(.down) }
    let units = Int((total * unit).rounded()) - Int(floors.reduce(0, +).rounded())
    let order = scaled.indices.sorted { scaled[$0] - floors[$0] > scaled[$1] - floors[$1] }
    for index in order.prefix(max(0, units)) { floors[index] += 1 }
    return floors.map { $0 / unit }
  }
}
