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

  @Option(help: "Render one still at this time in seconds, as a PNG.")
  var at: Double?

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
