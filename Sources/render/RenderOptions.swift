import ArgumentParser
import Export
import Foundation
import Reel

extension OutputFormat: ExpressibleByArgument {}

/// The options every scene shares: size, frame rate, format, theme, where outputs go.
struct RenderOptions: ParsableArguments {
  @Flag(help: "Quality preset (Manim's).")
  var quality: Quality = .high

  // Numbers are parsed unconditionally, so `--at -1` is a value (refused with a reason),
  // not a missing one.
  @Option(parsing: .unconditional, help: "Output size as WIDTHxHEIGHT, e.g. 1600x900 (overrides the preset's).")
  var resolution: String?

  @Option(
    parsing: .unconditional,
    help: "Frames per second (overrides the preset's); a GIF plays at 100/k (default 25).",
    transform: RenderOptions.whole)
  var fps: Int?

  @Option(help: "Output format; png writes the numbered frames.")
  var format: OutputFormat = .mp4

  @Option(
    parsing: .unconditional, help: "Render one still at this time in seconds, or 'end' for the last frame, as a PNG.",
    transform: StillTime.parse)
  var at: StillTime?

  @Flag(name: .customShort("s"), help: "Render the last frame as a still (as --at end; Manim's -s).")
  var lastFrame = false

  /// The still asked for, if any.
  var still: StillTime? { lastFrame ? .end : at }

  @Option(
    help: ArgumentHelp(
      "Write slides, one per section: png (images in slides/), pdf (a vector deck), svg, html (a click-through deck that plays each section), or all; a comma-separated list. Alone, --slides means png,pdf.",
      valueName: "kinds"),
    transform: SlideKinds.parse)
  var slides: SlideKinds?

  @Option(
    help: ArgumentHelp(
      "Render only frames A to B (numbered from 0, as the PNG files are), or A- to the end: PNGs into the frames folder, or an mp4/webm segment for 'render join'.",
      valueName: "A-B"),
    transform: FrameRange.parse)
  var frames: FrameRange?

  @Option(
    help: ArgumentHelp(
      "Render part K of N equal frame ranges (1 ≤ K ≤ N), for spreading one clip over N workers.", valueName: "K/N"),
    transform: FramePart.parse)
  var part: FramePart?

  @Option(help: "Base name of the outputs and their folder (default: the scene's name).")
  var name: String?

  @Option(
    parsing: .unconditional, help: "Frames drawn at once (default: one per core).",
    transform: RenderOptions.whole)
  var threads: Int?

  @Option(help: "Colours: light (dark ink on white) or dark (light ink on near-black).")
  var theme: ThemeName = .light

  @Flag(help: "Keep the background transparent (png and webm, and stills); pick the theme of the slide it goes on.")
  var transparent = false

  @Option(help: "Folder for outputs; each scene writes into its own subfolder.")
  var output = "Output"

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  @Flag(help: "Print the clip's length and its sections (name, start, end in seconds), then exit.")
  var sections = false

  /// Set by `render batch`: print progress as lines, and record the outputs with this key.
  @Flag(name: .customLong("progress-lines"), help: .hidden)
  var progressLines = false

  @Option(name: .customLong("record-key"), help: .hidden)
  var recordKey: String?

  @Option(help: "The ffmpeg program to run (default: REEL_FFMPEG, else ffmpeg on PATH).")
  var ffmpeg: String?

  @Option(
    name: .customLong("ffmpeg-timeout"), parsing: .unconditional,
    help: "Seconds ffmpeg may go without reading a frame before the render stops it (default 60).",
    transform: RenderOptions.seconds)
  var ffmpegTimeout: Double = 60

  static func whole(_ text: String) throws -> Int {
    guard let value = Int(text) else { throw ValidationError("write a whole number, like 30") }
    return value
  }

  static func seconds(_ text: String) throws -> Double {
    guard let value = Double(text), value > 0, value.isFinite else {
      throw ValidationError("write a number of seconds above 0, like 60")
    }
    return value
  }
}

/// `--at`: a time in seconds, or the end of the clip.
enum StillTime: Equatable {
  case seconds(Double)
  case end

  static func parse(_ text: String) throws -> StillTime {
    if text.lowercased() == "end" { return .end }
    guard let seconds = Double(text), seconds.isFinite else {
      throw ValidationError("write a time in seconds, like 2.5, or 'end'")
    }
    return .seconds(seconds)
  }
}

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

/// `--part K/N`: the K-th of N near-equal frame ranges.
struct FramePart: Equatable {
  let index: Int
  let count: Int

  static func parse(_ text: String) throws -> FramePart {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(index)
    else { throw ValidationError("write K/N with 1 ≤ K ≤ N, like 2/4") }
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

/// `--slides`: which kinds of slides to write.
struct SlideKinds: Equatable {
  enum Kind: String, CaseIterable { case png, pdf, svg, html }
  let kinds: Set<Kind>

  /// What a bare `--slides` means.
  static let defaultValue = "png,pdf"

  static func parse(_ text: String) throws -> SlideKinds {
    var kinds: Set<Kind> = []
    for word in text.lowercased().split(separator: ",") {
      let word = word.trimmingCharacters(in: .whitespaces)
      if word == "all" {
        kinds.formUnion(Kind.allCases)
      } else if let kind = Kind(rawValue: word) {
        kinds.insert(kind)
      } else {
        throw ValidationError("'\(word)' is not a kind of slides; use png, pdf, svg, html or all")
      }
    }
    guard !kinds.isEmpty else { throw ValidationError("name the slides to write: png, pdf, svg, html or all") }
    return SlideKinds(kinds: kinds)
  }

  func contains(_ kind: Kind) -> Bool { kinds.contains(kind) }
}

/// `--theme`: the built-in themes by name.
enum ThemeName: String, ExpressibleByArgument, CaseIterable {
  case light, dark

  var theme: Theme {
    switch self {
    case .light: return .light
    case .dark: return .dark
    }
  }
}
