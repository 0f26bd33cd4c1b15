import Canvas
import Foundation
import Reel

/// The caption about the focus query and, when there is room, its row lifted out as a
/// ranked list: each key's weight as a bar with its value, the rest summed, and the total.
///
/// Tokens the caption names are in the accent colour (as on the axes) and kept whole,
/// wrapping onto more lines; only a token longer than two lines is shortened in its middle.
/// Numbers are never cut.
public struct FocusPanel: Sendable {
  /// One line of the ranked list.
  public struct Entry: Sendable {
    public var label: PlacedText
    /// The full-length track (weight 1) and the bar on it.
    public var track: Rect
    public var bar: Rect
    public var value: PlacedText
    /// Whether the caption names this key.
    public var named: Bool
  }

  public var caption: [PlacedText]
  public var heading: PlacedText?
  public var entries: [Entry]
  public var total: PlacedText?
  public var size: Size

  /// The panel laid out `width` wide with its top-left corner at the origin.
  init(
    focus: AttentionFocus, tokens: [String], width: Double, listLength: Int, language: String? = nil,
    theme: Theme, accent: Color, measurer m: TextMeasurer
  ) {
    let withList = listLength > 0
    let ink = theme.ink
    let muted = theme.muted
    let strong = Font(size: 30, weight: .semibold).withLanguage(language)
    let plain = Font(size: 24).withLanguage(language)
    func token(_ index: Int, _ font: Font) -> [TextRun] {
      let shown = m.shortenedInTheMiddle(tokens[index], font: font, maxWidth: width * 2 - 40)
      return [
        TextRun("“", font: font, color: ink), TextRun(Bidi.isolate(shown), font: font, color: accent),
        TextRun("”", font: font, color: ink),
      ]
    }
    func number(_ weight: Double, _ font: Font, _ color: Color) -> TextRun {
      TextRun(String(format: "%.\(focus.decimals)f", weight), font: font, color: color)
    }
    var runs: [TextRun] = token(focus.query, strong)
    if let top = focus.top {
      runs.append(TextRun(" attends most to ", font: strong, color: ink))
      runs += top.index == focus.query ? [TextRun("itself", font: strong, color: accent)] : token(top.index, strong)
      runs += [
        TextRun(" (", font: strong, color: ink), number(top.weight, strong, ink),
        TextRun(")", font: strong, color: ink),
      ]
    } else {
      runs.append(TextRun(" attends to nothing", font: strong, color: ink))
    }
    let first = RichText(runs, maxWidth: width, balanced: true, measurer: m)
    var caption = first.placed(at: .zero)
    var cursor = first.size.height
    if let second = focus.runnerUp {
      var more = [TextRun("then ", font: plain, color: muted)]
      more += second.index == focus.query ? [TextRun("itself", font: plain, color: accent)] : token(second.index, plain)
      more += [
        TextRun(" (", font: plain, color: muted), number(second.weight, plain, muted),
        TextRun(")", font: plain, color: muted),
      ]
      let line = RichText(more, maxWidth: width, balanced: true, measurer: m)
      caption += line.placed(at: Point(0, cursor + 8))
      cursor += 8 + line.size.height
    }
    self.caption = caption

    var entries: [Entry] = []
    var heading: PlacedText?
    var total: PlacedText?
    if withList {
      let small = Font(size: 20).withLanguage(language)
      var head = PlacedText.fitted(
        "its row: each key's weight", font: Font(size: 20, italic: true), color: muted, maxWidth: width,
        minimumSize: 16, measurer: m)
      head.center = Point(head.size.width / 2, cursor + 28 + head.size.height / 2)
      cursor = head.box.maxY + 10
      heading = head
      let shown = Array(focus.ranked.prefix(listLength))
      let rest = focus.ranked.dropFirst(listLength)
      // Each row's label: the token (isolated from what follows it), marked when it is the
      // query itself; the mark is never cut.
      let itself = " (itself)"
      var rows: [(token: String, suffix: String, weight: Double, named: Bool)] = shown.map { key in
        (tokens[key.index], key.index == focus.query ? itself : "", key.weight, focus.named.contains(key.index))
      }
      if !rest.isEmpty {
        let others = "\(rest.count) other key" + (rest.count == 1 ? "" : "s")
        rows.append((others, "", rest.reduce(0) { $0 + $1.weight }, false))
      }
      let valueWidth = m.measure(String(format: "%.\(focus.decimals)f", 0.0), font: small).width
      let labelWidth = min(
        width * 0.4, rows.map { m.measure(Bidi.isolate($0.token) + $0.suffix, font: small).width }.max() ?? 0)
      let trackX = labelWidth + 12
      let trackWidth = max(width - trackX - 10 - valueWidth, 40)
      for row in rows {
        let room = labelWidth - (row.suffix.isEmpty ? 0 : m.measure(row.suffix, font: small).width)
        let name = Bidi.isolate(m.shortenedInTheMiddle(row.token, font: small, maxWidth: max(room, 20))) + row.suffix
        var label = PlacedText(name, font: small, color: row.named ? accent : ink, measurer: m)
        let height = max(label.size.height, 22)
        label.center = Point(labelWidth - label.size.width / 2, cursor + height / 2)
        let track = Rect(x: trackX, y: cursor + height / 2 - 7, width: trackWidth, height: 14)
        let bar = Rect(x: track.minX, y: track.minY, width: trackWidth * min(max(row.weight, 0), 1), height: 14)
        var value = PlacedText(
          String(format: "%.\(focus.decimals)f", row.weight), font: small, color: ink, measurer: m)
        value.center = Point(track.maxX + 10 + valueWidth - value.size.width / 2, cursor + height / 2)
        entries.append(Entry(label: label, track: track, bar: bar, value: value, named: row.named))
        cursor += height + 8
      }
      let sum = rows.reduce(0) { $0 + $1.weight }
      var line = PlacedText(
        String(format: "Σ %.\(focus.decimals)f", sum), font: Font(size: 20, weight: .semibold), color: ink,
        measurer: m)
      line.center = Point(trackX + trackWidth + 10 + valueWidth - line.size.width / 2, cursor + line.size.height / 2)
      cursor = line.box.maxY
      total = line
    }
    self.heading = heading
    self.entries = entries
    self.total = total
    let widest = ([first.size.width] + caption.map(\.box.maxX) + entries.map(\.value.box.maxX)).max() ?? 0
    size = Size(min(widest, width), cursor)
  }

  /// The panel moved so its top-left corner is at `origin`.
  func moved(to origin: Point) -> FocusPanel {
    func shift(_ text: PlacedText) -> PlacedText {
      var moved = text
      moved.center = text.center + origin
      return moved
    }
    func shift(_ rect: Rect) -> Rect { rect.offsetBy(dx: origin.x, dy: origin.y) }
    var copy = self
    copy.caption = caption.map(shift)
    copy.heading = heading.map(shift)
    copy.total = total.map(shift)
    copy.entries = entries.map { entry in
      Entry(
        label: shift(entry.label), track: shift(entry.track), bar: shift(entry.bar), value: shift(entry.value),
        named: entry.named)
    }
    return copy
  }

  /// Its text, for drawing and overlap checks.
  public var texts: [PlacedText] {
    caption + [heading, total].compactMap { $0 } + entries.flatMap { [$0.label, $0.value] }
  }
}
