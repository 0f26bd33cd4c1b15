/// What a segment rendered with `--frames` is, written into its metadata (`comment`) so
/// `render join` can check that segments fit together:
/// `reel frames=0-176 total=708 name=attention-heatmap` (the name last: it may hold spaces).
public struct SegmentLabel: Sendable, Equatable, CustomStringConvertible {
  public let name: String
  public let frames: ClosedRange<Int>
  /// Frames in the whole clip.
  public let total: Int

  public init(name: String, frames: ClosedRange<Int>, total: Int) {
    self.name = name
    self.frames = frames
    self.total = total
  }

  public var description: String {
    "reel frames=\(frames.lowerBound)-\(frames.upperBound) total=\(total) name=\(name)"
  }

  /// Reads a label back; nil for anything else (a clip Reel did not write as a segment).
  public init?(_ text: String) {
    let words = text.split(separator: " ", maxSplits: 3)
    guard words.count == 4, words[0] == "reel", words[1].hasPrefix("frames="), words[2].hasPrefix("total="),
      words[3].hasPrefix("name=")
    else { return nil }
    let bounds = words[1].dropFirst(7).split(separator: "-").compactMap { Int($0) }
    guard bounds.count == 2, bounds[0] <= bounds[1], let total = Int(words[2].dropFirst(6)) else { return nil }
    self.init(name: String(words[3].dropFirst(5)), frames: bounds[0]...bounds[1], total: total)
  }
}
