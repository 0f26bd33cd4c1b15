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

  @Option(
    help:
      "x264 preset for mp4 (ultrafast … veryslow, default veryfast): slower presets make smaller files at the same --crf.",
    transform: RenderOptions.preset)
  var preset: X264Preset?

  @Option(
    parsing: .unconditional,
    help: "Constant rate factor for mp4 (0-51, default 18) or webm (0-63, default 32): lower is better and larger.",
    transform: RenderOptions.whole)
  var crf: Int?

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

  static func preset(_ text: String) throws -> X264Preset {
    guard let preset = X264Preset(rawValue: text) else {
      throw ValidationError("write one of \(X264Preset.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return preset
  }

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
