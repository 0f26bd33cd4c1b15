import Foundation

/// BERT's tokenizer, as a model's `tokenizer.json` describes it: text normalised (control
/// characters dropped, accents stripped and lower-cased for uncased models, spaces around
/// CJK ideographs), split at spaces and punctuation, each word split greedily into the
/// longest word pieces of the vocabulary (`##` marking a piece inside a word), `[CLS]`
/// before and `[SEP]` after.
public struct WordPieceTokenizer: Sendable {
  let vocabulary: [String: Int]
  let unknown: String
  let prefix: String
  let maxWordLength: Int
  let lowercase: Bool
  let stripAccents: Bool
  let handleChinese: Bool
  let cleanText: Bool
  let first: String
  let last: String

  /// The tokenizer `tokenizer.json` (at `path`) describes; it must be a WordPiece model.
  public init(contentsOf path: String) throws {
    let name = (path as NSString).lastPathComponent
    guard let data = FileManager.default.contents(atPath: path) else { throw ModelError(path, "cannot be read") }
    guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let model = json["model"] as? [String: Any]
    else { throw ModelError(name, "not a tokenizer.json (no 'model' object)") }
    guard model["type"] as? String == "WordPiece", let vocabulary = model["vocab"] as? [String: Any] else {
      throw ModelError(
        name, "the tokenizer is \(model["type"] as? String ?? "unknown"), not WordPiece (Reel runs BERT-family models)")
    }
    self.vocabulary = vocabulary.compactMapValues { ($0 as? NSNumber)?.intValue }
    unknown = model["unk_token"] as? String ?? "[UNK]"
    prefix = model["continuing_subword_prefix"] as? String ?? "##"
    maxWordLength = (model["max_input_chars_per_word"] as? NSNumber)?.intValue ?? 100
    let normalizer = json["normalizer"] as? [String: Any] ?? [:]
    lowercase = normalizer["lowercase"] as? Bool ?? true
    // BERT strips accents when it lower-cases, unless told otherwise.
    stripAccents = normalizer["strip_accents"] as? Bool ?? lowercase
    handleChinese = normalizer["handle_chinese_chars"] as? Bool ?? true
    cleanText = normalizer["clean_text"] as? Bool ?? true
    first = "[CLS]"
    last = "[SEP]"
    for token in [unknown, first, last] where self.vocabulary[token] == nil {
      throw ModelError(name, "the vocabulary has no \(token)")
    }
  }

  /// The tokens of `text`, `[CLS]` and `[SEP]` included, with their ids.
  public func tokenize(_ text: String) -> [(token: String, id: Int)] {
    var tokens = [first]
    for word in words(of: normalized(text)) { tokens += pieces(of: word) }
    tokens.append(last)
    return tokens.map { ($0, vocabulary[$0] ?? vocabulary[unknown] ?? 0) }
  }

  /// `text` as the model's normaliser leaves it.
  func normalized(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if cleanText {
        if scalar.value == 0 || scalar.value == 0xFFFD || isControl(scalar) { continue }
        if isWhitespace(scalar) {
          scalars.append(" ")
          continue
        }
      }
      if handleChinese && isCJK(scalar) {
        scalars.append(" ")
        scalars.append(scalar)
        scalars.append(" ")
      } else {
        scalars.append(scalar)
      }
    }
    var result = String(scalars)
    if stripAccents {
      result = String(
        String.UnicodeScalarView(
          result.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
          }))
    }
    return lowercase ? result.lowercased() : result
  }

  /// Words and punctuation marks: split at spaces, each punctuation mark a word of its own.
  func words(of text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    func flush() {
      if !current.isEmpty { words.append(String(current)) }
      current = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if isWhitespace(scalar) {
        flush()
      } else if isPunctuation(scalar) {
        flush()
        words.append(String(scalar))
      } else {
        current.append(scalar)
      }
    }
    flush()
    return words
  }

  /// The word pieces of `word`, longest first; the unknown token if any part has none.
  func pieces(of word: String) -> [String] {
    let characters = Array(word.unicodeScalars)
    guard characters.count <= maxWordLength else { return [unknown] }
    var pieces: [String] = []
    var start = 0
    while start < characters.count {
      var end = characters.count
      var found: String?
      while start < end {
        var piece = String(String.UnicodeScalarView(characters[start..<end]))
        if start > 0 { piece = prefix + piece }
        if vocabulary[piece] != nil {
          found = piece
          break
        }
        end -= 1
      }
      guard let found else { return [unknown] }
      pieces.append(found)
      start = end
    }
    return pieces
  }

  private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
      || scalar.properties.generalCategory == .spaceSeparator
  }

  private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
    switch scalar.properties.generalCategory {
    case .control, .format, .privateUse, .surrogate, .unassigned: return true
    default: return false
    }
  }

  private func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
      || (123...126).contains(value)
    {
      return true
    }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  private func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
      || (0x20000...0x2A6DF).contains(value) || (0x2A700...0x2B73F).contains(value)
      || (0x2B740...0x2B81F).contains(value) || (0x2B820...0x2CEAF).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
  }
}
