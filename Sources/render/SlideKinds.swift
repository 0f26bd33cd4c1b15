import ArgumentParser
import Foundation

/// `--slides`: which kinds of slides to write.
struct SlideKinds: Equatable {
  enum Kind: String, CaseIterable { case png, pdf, svg, html }
  let kinds: Set<Kind>

  /// What a bare `--slides` means.
  static let defaultValue = "png,pdf"

  static func parse(_ text: String) throws -> SlideKinds {
    var kinds: Set<Kind> = []
    for word in text.lowercased().split(separator: ",") {
      let word = word.trimmingCharacters(in: .whitespaces)
      if word == "all" {
        kinds.formUnion(Kind.allCases)
      } else if let kind = Kind(rawValue: word) {
        kinds.insert(kind)
      } else {
        throw ValidationError("'\(word)' is not a kind of slides; use png, pdf, svg, html or all")
      }
    }
    guard !kinds.isEmpty else { throw ValidationError("name the slides to write: png, pdf, svg, html or all") }
    return SlideKinds(kinds: kinds)
  }

  func contains(_ kind: Kind) -> Bool { kinds.contains(kind) }
}
