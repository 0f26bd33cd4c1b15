import Foundation
import Reel

/// One slide: the picture at the end of a section, just before the next one starts.
public struct Slide: Sendable, Equatable {
  /// 1-based position in the deck.
  public let number: Int
  /// The section's name as the scene wrote it.
  public let title: String
  /// Where the section starts and ends, in seconds; the slide shows the end.
  public let start: Double
  public let end: Double
  /// `01-title`: the number, zero-padded to the deck's size, and the name made safe for
  /// file names.
  public let stem: String

  /// The slides of `timeline`, one per section (one for the whole clip if it has none).
  public static func slides(of timeline: Timeline) -> [Slide] {
    let sections =
      timeline.sections.isEmpty
      ? [Section(name: "end", start: 0, end: timeline.duration)] : timeline.sections
    let digits = max(2, String(sections.count).count)
    return sections.enumerated().map { index, section in
      let number = String(index + 1)
      let padded = String(repeating: "0", count: digits - number.count) + number
      return Slide(
        number: index + 1, title: section.name, start: section.start, end: section.end,
        stem: "\(padded)-\(fileName(section.name))")
    }
  }

  /// Deletes the numbered `.ext` files in `folder` that are none of `slides`' (a section
  /// renamed or removed since the last render), so the folder shows only the deck it holds.
  static func removeStale(_ ext: String, in folder: String, keeping slides: [Slide]) {
    let current = Set(slides.map { "\($0.stem).\(ext)" })
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names where name.hasSuffix(".\(ext)") && !current.contains(name) && name.first?.isNumber == true {
      try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
    }
  }

  /// `name` in lower case with runs of anything but letters and digits as one `-`.
  static func fileName(_ name: String) -> String {
    var result = ""
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        result.append(character)
      } else if !result.isEmpty && result.last != "-" {
        result.append("-")
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "section" : String(result.prefix(60))
  }
}
