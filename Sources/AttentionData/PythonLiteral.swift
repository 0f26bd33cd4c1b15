/// The Python literals a `.npy` header is made of: a dict of strings, booleans, integers
/// and tuples of integers.
enum PythonLiteral: Equatable {
  case string(String)
  case bool(Bool)
  case integer(Int)
  case tuple([PythonLiteral])
  case dict([String: PythonLiteral])

  struct Failure: Error {}

  /// The literal `text` holds (followed by nothing but spaces and a newline).
  static func parse(_ text: String) throws -> PythonLiteral {
    var parser = Parser(characters: Array(text.unicodeScalars))
    let value = try parser.value()
    parser.skipSpaces()
    guard parser.atEnd else { throw Failure() }
    return value
  }

  private struct Parser {
    let characters: [Unicode.Scalar]
    var position = 0
    /// Nesting left before the parser refuses (a header is two levels deep).
    var depth = 0

    var atEnd: Bool { position >= characters.count }

    mutating func skipSpaces() {
      while !atEnd, characters[position].properties.isWhitespace || characters[position] == "\0" { position += 1 }
    }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
      skipSpaces()
      guard !atEnd, characters[position] == scalar else { return false }
      position += 1
      return true
    }

    mutating func value() throws -> PythonLiteral {
      skipSpaces()
      guard !atEnd, depth < 8 else { throw Failure() }
      let first = characters[position]
      switch first {
      case "'", "\"": return .string(try string())
      case "{":
        position += 1
        depth += 1
        defer { depth -= 1 }
        var dict: [String: PythonLiteral] = [:]
        while !take("}") {
          guard case .string(let key) = try value(), take(":") else { throw Failure() }
          dict[key] = try value()
          if !take(",") {
            guard take("}") else { throw Failure() }
            break
          }
        }
        return .dict(dict)
      case "(", "[":
        position += 1
        depth += 1
        defer { depth -= 1 }
        let close: Unicode.Scalar = first == "(" ? ")" : "]"
        var items: [PythonLiteral] = []
        while !take(close) {
          items.append(try value())
          if !take(",") {
            guard take(close) else { throw Failure() }
            break
          }
        }
        return .tuple(items)
      default:
        var word = ""
        while !atEnd, characters[position].properties.isAlphabetic || ("0"..."9").contains(characters[position]) {
          word.unicodeScalars.append(characters[position])
          position += 1
        }
        if word == "True" { return .bool(true) }
        if word == "False" { return .bool(false) }
        // Python 2 wrote long integers with an L.
        if word.hasSuffix("L") { word.removeLast() }
        guard let integer = Int(word) else { throw Failure() }
        return .integer(integer)
      }
    }

    mutating func string() throws -> String {
      let quote = characters[position]
      position += 1
      var text = ""
      while !atEnd, characters[position] != quote {
        text.unicodeScalars.append(characters[position])
        position += 1
      }
      guard !atEnd else { throw Failure() }
      position += 1
      return text
    }
  }
}
