import Canvas

/// The colours every scene draws with, so the same thing keeps the same colour everywhere.
public enum Palette {
  public static let background = Color(rgb: 0xFFFFFF)
  /// Main text.
  public static let ink = Color(rgb: 0x1F2430)
  /// Secondary text: subtitles, axis titles, ticks.
  public static let muted = Color(rgb: 0x5B6170)
  /// Hairlines and frames.
  public static let rule = Color(rgb: 0xC9CCD3)
  /// What the viewer should look at now.
  public static let accent = Color(rgb: 0xE4572E)
}
