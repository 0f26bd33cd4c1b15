import ArgumentParser
import Foundation

/// `--frames A-B`: frame numbers, inclusive; `A-` runs to the last frame.
struct FrameRange: Equatable {
  let first: Int
  let last: Int?

  static func parse(_ text: String) throws -> FrameRange {
    let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, let first = Int(parts[0]), first >= 0 else {
      throw ValidationError("write a range of frame numbers like 0-119, or 120- for the rest")
    }
    if parts[1].isEmpty { return FrameRange(first: first, last: nil) }
    guard let last = Int(parts[1]), last >= first else {
      throw ValidationError("write a range of frame numbers like 0-119, the first no larger than the last")
    }
    return FrameRange(first: first, last: last)
  }

  /// The range in a clip of `count` frames, or an error saying what the clip has.
  func resolved(frameCount count: Int) throws -> ClosedRange<Int> {
    let last = self.last ?? count - 1
    guard first < count, last < count else {
      throw CLIError.usage("--frames \(first)-\(last) is past the end: the clip has \(count) frames, 0-\(count - 1)")
    }
    return first...last
  }
}
