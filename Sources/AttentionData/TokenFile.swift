import Foundation

/// The tokens of `--tokens`: a JSON array of strings in a `.json` file, a text file with
/// one token per line, or (when no file has that name) the text itself split at spaces.
public enum TokenFile {
  public static func tokens(from argument: String) throws -> [Token] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
      return argument.split(whereSeparator: \.isWhitespace).map { Token(String($0)) }
    }
    guard !isDirectory.boolValue else { throw AttentionFileError(argument, "is a directory, not a file of tokens") }
    let data = try AttentionFile.contents(of: argument)
    let file = (argument as NSString).lastPathComponent
    if (argument as NSString).pathExtension.lowercased() == "json" {
      let object: Any
      do {
        object = try JSONSerialization.jsonObject(with: data)
      } catch {
        throw AttentionFileError(file, "not valid JSON (\(JSONFile.reason(error)))")
      }
      let list = (object as? [String: Any])?["tokens"] ?? object
      guard let array = list as? [Any], let strings = array as? [String] else {
        throw AttentionFileError(file, "expected a JSON array of strings (the tokens)")
      }
      return strings.map(Token.init)
    }
    guard let text = String(data: data, encoding: .utf8) else { throw AttentionFileError(file, "not UTF-8 text") }
    var lines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    if lines.last == "" { lines.removeLast() }
    return lines.map(Token.init)
  }
}
