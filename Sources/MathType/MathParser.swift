import Canvas
import Foundation

/// Reads the LaTeX math that Reel supports into a math list. Anything it does not know is
/// a `MathSyntaxError` pointing at it: no text is ever dropped silently.
public struct MathParser {
  private let source: String
  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var alphabet = MathAlphabet.italic
  private var color: Color?
  private var parts: [String] = []
  /// How many lists deep the parser is; past `maximumDepth` a formula is refused rather
  /// than overflowing the stack.
  private var depth = 0
  static let maximumDepth = 100

  /// Parses `latex`, a formula without surrounding `$`.
  public static func parse(_ latex: String) throws -> MathList {
    var parser = MathParser(source: latex)
    let list = try parser.parseList(until: [])
    if parser.index < parser.scalars.count {
      throw parser.error("unexpected '\(parser.scalars[parser.index])'", at: parser.index)
    }
    return list
  }

  private init(source: String) {
    self.source = source
    scalars = Array(source.unicodeScalars)
  }

  /// What ends a list besides the end of the input.
  private enum Terminator: Hashable {
    case closeBrace, closeBracket, right, cell, row, end
  }

  // MARK: - Lists

  private mutating func parseList(until terminators: Set<Terminator>) throws -> MathList {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw error("the formula is nested more than \(Self.maximumDepth) levels deep", at: index)
    }
    var list: MathList = []
    while true {
      skipSpaces()
      guard index < scalars.count else {
        if terminators.contains(.closeBrace) { throw error("a '{' is never closed", at: scalars.count - 1) }
        if terminators.contains(.closeBracket) { throw error("a '[' is never closed", at: scalars.count - 1) }
        if terminators.contains(.right) { throw error("\\left has no matching \\right", at: scalars.count - 1) }
        if terminators.contains(.end) { throw error("an environment has no \\end", at: scalars.count - 1) }
        return list
      }
      let start = index
      let c = scalars[index]
      switch c {
      case "}":
        guard terminators.contains(.closeBrace) else { throw error("this '}' closes nothing", at: index) }
        return list
      case "]" where terminators.contains(.closeBracket):
        return list
      case "&":
        guard terminators.contains(.cell) else {
          throw error("'&' is only for columns of a matrix or aligned", at: index)
        }
        return list
      case "^", "_":
        index += 1
        let argument = try parseArgument(for: c == "^" ? "superscript" : "subscript")
        try attachScript(argument, superscript: c == "^", to: &list, at: start)
      case "'":
        var primes: MathList = []
        while index < scalars.count, scalars[index] == "'" {
          primes.append(.atom(atom(.ord, .symbol("\u{2032}"), at: index)))
          index += 1
        }
        try attachScript(primes, superscript: true, to: &list, at: start)
      case "{":
        list.append(.atom(atom(.ord, .list(try parseGroup()), at: start)))
      case "\\":
        let name = readCommandName()
        if name == "\\" || name == "cr" {
          guard terminators.contains(.row) else {
            throw error("'\\\\' starts a new row only in a matrix", at: start, length: 2)
          }
          index = start
          return list
        }
        if name == "right" {
          guard terminators.contains(.right) else { throw error("\\right without \\left", at: start, length: 6) }
          index = start
          return list
        }
        if name == "end" {
          guard terminators.contains(.end) else { throw error("\\end without \\begin", at: start, length: 4) }
          index = start
          return list
        }
        try parseCommand(name, at: start, into: &list)
      default:
        index += 1
        guard let (symbol, mathClass) = MathSymbols.character(c) else {
          throw error("'\(c)' is not allowed in a formula", at: start)
        }
        list.append(.atom(atom(mathClass, .symbol(try styled(symbol, at: start)), at: start)))
      }
    }
  }

  private mutating func attachScript(_ script: MathList, superscript: Bool, to list: inout MathList, at offset: Int)
    throws
  {
    var target: MathAtom
    if case .atom(let last)? = list.last {
      target = last
      list.removeLast()
    } else {
      target = atom(.ord, .list([]), at: offset)
    }
    if superscript {
      if let existing = target.sup {
        // x'^2 is x^{′2}; anything else twice is an error, as in LaTeX.
        guard existing.allSatisfy(Self.isPrime) else { throw error("double superscript", at: offset) }
        target.sup = existing + script
      } else {
        target.sup = script
      }
    } else {
      guard target.sub == nil else { throw error("double subscript", at: offset) }
      target.sub = script
    }
    list.append(.atom(target))
  }

  private static func isPrime(_ item: MathItem) -> Bool {
    if case .atom(let atom) = item, case .symbol("\u{2032}") = atom.nucleus { return true }
    return false
  }

  // MARK: - Commands

  private mutating func parseCommand(_ name: String, at start: Int, into list: inout MathList) throws {
    let length = name.unicodeScalars.count + 1
    if let (symbol, mathClass) = MathSymbols.symbols[name] {
      list.append(.atom(atom(mathClass, .symbol(symbol), at: start)))
    } else if let dot = MathSymbols.dots[name] {
      let dots = (0..<3).map { _ in MathItem.atom(atom(.punct, .symbol(dot), at: start)) }
      list.append(.atom(atom(.inner, .list(dots), at: start)))
    } else if let mu = MathSymbols.spaces[name] {
      list.append(.space(mu))
    } else if let (symbol, limits) = MathSymbols.bigOperators[name] {
      var op = atom(.op, .symbol(symbol), at: start)
      op.limitsInDisplay = limits
      list.append(.atom(op))
    } else if let limits = MathSymbols.namedOperators[name] {
      var op = atom(.op, .text(name == "argmax" ? "arg max" : name == "argmin" ? "arg min" : name), at: start)
      op.limitsInDisplay = limits
      list.append(.atom(op))
    } else if let (accent, wide) = MathSymbols.accents[name] {
      let body = try parseArgument(for: "\\\(name)")
      list.append(.atom(atom(.ord, .accent(accent, body, wide: wide), at: start)))
    } else if let newAlphabet = MathSymbols.alphabets[name] {
      let saved = alphabet
      alphabet = newAlphabet
      defer { alphabet = saved }
      let body = try parseArgument(for: "\\\(name)")
      list += body
    } else if let (size, mathClass) = MathSymbols.bigDelimiters[name] {
      let delimiter = try parseDelimiter(after: name, at: start)
      list.append(
        .atom(atom(mathClass, delimiter.map { .bigDelimiter($0, size: size) } ?? .list([.space(2)]), at: start)))
    } else {
      try parseStructure(name, at: start, length: length, into: &list)
    }
  }

  private mutating func parseStructure(_ name: String, at start: Int, length: Int, into list: inout MathList) throws {
    switch name {
    case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
      let numerator = try parseArgument(for: "\\\(name)")
      let denominator = try parseArgument(for: "\\\(name)")
      let style: MathStyle.Size? =
        name.hasPrefix("d") || name == "cfrac" ? .display : name.hasPrefix("t") ? .text : nil
      let binom = name.hasSuffix("binom")
      list.append(
        .atom(
          atom(
            .ord, .fraction(numerator, denominator, rule: !binom, style: style, parenthesized: binom), at: start)))
    case "sqrt":
      var degree: MathList?
      skipSpaces()
      if index < scalars.count, scalars[index] == "[" {
        index += 1
        degree = try parseList(until: [.closeBracket])
        index += 1
      }
      let radicand = try parseArgument(for: "\\sqrt")
      list.append(.atom(atom(.ord, .radical(radicand, degree: degree), at: start)))
    case "left":
      let left = try parseDelimiter(after: "left", at: start)
      let inner = try parseList(until: [.right])
      let rightStart = index
      _ = readCommandName()
      let right = try parseDelimiter(after: "right", at: rightStart)
      list.append(.atom(atom(.inner, .delimited(left: left, inner, right: right), at: start)))
    case "overline", "underline":
      let body = try parseArgument(for: "\\\(name)")
      list.append(.atom(atom(.ord, name == "overline" ? .overline(body) : .underline(body), at: start)))
    case "overbrace", "underbrace":
      let body = try parseArgument(for: "\\\(name)")
      var brace = atom(.op, .brace(body, over: name == "overbrace"), at: start)
      brace.limits = true
      list.append(.atom(brace))
    case "text", "textrm", "mbox", "textit", "textbf", "mathnormal":
      let text = try readRawGroup(for: "\\\(name)")
      list.append(.atom(atom(.ord, .text(text), at: start)))
    case "operatorname":
      let limits = index < scalars.count && scalars[index] == "*"
      if limits { index += 1 }
      let text = try readRawGroup(for: "\\operatorname")
      var op = atom(.op, .text(text.replacingOccurrences(of: "\\,", with: " ")), at: start)
      op.limitsInDisplay = limits
      list.append(.atom(op))
    case "mathop", "mathbin", "mathrel", "mathord", "mathopen", "mathclose", "mathpunct", "mathinner":
      let classes: [String: MathClass] = [
        "mathop": .op, "mathbin": .bin, "mathrel": .rel, "mathord": .ord, "mathopen": .open, "mathclose": .close,
        "mathpunct": .punct, "mathinner": .inner,
      ]
      let body = try parseArgument(for: "\\\(name)")
      list.append(.atom(atom(classes[name] ?? .ord, .list(body), at: start)))
    case "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle":
      let sizes: [String: MathStyle.Size] = [
        "displaystyle": .display, "textstyle": .text, "scriptstyle": .script, "scriptscriptstyle": .scriptScript,
      ]
      list.append(.style(sizes[name] ?? .text))
    case "limits", "nolimits":
      guard case .atom(var last)? = list.last, last.mathClass == .op else {
        throw error("\\\(name) must follow an operator such as \\sum", at: start, length: length)
      }
      last.limits = name == "limits"
      list[list.count - 1] = .atom(last)
    case "color", "textcolor":
      let colorStart = index
      let colorName = try readRawGroup(for: "\\\(name)")
      guard let value = Self.color(named: colorName) else {
        throw error(
          "unknown colour '\(colorName)'; use a name such as red or blue, or #RRGGBB", at: colorStart,
          length: colorName.unicodeScalars.count + 2)
      }
      skipSpaces()
      if index < scalars.count, scalars[index] == "{" {
        // \color{c}{…} and \textcolor{c}{…} colour their argument.
        let saved = color
        color = value
        defer { color = saved }
        list += try parseGroup()
      } else if name == "textcolor" {
        throw error("\\textcolor needs a braced argument: \\textcolor{c}{…}", at: start, length: length)
      } else {
        // A bare \color changes the rest of the group, as in LaTeX.
        color = value
      }
    case "part":
      let partName = try readRawGroup(for: "\\part")
      guard !partName.isEmpty else { throw error("\\part needs a name: \\part{name}{…}", at: start, length: length) }
      parts.append(partName)
      defer { parts.removeLast() }
      list += try parseArgument(for: "\\part")
    case "begin":
      list.append(.atom(try parseEnvironment(at: start)))
    case "middle":
      throw error("\\middle is not supported; use \\mid or \\big|", at: start, length: length)
    default:
      throw error("unknown command \\\(name)", at: start, length: length)
    }
  }

  // MARK: - Environments

  private mutating func parseEnvironment(at start: Int) throws -> MathAtom {
    let name = try readRawGroup(for: "\\begin")
    let delimiters: [String: (Unicode.Scalar?, Unicode.Scalar?)] = [
      "matrix": (nil, nil), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"),
      "vmatrix": ("|", "|"), "Vmatrix": ("\u{2016}", "\u{2016}"), "smallmatrix": (nil, nil),
    ]
    var array: MathArray
    if let (left, right) = delimiters[name] {
      array = MathArray(
        rows: [], alignments: [.center], columnGap: 500, left: left, right: right,
        displayCells: false)
    } else if name == "cases" {
      array = MathArray(
        rows: [], alignments: [.left, .left], columnGap: 500, left: "{", right: nil,
        displayCells: false, rowStretch: 1.2)
    } else if name == "aligned" || name == "align" || name == "align*" || name == "gathered" {
      array = MathArray(
        rows: [], alignments: name == "gathered" ? [.center] : [.right, .left], columnGap: 0,
        left: nil, right: nil, displayCells: true)
    } else {
      throw error(
        "unknown environment '\(name)'; Reel has matrix, pmatrix, bmatrix, Bmatrix, vmatrix, Vmatrix, cases, aligned",
        at: start, length: 8 + name.unicodeScalars.count)
    }
    var row: [MathList] = []
    let colorOutside = color
    while true {
      // Each cell is a group: a \color in it ends with it.
      row.append(try parseList(until: [.cell, .row, .end]))
      color = colorOutside
      guard index < scalars.count else { throw error("\\begin{\(name)} has no \\end{\(name)}", at: start) }
      if scalars[index] == "&" {
        index += 1
        continue
      }
      array.rows.append(row)
      array.rowSpacing.append(0)
      row = []
      let commandStart = index
      let command = readCommandName()
      if command == "end" {
        let endName = try readRawGroup(for: "\\end")
        guard endName == name else {
          throw error("\\begin{\(name)} ends with \\end{\(endName)}", at: commandStart, length: index - commandStart)
        }
        break
      }
      // \\[length] adds space below the row (amsmath reads the bracket only right after \\).
      if index < scalars.count, scalars[index] == "[" {
        array.rowSpacing[array.rowSpacing.count - 1] = try readLength()
      }
    }
    // A final \\ before \end leaves an empty last row; LaTeX drops it.
    if let last = array.rows.last, last.count == 1, last[0].isEmpty, array.rows.count > 1 {
      array.rows.removeLast()
      array.rowSpacing.removeLast()
    }
    return atom(array.left == nil && array.right == nil ? .ord : .inner, .array(array), at: start)
  }

  // MARK: - Pieces

  /// A script's or command's argument: a braced group, or one character or command.
  private mutating func parseArgument(for what: String) throws -> MathList {
    skipSpaces()
    guard index < scalars.count else { throw error("\(what) needs an argument", at: max(0, scalars.count - 1)) }
    let start = index
    let c = scalars[index]
    if c == "{" { return try parseGroup() }
    if c == "\\" {
      let name = readCommandName()
      var list: MathList = []
      try parseCommand(name, at: start, into: &list)
      return list
    }
    guard c != "}" && c != "^" && c != "_" && c != "&" else { throw error("\(what) needs an argument", at: start) }
    index += 1
    guard let (symbol, mathClass) = MathSymbols.character(c) else {
      throw error("'\(c)' is not allowed in a formula", at: start)
    }
    return [.atom(atom(mathClass, .symbol(try styled(symbol, at: start)), at: start))]
  }

  /// A braced group from its `{` to its `}`; a `\color` inside ends with it.
  private mutating func parseGroup() throws -> MathList {
    let saved = color
    defer { color = saved }
    index += 1
    let list = try parseList(until: [.closeBrace])
    index += 1
    return list
  }

  /// The delimiter after `\left`, `\right` or `\big`: nil for `.`.
  private mutating func parseDelimiter(after command: String, at start: Int) throws -> Unicode.Scalar? {
    skipSpaces()
    guard index < scalars.count else { throw error("\\\(command) needs a delimiter such as ( or \\{", at: start) }
    let delimiterStart = index
    let text: String
    if scalars[index] == "\\" {
      text = "\\" + readCommandName()
    } else {
      text = String(scalars[index])
      index += 1
    }
    if text == "." { return nil }
    guard let delimiter = MathSymbols.delimiter(named: text) else {
      throw error(
        "'\(text)' cannot follow \\\(command); use ( ) [ ] \\{ \\} | \\| \\langle \\rangle \\lfloor \\rfloor \\lceil \\rceil or .",
        at: delimiterStart, length: text.unicodeScalars.count)
    }
    return delimiter
  }

  /// `[2pt]`, `[0.5em]`, `[1ex]`, `[3mm]` after `\\`: the length in font units (1000 per em,
  /// an em being 10 pt as in LaTeX's default size).
  private mutating func readLength() throws -> Double {
    let open = index
    index += 1
    var text = ""
    while index < scalars.count, scalars[index] != "]" {
      text.unicodeScalars.append(scalars[index])
      index += 1
    }
    guard index < scalars.count else { throw error("a '[' is never closed", at: open) }
    index += 1
    let units: [String: Double] = ["pt": 100, "em": 1000, "ex": 431, "mm": 284.5, "cm": 2845, "in": 7227]
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let unit = units.keys.first(where: { trimmed.hasSuffix($0) }),
      let value = Double(trimmed.dropLast(unit.count).trimmingCharacters(in: .whitespaces))
    else {
      throw error("'[\(text)]' is not a length; write one like [4pt], [0.5em] or [2mm]", at: open, length: index - open)
    }
    return value * (units[unit] ?? 0)
  }

  /// The text of a braced group as written (for `\text`, names and colours).
  private mutating func readRawGroup(for what: String) throws -> String {
    skipSpaces()
    guard index < scalars.count, scalars[index] == "{" else {
      throw error("\(what) needs a braced argument: \(what){…}", at: min(index, max(0, scalars.count - 1)))
    }
    let open = index
    index += 1
    var depth = 1
    var text = String.UnicodeScalarView()
    while index < scalars.count {
      let c = scalars[index]
      if c == "\\", index + 1 < scalars.count, "{}\\ $%&#_".unicodeScalars.contains(scalars[index + 1]) {
        text.append(scalars[index + 1])
        index += 2
        continue
      }
      if c == "{" { depth += 1 }
      if c == "}" {
        depth -= 1
        if depth == 0 {
          index += 1
          return String(text)
        }
      }
      text.append(c)
      index += 1
    }
    throw error("a '{' is never closed", at: open)
  }

  /// After a `\`: a run of letters, or one other character.
  private mutating func readCommandName() -> String {
    index += 1
    guard index < scalars.count else { return "" }
    var name = String.UnicodeScalarView()
    if ("a"..."z").contains(scalars[index]) || ("A"..."Z").contains(scalars[index]) {
      while index < scalars.count, ("a"..."z").contains(scalars[index]) || ("A"..."Z").contains(scalars[index]) {
        name.append(scalars[index])
        index += 1
      }
    } else {
      name.append(scalars[index])
      index += 1
    }
    return String(name)
  }

  /// `c` in the current alphabet (`\mathbb`, `\mathcal`, …); an error for a letter the
  /// alphabet does not have, such as a lower-case `\mathcal` letter.
  private func styled(_ c: Unicode.Scalar, at offset: Int) throws -> Unicode.Scalar {
    guard let styled = MathSymbols.styled(c, alphabet) else {
      throw error("'\(c)' has no form in this alphabet (\\mathcal and \\mathbb have capitals)", at: offset)
    }
    return styled
  }

  private mutating func skipSpaces() {
    while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
  }

  private func atom(_ mathClass: MathClass, _ nucleus: MathNucleus, at offset: Int) -> MathAtom {
    MathAtom(mathClass, nucleus, color: color, parts: parts, sourceOffset: offset)
  }

  private func error(_ message: String, at offset: Int, length: Int = 1) -> MathSyntaxError {
    MathSyntaxError(message, source: source, offset: max(0, offset), length: length)
  }

  /// xcolor's base names (in Reel's tones), and `#RRGGBB`.
  public static func color(named name: String) -> Color? {
    let names: [String: UInt32] = [
      "red": 0xE53935, "green": 0x2E7D32, "blue": 0x1E63D6, "cyan": 0x00ACC1, "magenta": 0xD81B60,
      "yellow": 0xF9A825, "black": 0x000000, "white": 0xFFFFFF, "gray": 0x808080, "grey": 0x808080,
      "darkgray": 0x404040, "lightgray": 0xBFBFBF, "brown": 0x8D6E63, "lime": 0x7CB342, "olive": 0x808000,
      "orange": 0xF57C00, "pink": 0xEC407A, "purple": 0x8E24AA, "teal": 0x00897B, "violet": 0x7E57C2,
    ]
    if let rgb = names[name.lowercased()] { return Color(rgb: rgb) }
    return try? Color(hex: name)
  }

  /// Every command, environment and character class the parser knows, grouped, for
  /// `render tex --list-commands`.
  public static var supportedCommands: String {
    func line(_ title: String, _ names: [String]) -> String {
      "\(title):\n" + wrap(names.sorted().map { $0.hasPrefix("\\") || $0.count == 1 ? $0 : "\\" + $0 })
    }
    func wrap(_ words: [String]) -> String {
      var lines: [String] = []
      var current = " "
      for word in words {
        if current.count + word.count + 1 > 88 {
          lines.append(current)
          current = " "
        }
        current += " " + word
      }
      return (lines + [current]).joined(separator: "\n")
    }
    let symbols = MathSymbols.symbols
    func named(_ mathClass: MathClass) -> [String] { symbols.filter { $0.value.1 == mathClass }.map(\.key) }
    return [
      line("Letters and symbols", named(.ord)),
      line("Binary operators", named(.bin) + ["+", "-", "*"]),
      line("Relations", named(.rel) + ["=", "<", ">", ":"]),
      line("Delimiters", named(.open) + named(.close) + ["(", ")", "[", "]", "|"]),
      line("Punctuation", named(.punct) + [",", ";"] + Array(MathSymbols.dots.keys)),
      line("Big operators", Array(MathSymbols.bigOperators.keys)),
      line("Named operators", Array(MathSymbols.namedOperators.keys) + ["operatorname", "operatorname*"]),
      line("Accents", Array(MathSymbols.accents.keys) + ["overline", "underline", "overbrace", "underbrace"]),
      line("Alphabets", Array(MathSymbols.alphabets.keys) + ["text", "textrm", "mbox"]),
      line("Spaces", MathSymbols.spaces.keys.map { "\\" + $0 }),
      line("Sizes", Array(MathSymbols.bigDelimiters.keys) + ["left", "right"]),
      line(
        "Structure",
        [
          "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "displaystyle", "textstyle",
          "scriptstyle", "scriptscriptstyle", "limits", "nolimits", "mathop", "mathbin", "mathrel", "mathord",
          "mathopen", "mathclose", "mathpunct", "mathinner", "color", "textcolor", "part",
        ]),
      "Environments (\\begin{…} … \\end{…}):\n  matrix pmatrix bmatrix Bmatrix vmatrix Vmatrix smallmatrix cases aligned gathered",
      "Scripts: ^ _ and ' (prime). Parts: \\part{name}{…} names a piece for scenes to colour, move or morph.",
    ].joined(separator: "\n\n")
  }
}
