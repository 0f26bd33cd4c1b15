/// Attention as comma-separated text: one row of weights per line, optionally after a
/// header row of tokens.
enum CSVFile {
  /// The matrix in `text` (the contents of the file called `file`) and the header's tokens.
  static func read(_ text: String, file: String) throws -> (tensor: AttentionTensor, tokens: [String]?) {
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    guard !lines.isEmpty else { throw AttentionFileError(file, "empty: no rows of weights") }
    var tokens: [String]?
    var firstDataLine = 0
    let firstRow = fields(of: lines[0])
    if firstRow.contains(where: { Double($0.trimmingCharacters(in: .whitespaces)) == nil }) {
      tokens = firstRow
      firstDataLine = 1
    }
    var values: [Double] = []
    var columns: Int?
    var rows = 0
    for (index, line) in lines.enumerated().dropFirst(firstDataLine) {
      let row = fields(of: line)
      if let columns, row.count != columns {
        throw AttentionFileError(
          file,
          "line \(index + 1) has \(row.count) values, the rows before it \(columns) (every row needs the same count)")
      }
      columns = row.count
      for (column, field) in row.enumerated() {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed) else {
          throw AttentionFileError(
            file, "line \(index + 1), column \(column + 1): '\(trimmed.prefix(40))' is not a number")
        }
        values.append(value)
      }
      rows += 1
    }
    guard let columns, rows > 0 else { throw AttentionFileError(file, "empty: a header row but no rows of weights") }
    let tensor = AttentionTensor(file: file, shape: [rows, columns], storage: .values(values))
    return (tensor, tokens)
  }

  /// The fields of one line: split at commas outside double quotes, quotes removed (`""`
  /// inside quotes is one quote).
  static func fields(of line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var characters = line.makeIterator()
    while let character = characters.next() {
      switch character {
      case "\"" where quoted:
        // A doubled quote is a quote; a single one ends the quoted part.
        var lookahead = characters
        if lookahead.next() == "\"" {
          field.append("\"")
          characters = lookahead
        } else {
          quoted = false
        }
      case "\"" where field.isEmpty: quoted = true
      case "," where !quoted:
        fields.append(field)
        field = ""
      default: field.append(character)
      }
    }
    fields.append(field)
    return fields
  }
}
