import Canvas

/// The colours a scene draws with, handed to it when it is recorded, so one scene renders
/// for a white handout or a dark lecture hall — and, with a transparent background, with
/// ink that reads on the slide it will sit on.
///
/// Scenes take every colour from the theme (`scene.theme.ink`), never from constants, so
/// the same thing keeps the same colour across a scene and across themes.
public struct Theme: Sendable, Hashable {
  /// The name users type: `light`, `dark`.
  public let name: String
  public let background: Color
  /// Main text and lines.
  public let ink: Color
  /// Secondary text: subtitles, axis titles, ticks, captions.
  public let muted: Color
  /// Hairlines, frames, grid lines.
  public let rule: Color
  /// Panels and tracks set slightly apart from the background.
  public let surface: Color
  /// What the viewer should look at now.
  public let accent: Color
  /// The colour of a brief pulse (`indicate`).
  public let highlight: Color
  /// Data drawn as marks (bars, dots): the main series and a second one beside it.
  public let primary: Color
  public let secondary: Color
  /// Queries, keys and values: one colour each, in every formula, matrix, label and arrow
  /// of an attention figure.
  public let query: Color
  public let key: Color
  public let value: Color
  /// A masked heatmap cell: its tile and hatching.
  public let maskFill: Color
  public let maskHatch: Color
  /// Other accents, for when `accent` is a colour the data itself uses (see
  /// `accent(against:)`).
  public let alternativeAccents: [Color]

  /// The accent for a figure coloured by `colormap`: of `accent` and the alternatives, the
  /// one farthest from every colour the map uses for data, so emphasis is never read as a
  /// value (orange on viridis; blue or green on magma, whose data runs through orange).
  public func accent(against colormap: Colormap) -> Color {
    colormap.farthest(of: [accent] + alternativeAccents) ?? accent
  }

  /// Dark ink on white: handouts, projectors, printed slides.
  public static let light = Theme(
    name: "light", background: Color(rgb: 0xFFFFFF), ink: Color(rgb: 0x1F2430), muted: Color(rgb: 0x5B6170),
    rule: Color(rgb: 0xC9CCD3), surface: Color(rgb: 0xF1F2F5), accent: Color(rgb: 0xE4572E),
    highlight: Color(rgb: 0xF2B134), primary: Color(rgb: 0x2F6FD0), secondary: Color(rgb: 0x7B5CC4),
    query: Color(rgb: 0x2F6FD0), key: Color(rgb: 0x00875A), value: Color(rgb: 0xC2187A),
    maskFill: Color(rgb: 0xE4E4E7), maskHatch: Color(rgb: 0xB8B8C0),
    alternativeAccents: [Color(rgb: 0x0072C6), Color(rgb: 0x00875A), Color(rgb: 0xC2187A)])

  /// Light ink on near-black: screens and dark lecture halls.
  public static let dark = Theme(
    name: "dark", background: Color(rgb: 0x15171C), ink: Color(rgb: 0xE9EBEF), muted: Color(rgb: 0xA4AAB6),
    rule: Color(rgb: 0x3C414C), surface: Color(rgb: 0x23262E), accent: Color(rgb: 0xFF8058),
    highlight: Color(rgb: 0xF5C451), primary: Color(rgb: 0x5C9BF0), secondary: Color(rgb: 0xA68BEA),
    query: Color(rgb: 0x5C9BF0), key: Color(rgb: 0x3CCB8F), value: Color(rgb: 0xFF6AC1),
    maskFill: Color(rgb: 0x2B2E36), maskHatch: Color(rgb: 0x4B505C),
    alternativeAccents: [Color(rgb: 0x4FB3FF), Color(rgb: 0x3CCB8F), Color(rgb: 0xFF6AC1)])

  /// Every built-in theme, in the order `--help` lists them.
  public static let all: [Theme] = [.light, .dark]

  /// The built-in theme called `name` (case-insensitive), if any.
  public static func named(_ name: String) -> Theme? {
    all.first { $0.name == name.lowercased() }
  }
}
