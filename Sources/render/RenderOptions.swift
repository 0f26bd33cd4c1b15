import ArgumentParser
import Export
import Reel

extension OutputFormat: ExpressibleByArgument {}

/// The options every scene shares: size, frame rate, format, theme, where outputs go.
struct RenderOptions: ParsableArguments {
  @Flag(help: "Quality preset (Manim's).")
  var quality: Quality = .high

  @Option(help: "Output size as WIDTHxHEIGHT, e.g. 1600x900 (overrides the preset's).")
  var resolution: String?

  @Option(help: "Frames per second (overrides the preset's).")
  var fps: Int?

  @Option(help: "Output format; png writes the numbered frames.")
  var format: OutputFormat = .mp4

  @Option(
    help: "Render one still at this time in seconds, or 'end' for the last frame, as a PNG.",
    transform: StillTime.parse)
  var at: StillTime?

  @Flag(name: .customShort("s"), help: "Render the last frame as a still (as --at end; Manim's -s).")
  var lastFrame = false

  /// The still asked for, if any.
  var still: StillTime? { lastFrame ? .end : at }

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
