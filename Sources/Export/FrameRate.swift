/// Frames per second as a fraction, so rates such as 100/3 (a GIF's 3-centisecond frames)
/// are exact.
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
  public let numerator: Int
  public let denominator: Int

  public init(_ numerator: Int, per denominator: Int = 1) {
    self.numerator = numerator
    self.denominator = max(denominator, 1)
  }

  public var value: Double { Double(numerator) / Double(denominator) }

  /// As ffmpeg reads it: `60`, or `100/3`.
  public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

  /// The time of frame `index` in seconds.
  public func time(ofFrame index: Int) -> Double {
    Double(index) * Double(denominator) / Double(numerator)
  }

  /// GIF frame delays are whole hundredths of a second, so a GIF plays in real time only at
  /// 100/k frames per second; players also stretch delays under 2 hundredths. The rate for a
  /// GIF asked for at `requested` (25 when not asked): 100/k, k ≥ 2, nearest to it.
  public static func gif(requested: Int?) -> FrameRate {
    guard let requested, requested > 0 else { return FrameRate(25) }
    let hundredths = max(2, Int((100 / Double(requested)).rounded()))
    return 100 % hundredths == 0 ? FrameRate(100 / hundredths) : FrameRate(100, per: hundredths)
  }
}
