import Canvas
import TensorMath

/// The numbers the softmax scene shows, computed once from the logits: each bar's value
/// and height at any stage (0 logits, 1 exponentials, 2 probabilities) and temperature.
public struct SoftmaxStages: Sendable, Hashable {
  public let logits: [Double]
  /// The temperature of the first steps.
  public let temperature: Double
  /// Subtracted from every `zᵢ / T` before exponentiating: 0 while the largest `exp` stays
  /// readable (between e⁻⁶ ≈ 0.0025 and e⁶ ≈ 403), else the largest `zᵢ / T`, as
  /// numerically careful code does.
  public let shift: Double
  /// `exp(zᵢ / T − shift)` at the first temperature.
  public let exponentials: [Double]

  /// The largest exponent shown without shifting.
  static let readableExponent = 6.0

  public init(logits: [Double], temperature: Double) {
    self.logits = logits
    self.temperature = temperature
    let largest = Softmax.shift(logits, temperature: temperature)
    shift = abs(largest) > Self.readableExponent ? largest : 0
    exponentials = Softmax.exponentials(logits, temperature: temperature, shift: shift)
  }

  public var count: Int { logits.count }

  /// Σ exp(zᵢ / T − shift): what the exponentials are divided by.
  public var sum: Double { exponentials.reduce(0, +) }

  /// Exact probabilities at temperature `t`.
  public func probabilities(at t: Double) -> [Double] {
    Softmax.probabilities(logits, temperature: t)
  }

  /// Probabilities at `t` as shown: two decimals that add up to exactly 1.00.
  public func shownProbabilities(at t: Double) -> [Double] {
    Softmax.roundedKeepingSum(probabilities(at: t), decimals: 2)
  }

  /// The bar with the largest logit (the first, on a tie): the same at every temperature.
  public var largest: Int { logits.indices.max { logits[$0] < logits[$1] } ?? 0 }

  /// What bar `index` shows at `stage`, moving between the stages' values.
  public func value(_ index: Int, stage: Double, temperature t: Double) -> Double {
    if stage <= 1 { return lerp(logits[index], exponentials[index], max(stage, 0)) }
    let shown = shownProbabilities(at: t)[index]
    return stage >= 2 ? shown : lerp(exponentials[index], shown, stage - 1)
  }

  /// Bar `index` at `stage` as a signed height in plot heights (1 = the plot's full
  /// height) above a baseline at `baseline` plot heights from the bottom.
  public func bar(_ index: Int, stage: Double, temperature t: Double) -> (height: Double, baseline: Double) {
    let logit = logitBar(index)
    let exponential = (height: exponentials[index] / (exponentials.max() ?? 1), baseline: 0.0)
    if stage <= 1 {
      let s = max(stage, 0)
      return (lerp(logit.height, exponential.height, s), lerp(logit.baseline, 0, s))
    }
    let probability = probabilities(at: t)[index]
    return stage >= 2 ? (probability, 0) : (lerp(exponential.height, probability, stage - 1), 0)
  }

  /// Logits may be negative: the zero line sits so that the largest positive and negative
  /// logits both fit in the plot.
  private func logitBar(_ index: Int) -> (height: Double, baseline: Double) {
    let top = max(logits.max() ?? 0, 0)
    let bottom = min(logits.min() ?? 0, 0)
    let span = top - bottom > 0 ? top - bottom : 1
    return (logits[index] / span, -bottom / span)
  }
}
