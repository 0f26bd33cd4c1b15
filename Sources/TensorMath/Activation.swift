import Foundation

/// The activation functions of a neural network's hidden layers.
public enum Activation: String, CaseIterable, Sendable {
  case relu, sigmoid, tanh, gelu

  /// The function's value at `x`. GELU is the exact x·Φ(x), Φ the standard normal CDF.
  public func callAsFunction(_ x: Double) -> Double {
    switch self {
    case .relu: return max(0, x)
    case .sigmoid: return 1 / (1 + Foundation.exp(-x))
    case .tanh: return Foundation.tanh(x)
    case .gelu: return x * 0.5 * (1 + erf(x / 2.0.squareRoot()))
    }
  }

  /// The name as written in formulas (`\mathrm{ReLU}`).
  public var displayName: String {
    switch self {
    case .relu: return "ReLU"
    case .sigmoid: return "σ"
    case .tanh: return "tanh"
    case .gelu: return "GELU"
    }
  }

  /// Whether the function suits He initialisation (ReLU-like) rather than Xavier.
  public var isRectifying: Bool { self == .relu || self == .gelu }
}
