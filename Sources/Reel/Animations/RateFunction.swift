import Foundation

/// Maps an animation's linear progress t ∈ [0, 1] to eased progress, as Manim's rate
/// functions do. Every function gives 0 at t = 0 and 1 at t = 1, except `thereAndBack`,
/// which returns to 0.
public enum RateFunction: String, Sendable, Hashable, CaseIterable {
  case linear
  /// Manim's default: a logistic curve, slow at both ends.
  case smooth
  case easeInCubic
  case easeOutCubic
  case easeInOutCubic
  /// Up to 1 at the middle, back to 0 at the end (smoothly).
  case thereAndBack
  /// Starts slowly and ends at full speed.
  case rushInto
  /// Starts at full speed and ends slowly.
  case rushFrom

  public func callAsFunction(_ t: Double) -> Double {
    // Exactly 0 and 1 at the ends, so a finished animation lands on its target value.
    if t <= 0 { return 0 }
    if t >= 1 { return self == .thereAndBack ? 0 : 1 }
    switch self {
    case .linear: return t
    case .smooth: return Self.logistic(t)
    case .easeInCubic: return t * t * t
    case .easeOutCubic: return 1 - pow(1 - t, 3)
    case .easeInOutCubic: return t < 0.5 ? 4 * t * t * t : 1 - pow(-2 * t + 2, 3) / 2
    case .thereAndBack: return Self.logistic(t < 0.5 ? 2 * t : 2 * (1 - t))
    case .rushInto: return 2 * Self.logistic(t / 2)
    case .rushFrom: return 2 * Self.logistic(t / 2 + 0.5) - 1
    }
  }

  /// Logistic smoothstep with inflection 10, rescaled to hit 0 and 1 exactly.
  static func logistic(_ t: Double) -> Double {
    func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    let error = sigmoid(-5)
    return min(max((sigmoid(10 * (t - 0.5)) - error) / (1 - 2 * error), 0), 1)
  }
}
