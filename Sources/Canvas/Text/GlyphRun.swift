/// One glyph of a shaped line of text. Coordinates are from the top-left corner of the
/// line's logical box, y down, in the same units as the font size.
public struct Glyph: Sendable, Hashable {
  /// The characters the glyph shows (a ligature shows several; a character drawn with
  /// several glyphs repeats on each).
  public var text: String
  /// The pen position on the baseline where the glyph is drawn.
  public var origin: Point
  /// How far the pen moves after it.
  public var advance: Double
  /// The box of the pixels it covers (empty for a space).
  public var ink: Rect
  /// Its outline as a path, ready to fill, stroke or morph. Empty for spaces, and for
  /// glyphs that are pictures rather than outlines (colour emoji).
  public var outline: Path
}

/// A line of text shaped into glyphs: what writing text stroke by stroke, morphing text
/// into text and placing formula parts are made from.
public struct GlyphRun: Sendable, Hashable {
  /// In visual order, left to right.
  public var glyphs: [Glyph]
  /// The line's logical box size (advance widths and the font's line height).
  public var size: Size
  /// Distance from the top of the logical box to the baseline.
  public var baseline: Double

  /// Every glyph's outline in one path.
  public var outline: Path {
    var path = Path()
    for glyph in glyphs { path.append(glyph.outline) }
    return path
  }
}
