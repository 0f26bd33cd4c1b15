import Canvas
import Reel

/// A stretch of text in one colour and font: part of a caption whose words differ in
/// colour (the tokens it names in the accent colour).
public struct TextRun: Sendable, Hashable {
  public var text: String
  public var font: Font
  public var color: Color

  public init(_ text: String, font: Font, color: Color) {
    self.text = text
    self.font = font
    self.color = color
  }
}

/// Runs set into lines no wider than a width, breaking between words and never inside a
/// word unless the word alone is wider than a line. Each piece of a line is a
/// `PlacedText`; pieces on one line share its baseline, whatever fonts fallback chose.
///
/// The runs are laid out left to right in the order given, so a right-to-left token in an
/// English sentence cannot reorder the sentence around it.
public struct RichText: Sendable, Hashable {
  /// Lines from top to bottom, each its pieces from left to right, placed with the block's
  /// top-left corner at the origin.
  public var lines: [[PlacedText]]
  public var size: Size

  /// `balanced`: when the text takes several lines, make them about equally long (the
  /// narrowest width that needs no more lines) instead of filling each but the last.
  public init(
    _ runs: [TextRun], maxWidth: Double, lineSpacing: Double = 4, balanced: Bool = false, measurer m: TextMeasurer
  ) {
    var width = maxWidth
    if balanced {
      let count = RichText(runs, maxWidth: maxWidth, lineSpacing: lineSpacing, measurer: m).lines.count
      if count > 1 {
        // Never narrower than the widest word that fits a line: balancing must not break words.
        let words = runs.flatMap { run in
          run.text.split(separator: " ").map { m.measure(String($0), font: run.font).width }
        }
        let widest = min(words.max() ?? 0, maxWidth)
        var (low, high) = (max(maxWidth / Double(count), widest), maxWidth)
        for _ in 0..<12 {
          let middle = (low + high) / 2
          if RichText(runs, maxWidth: middle, lineSpacing: lineSpacing, measurer: m).lines.count <= count {
            high = middle
          } else {
            low = middle
          }
        }
        width = high
      }
    }
    self.init(unbalanced: runs, maxWidth: width, lineSpacing: lineSpacing, measurer: m)
  }

  private init(unbalanced runs: [TextRun], maxWidth: Double, lineSpacing: Double, measurer m: TextMeasurer) {
    // Words: maximal stretches without spaces, across runs (a quote and its token stay together).
    var words: [[TextRun]] = [[]]
    for run in runs {
      for (index, part) in run.text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
        if index > 0 { words.append([]) }
        if !part.isEmpty { words[words.count - 1].append(TextRun(String(part), font: run.font, color: run.color)) }
      }
    }
    words.removeAll { $0.isEmpty }
    var lines: [[TextRun]] = [[]]
    var width = 0.0
    for word in words {
      for piece in Self.split(word, maxWidth: maxWidth, measurer: m) {
        let pieceWidth = piece.reduce(0) { $0 + m.measure($1.text, font: $1.font).width }
        let space = lines[lines.count - 1].isEmpty ? 0 : m.measure(" ", font: piece[0].font).width
        if !lines[lines.count - 1].isEmpty && width + space + pieceWidth > maxWidth {
          lines.append([])
          width = 0
        } else if space > 0 {
          lines[lines.count - 1].append(TextRun(" ", font: piece[0].font, color: piece[0].color))
          width += space
        }
        lines[lines.count - 1] += piece
        width += pieceWidth
      }
    }
    // Place each line's pieces on a common baseline.
    var placed: [[PlacedText]] = []
    var top = 0.0
    var widest = 0.0
    for line in lines where !line.isEmpty {
      let metrics = line.map { m.measure($0.text, font: $0.font) }
      let ascent = metrics.map(\.baseline).max() ?? 0
      let descent = zip(metrics, metrics.map(\.baseline)).map { $0.height - $1 }.max() ?? 0
      var x = 0.0
      var pieces: [PlacedText] = []
      for (run, metric) in zip(line, metrics) {
        var text = PlacedText(run.text, font: run.font, color: run.color, measurer: m)
        text.center = Point(x + metric.width / 2, top + ascent - metric.baseline + metric.height / 2)
        if run.text != " " { pieces.append(text) }
        x += metric.width
      }
      placed.append(pieces)
      widest = max(widest, x)
      top += ascent + descent + lineSpacing
    }
    self.lines = placed
    self.size = Size(widest, max(top - lineSpacing, 0))
  }

  /// A word that fits on a line as it is; one that does not, cut into pieces that do (at
  /// character boundaries, found by measuring a few times, not once per character).
  static func split(_ word: [TextRun], maxWidth: Double, measurer m: TextMeasurer) -> [[TextRun]] {
    let width = word.reduce(0) { $0 + m.measure($1.text, font: $1.font).width }
    guard width > maxWidth else { return [word] }
    var pieces: [[TextRun]] = []
    var current: [TextRun] = []
    var used = 0.0
    for run in word {
      var rest = Array(run.text)
      while !rest.isEmpty {
        // The most characters of this run that fit in what is left of the line.
        var (low, high) = (0, rest.count)
        while low < high {
          let middle = (low + high + 1) / 2
          if used + m.measure(String(rest[..<middle]), font: run.font).width <= maxWidth {
            low = middle
          } else {
            high = middle - 1
          }
        }
        if low == 0 && current.isEmpty { low = 1 }  // a single character wider than a line still goes
        if low > 0 {
          let text = String(rest[..<low])
          current.append(TextRun(text, font: run.font, color: run.color))
          used += m.measure(text, font: run.font).width
          rest.removeFirst(low)
        }
        if !rest.isEmpty {
          pieces.append(current)
          current = []
          used = 0
        }
      }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }

  /// The pieces moved so the block's top-left corner is at `origin`.
  public func placed(at origin: Point) -> [PlacedText] {
    lines.flatMap { $0 }.map { text in
      var moved = text
      moved.center = text.center + origin
      return moved
    }
  }
}
