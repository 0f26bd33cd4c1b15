/// What a segment rendered with `--frames` is, written into its metadata (`comment`) so
/// `render join` can check that segments fit together:
/// `reel frames=0-176 total=708 options=3f2a… name=attention-heatmap` (the name last: it
/// may hold spaces). `options` is a digest of the options that decide the pictures, so
/// parts rendered with another theme or another scene option are not joined.
public struct SegmentLabel: Sendable, Equatable, CustomStringConvertible {
  public let name: String
  public let frames: ClosedRange<Int>
  /// Frames in the whole clip.
  public let total: Int
  /// A digest of the options that decide the pictures.
  public let options: String

  public init(name: String, frames: ClosedRange<Int>, total: Int, options: String) {
    self.name = name
    self.frames = frames
    self.total = total
    self.options = options
  }

  public var description: String {
    "reel frames=\(frames.lowerBound)-\(frames.upperBound) total=\(total) options=\(options) name=\(name)"
  }

  /// Reads a label back; nil for anything else (a clip Reel did not write as a segment).
  public init?(_ text: String) {
    let words = text.split(separator: " ", maxSplits: 4)
    guard words.count == 5, words[0] == "reel", words[1].hasPrefix("frames="), words[2].hasPrefix("total="),
      words[3].hasPrefix("options="), words[4].hasPrefix("name=")
    else { return nil }
    let bounds = words[1].dropFirst(7).split(separator: "-").compactMap { Int($0) }
    // Bounds a clip can have: no range whose size overflows.
    guard bounds.count == 2, bounds[0] >= 0, bounds[0] <= bounds[1], bounds[1] < Int(Int32.max),
      let total = Int(words[2].dropFirst(6)), total > bounds[1], total < Int(Int32.max)
    else { return nil }
    self.init(
      name: String(words[4].dropFirst(5)), frames: bounds[0]...bounds[1], total: total,
      options: String(words[3].dropFirst(8)))
  }
}
