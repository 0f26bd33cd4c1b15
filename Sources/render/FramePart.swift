import ArgumentParser

/// `--part K/N`: the K-th of N near-equal frame ranges.
struct FramePart: Equatable {
  let index: Int
  let count: Int
  /// More parts than this would be parts of no frames (and their products could overflow).
  static let maximum = 100_000

  static func parse(_ text: String) throws -> FramePart {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), (1...Self.maximum).contains(count),
      (1...count).contains(index)
    else { throw ValidationError("write K/N with 1 ≤ K ≤ N ≤ \(Self.maximum), like 2/4") }
    return FramePart(index: index, count: count)
  }

  /// This part's frames in a clip of `count` frames; parts differ in size by at most one.
  /// With more parts than frames, a part may hold nothing (nil).
  func resolved(frameCount total: Int) -> ClosedRange<Int>? {
    let first = total * (index - 1) / count
    let end = total * index / count
    return end > first ? first...(end - 1) : nil
  }
}
