/// The value range of a colorbar and its tick marks: from 0 to a round number just above
/// the largest value, with at most six ticks at a round step.
public struct ColorbarScale: Sendable, Hashable {
  public let upperBound: Double
  public let ticks: [Double]

  public init(maximum: Double) {
    let ceilings = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0]
    let upper = ceilings.first { $0 >= maximum - 1e-9 } ?? 1.0
    let step = [0.05, 0.1, 0.2, 0.25].first { upper / $0 <= 5 + 1e-9 } ?? 0.25
    let count = Int((upper / step).rounded())
    upperBound = upper
    ticks = (0...count).map { Double($0) * step }
  }
}
