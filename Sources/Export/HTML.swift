import Foundation

/// Text and paths made safe for the HTML pages Reel writes (decks, the gallery).
public enum HTML {
  /// `text` safe inside HTML text and double-quoted attributes.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A relative path as a URL attribute: each part percent-encoded (spaces, `#`, `?`),
  /// then escaped for HTML.
  public static func link(_ relativePath: String) -> String {
    let encoded = relativePath.split(separator: "/", omittingEmptySubsequences: false).map {
      // `:` too: a first part `lecture:1` would read as a URL scheme.
      String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#", ";", ":"]))
        ?? String($0)
    }
    return escape(encoded.joined(separator: "/"))
  }
}
