import Reel

/// Which frames of a clip a render draws: how many, the number each one carries (the
/// frame's index in the whole clip, which names its PNG file), and its time.
///
/// Frame k of a clip is at k / rate whichever process draws it, so a range rendered on its
/// own is the same frames, byte for byte, as that part of a whole render.
public struct FrameSchedule: Sendable, Equatable {
  /// Frames per second: frame k is at k / rate.
  public let rate: FrameRate
  /// The number of the first frame.
  public let first: Int
  /// How many frames are drawn.
  public let count: Int
  /// The time of the last frame when it must be exactly a section's end rather than on
  /// the rate's grid (so a section's clip stops on its slide).
  public let lastTime: Double?

  public init(rate: FrameRate, first: Int = 0, count: Int, lastTime: Double? = nil) {
    self.rate = rate
    self.first = first
    self.count = count
    self.lastTime = lastTime
  }

  /// Every frame of `timeline`'s clip: duration × rate of them, rounded.
  public static func whole(of timeline: Timeline, rate: FrameRate) -> FrameSchedule {
    FrameSchedule(rate: rate, count: timeline.frameCount(rate: rate.value))
  }

  /// The frames from `start` to `end` seconds: those on the grid in between, and a last
  /// one at exactly `end`. A span shorter than a frame is that one last frame.
  public static func span(from start: Double, to end: Double, rate: FrameRate) -> FrameSchedule {
    let first = Int((start * rate.value - 1e-9).rounded(.up))
    let last = Int((end * rate.value + 1e-9).rounded(.down))
    guard last >= first else { return FrameSchedule(rate: rate, first: last + 1, count: 1, lastTime: end) }
    let onGrid = abs(rate.time(ofFrame: last) - end) < 1e-9
    return FrameSchedule(rate: rate, first: first, count: last - first + (onGrid ? 1 : 2), lastTime: end)
  }

  /// Frames `range` of this schedule, by number.
  public func frames(_ range: ClosedRange<Int>) -> FrameSchedule {
    FrameSchedule(rate: rate, first: range.lowerBound, count: range.count, lastTime: nil)
  }

  /// The numbers of the frames drawn.
  public var numbers: Range<Int> { first..<(first + count) }

  /// The time of the frame numbered `number`.
  public func time(of number: Int) -> Double {
    if let lastTime, number == first + count - 1 { return lastTime }
    return rate.time(ofFrame: number)
  }
}
