/// A font request: family (resolved through fontconfig), size in user-space units, weight
/// and slant. Sizes are absolute, so text scales exactly with the canvas transform.
public struct Font: Sendable, Hashable {
  public enum Weight: Int, Sendable, Hashable {
    case light = 300
    case regular = 400
    case medium = 500
    case semibold = 600
    case bold = 700
  }

  public var family: String
  public var size: Double
  public var weight: Weight
  public var italic: Bool
  /// The language to shape text in (`zh-cn`, `ja`, `ko`, …), which picks glyph shapes for
  /// Han characters; `nil`: worked out from each string alone.
  public var language: String?

  public init(family: String = Font.sans, size: Double, weight: Weight = .regular, italic: Bool = false) {
    self.family = family
    self.size = size
    self.weight = weight
    self.italic = italic
  }

  /// DejaVu Sans, the default UI face (Debian's fonts-dejavu-core).
  public static let sans = "DejaVu Sans"
  /// Latin Modern Roman, for math that should look like TeX (Debian's fonts-lmodern).
  public static let math = "Latin Modern Roman"
  /// DejaVu Sans Mono, for numbers that line up.
  public static let mono = "DejaVu Sans Mono"

  /// The language for East Asian text in `texts` taken together: Japanese if any has kana,
  /// else Korean if any has Hangul, else Chinese if any has Han characters; `nil` otherwise.
  /// Setting it on every font of a figure keeps one sentence's kanji in Japanese shapes.
  public static func language(for texts: [String]) -> String? {
    let found = Set(texts.compactMap(TextLayout.language(of:)))
    return ["ja", "ko", "zh-cn"].first { found.contains($0) }
  }

  public func withLanguage(_ language: String?) -> Font {
    var copy = self
    copy.language = language
    return copy
  }

  public func withSize(_ size: Double) -> Font {
    var copy = self
    copy.size = size
    return copy
  }
}

/// The measured extents of one line of text, relative to where it is drawn.
public struct TextMetrics: Sendable, Hashable {
  /// The box the text occupies for layout (advance widths and the font's line height).
  public var logical: Rect
  /// The box of the pixels the glyphs actually cover.
  public var ink: Rect
  /// Distance from the top of the logical box to the baseline.
  public var baseline: Double
  /// Characters no installed font could draw (shown as boxes): 0 when every script and
  /// emoji found a font.
  public var unknownGlyphs: Int

  public var width: Double { logical.width }
  public var height: Double { logical.height }
}
