import Canvas
import Reel

/// The frame of a step-by-step scene whose sections are slides: a numbered title, a
/// caption that says what the step does (wrapped into balanced lines), a footnote at the
/// bottom, and the space left between them for the content.
public struct SlideHeading: Sendable {
  public var title: PlacedText
  public var caption: [PlacedText]
  /// Where the section's content goes.
  public var content: Rect

  /// Side margins: narrower on a portrait frame.
  public static func margin(for frame: Size) -> Double { frame.width < frame.height ? 28 : 56 }

  /// The footnote: the first of `candidates` that fits the frame's width, centred at the
  /// bottom.
  public static func footnote(_ candidates: [String], frame: Size, theme: Theme, measurer m: TextMeasurer)
    -> PlacedText
  {
    let usable = frame.width - 2 * margin(for: frame)
    let font = Font(size: 17)
    var note =
      candidates.lazy.map { PlacedText($0, font: font, color: theme.muted, measurer: m) }.first {
        $0.size.width <= usable
      }
      ?? PlacedText.fitted(
        candidates.last ?? "", font: font, color: theme.muted, maxWidth: usable, minimumSize: 13, measurer: m)
    note.center = Point(frame.width / 2, frame.height - 18 - note.size.height / 2)
    return note
  }

  /// Section `number` (from 1) titled `title` with `caption`, above `footnote`.
  public init(
    number: Int, title text: String, caption text2: String, frame: Size, footnote: PlacedText, theme: Theme,
    measurer m: TextMeasurer
  ) {
    let portrait = frame.width < frame.height
    let margin = Self.margin(for: frame)
    let usable = frame.width - 2 * margin
    title = PlacedText.fitted(
      "\(number) · \(text)", font: Font(size: portrait ? 34 : 40, weight: .semibold), color: theme.ink,
      maxWidth: usable, minimumSize: 24, measurer: m)
    title.center = Point(frame.width / 2, 28 + title.size.height / 2)
    let wrapped = RichText(
      [TextRun(text2, font: Font(size: portrait ? 21 : 23), color: theme.muted)], maxWidth: min(usable, 1300),
      balanced: true, measurer: m)
    let top = title.box.maxY + 8
    caption = wrapped.placed(at: Point(frame.width / 2 - wrapped.size.width / 2, top))
    let contentTop = top + wrapped.size.height + 26
    content = Rect(x: margin, y: contentTop, width: usable, height: footnote.box.minY - 20 - contentTop)
  }

  /// Every box of text in the heading.
  public var boxes: [Rect] { [title.box] + caption.map(\.box) }
}
