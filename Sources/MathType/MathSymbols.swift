/// The LaTeX commands Reel's formulas understand, and what each one is.
enum MathSymbols {
  /// A code point of the tables below, all valid scalars.
  static func scalar(_ code: UInt32) -> Unicode.Scalar { Unicode.Scalar(code) ?? "?" }

  /// A command that stands for one character of a class.
  static let symbols: [String: (Unicode.Scalar, MathClass)] = {
    var table: [String: (Unicode.Scalar, MathClass)] = [:]
    // Lower-case Greek in math italic (U+1D6FC …), as LaTeX sets it.
    let greek = [
      "alpha", "beta", "gamma", "delta", "varepsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
      "xi", "omicron", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "varphi", "chi", "psi", "omega",
    ]
    for (index, name) in greek.enumerated() { table[name] = (scalar(0x1D6FC + UInt32(index)), .ord) }
    let variants: [(String, UInt32)] = [
      ("partial", 0x1D715), ("epsilon", 0x1D716), ("vartheta", 0x1D717), ("varkappa", 0x1D718), ("phi", 0x1D719),
      ("varrho", 0x1D71A), ("varpi", 0x1D71B),
    ]
    for (name, code) in variants { table[name] = (scalar(code), .ord) }
    let upperGreek: [(String, UInt32)] = [
      ("Gamma", 0x393), ("Delta", 0x394), ("Theta", 0x398), ("Lambda", 0x39B), ("Xi", 0x39E), ("Pi", 0x3A0),
      ("Sigma", 0x3A3), ("Upsilon", 0x3A5), ("Phi", 0x3A6), ("Psi", 0x3A8), ("Omega", 0x3A9),
    ]
    for (name, code) in upperGreek { table[name] = (scalar(code), .ord) }
    let groups: [(MathClass, [(String, UInt32)])] = [
      (
        .ord,
        [
          ("infty", 0x221E), ("nabla", 0x2207), ("ell", 0x2113), ("top", 0x22A4), ("bot", 0x22A5),
          ("prime", 0x2032), ("forall", 0x2200), ("exists", 0x2203), ("emptyset", 0x2205), ("varnothing", 0x2205),
          ("vdots", 0x22EE), ("ddots", 0x22F1),
          ("hbar", 0x210F), ("dagger", 0x2020), ("angle", 0x2220), ("neg", 0xAC), ("lnot", 0xAC), ("|", 0x2016),
          ("Vert", 0x2016), ("vert", 0x7C), ("%", 0x25), ("#", 0x23), ("&", 0x26), ("_", 0x5F), ("$", 0x24),
          ("checkmark", 0x2713), ("triangle", 0x25B3), ("Box", 0x25A1), ("imath", 0x1D6A4), ("jmath", 0x1D6A5),
        ]
      ),
      (
        .bin,
        [
          ("times", 0xD7), ("cdot", 0x22C5), ("pm", 0xB1), ("mp", 0x2213), ("div", 0xF7), ("circ", 0x2218),
          ("odot", 0x2299), ("otimes", 0x2297), ("oplus", 0x2295), ("ast", 0x2217), ("star", 0x22C6),
          ("cup", 0x222A), ("cap", 0x2229), ("setminus", 0x2216), ("wedge", 0x2227), ("land", 0x2227),
          ("vee", 0x2228), ("lor", 0x2228), ("bullet", 0x2219), ("odiv", 0x2A38),
        ]
      ),
      (
        .rel,
        [
          ("le", 0x2264), ("leq", 0x2264), ("ge", 0x2265), ("geq", 0x2265), ("ne", 0x2260), ("neq", 0x2260),
          ("approx", 0x2248), ("sim", 0x223C), ("simeq", 0x2243), ("equiv", 0x2261), ("propto", 0x221D),
          ("in", 0x2208), ("notin", 0x2209), ("ni", 0x220B), ("subset", 0x2282), ("subseteq", 0x2286),
          ("supset", 0x2283), ("supseteq", 0x2287), ("to", 0x2192), ("rightarrow", 0x2192), ("leftarrow", 0x2190),
          ("gets", 0x2190), ("leftrightarrow", 0x2194), ("Rightarrow", 0x21D2), ("Leftarrow", 0x21D0),
          ("Leftrightarrow", 0x21D4), ("iff", 0x27FA), ("implies", 0x27F9), ("mapsto", 0x21A6),
          ("longrightarrow", 0x27F6), ("longmapsto", 0x27FC), ("ll", 0x226A), ("gg", 0x226B),
          ("coloneqq", 0x2254), ("mid", 0x2223), ("perp", 0x27C2), ("parallel", 0x2225), ("models", 0x22A7),
          ("vdash", 0x22A2), ("cong", 0x2245), ("doteq", 0x2250), ("triangleq", 0x225C), ("leqslant", 0x2A7D),
          ("geqslant", 0x2A7E), ("prec", 0x227A), ("succ", 0x227B), ("uparrow", 0x2191), ("downarrow", 0x2193),
        ]
      ),
      (.punct, [("colon", 0x3A), ("ldotp", 0x2E), ("cdotp", 0x22C5)]),

      (
        .open,
        [
          ("{", 0x7B), ("lbrace", 0x7B), ("langle", 0x27E8), ("lfloor", 0x230A), ("lceil", 0x2308),
          ("lvert", 0x7C), ("lVert", 0x2016), ("lbrack", 0x5B),
        ]
      ),
      (
        .close,
        [
          ("}", 0x7D), ("rbrace", 0x7D), ("rangle", 0x27E9), ("rfloor", 0x230B), ("rceil", 0x2309),
          ("rvert", 0x7C), ("rVert", 0x2016), ("rbrack", 0x5D),
        ]
      ),
    ]
    for (mathClass, entries) in groups {
      for (name, code) in entries { table[name] = (scalar(code), mathClass) }
    }
    return table
  }()

  /// `\ldots` and `\cdots` as LaTeX builds them: three dots (`\ldotp`, `\cdotp`), each
  /// punctuation, in an Inner atom.
  static let dots: [String: Unicode.Scalar] = ["ldots": ".", "dots": ".", "cdots": "\u{22C5}"]

  /// Characters typed as themselves, with their class (letters and digits are Ord).
  static func character(_ c: Unicode.Scalar) -> (Unicode.Scalar, MathClass)? {
    switch c {
    case "+", "*": return (c == "*" ? "\u{2217}" : c, .bin)
    case "-": return ("\u{2212}", .bin)
    case "=", "<", ">", ":": return (c, .rel)
    case ",", ";": return (c, .punct)
    case "(", "[": return (c, .open)
    case ")", "]", "!", "?": return (c, .close)
    case "/", "|", ".", "@", "\"": return (c, .ord)
    default:
      if c.properties.isAlphabetic || ("0"..."9").contains(c) || c.value >= 0x80 { return (c, .ord) }
      return nil
    }
  }

  /// Big operators: the character and whether limits go above and below in display style.
  static let bigOperators: [String: (Unicode.Scalar, Bool)] = [
    "sum": ("\u{2211}", true), "prod": ("\u{220F}", true), "coprod": ("\u{2210}", true),
    "bigcup": ("\u{22C3}", true), "bigcap": ("\u{22C2}", true), "bigoplus": ("\u{2A01}", true),
    "bigotimes": ("\u{2A02}", true), "bigvee": ("\u{22C1}", true), "bigwedge": ("\u{22C0}", true),
    "int": ("\u{222B}", false), "iint": ("\u{222C}", false), "oint": ("\u{222E}", false),
  ]

  /// Named operators set upright (`\log x`), and whether limits go below in display style.
  static let namedOperators: [String: Bool] = [
    "log": false, "ln": false, "exp": false, "sin": false, "cos": false, "tan": false, "tanh": false,
    "sinh": false, "cosh": false, "arg": false, "dim": false, "deg": false, "ker": false, "lg": false,
    "max": true, "min": true, "lim": true, "sup": true, "inf": true, "det": true, "Pr": true, "gcd": true,
    "argmax": true, "argmin": true,
  ]

  /// Accents: the combining character and whether it stretches across the body.
  static let accents: [String: (Unicode.Scalar, Bool)] = [
    "hat": ("\u{0302}", false), "tilde": ("\u{0303}", false), "bar": ("\u{0304}", false),
    "vec": ("\u{20D7}", false), "dot": ("\u{0307}", false), "ddot": ("\u{0308}", false),
    "check": ("\u{030C}", false), "breve": ("\u{0306}", false), "acute": ("\u{0301}", false),
    "grave": ("\u{0300}", false), "widehat": ("\u{0302}", true), "widetilde": ("\u{0303}", true),
    "overrightarrow": ("\u{2192}", true), "overleftarrow": ("\u{2190}", true),
  ]

  /// Spaces in mu (18 mu = 1 em).
  static let spaces: [String: Double] = [
    ",": 3, "thinspace": 3, ":": 4, ">": 4, "medspace": 4, ";": 5, "thickspace": 5, "!": -3,
    "negthinspace": -3, "quad": 18, "qquad": 36, " ": 6, "enspace": 9,
  ]

  /// `\big` and friends: the size of the delimiter in font units (TeX's 8.5, 11.5, 14.5 and
  /// 17.5 pt at 10 pt), and the class it takes.
  static let bigDelimiters: [String: (Double, MathClass)] = {
    var table: [String: (Double, MathClass)] = [:]
    for (name, size) in [("big", 850.0), ("Big", 1150), ("bigg", 1450), ("Bigg", 1750)] {
      table[name] = (size, .ord)
      table[name + "l"] = (size, .open)
      table[name + "r"] = (size, .close)
      table[name + "m"] = (size, .rel)
    }
    return table
  }()

  /// What may follow `\left`, `\right` or `\big`: a character or a delimiter command.
  static func delimiter(named name: String) -> Unicode.Scalar? {
    switch name {
    case "(", ")", "[", "]", "|", "/": return Unicode.Scalar(name)
    case "\\{", "\\lbrace": return "{"
    case "\\}", "\\rbrace": return "}"
    case "\\|", "\\Vert", "\\lVert", "\\rVert": return "\u{2016}"
    case "\\vert", "\\lvert", "\\rvert": return "|"
    case "\\langle": return "\u{27E8}"
    case "\\rangle": return "\u{27E9}"
    case "\\lfloor": return "\u{230A}"
    case "\\rfloor": return "\u{230B}"
    case "\\lceil": return "\u{2308}"
    case "\\rceil": return "\u{2309}"
    case "\\uparrow": return "\u{2191}"
    case "\\downarrow": return "\u{2193}"
    default: return nil
    }
  }

  /// Math alphabets: the character `c` in `alphabet`, or nil if the alphabet has no such letter.
  static func styled(_ c: Unicode.Scalar, _ alphabet: MathAlphabet) -> Unicode.Scalar? {
    let upper = ("A"..."Z").contains(c)
    let lower = ("a"..."z").contains(c)
    let digit = ("0"..."9").contains(c)
    let index = upper ? c.value - 65 : lower ? c.value - 97 : digit ? c.value - 48 : 0
    switch alphabet {
    case .italic:
      if c == "h" { return "\u{210E}" }
      if upper { return Unicode.Scalar(0x1D434 + index) }
      if lower { return Unicode.Scalar(0x1D44E + index) }
      return c
    case .roman: return c
    case .bold:
      if upper { return Unicode.Scalar(0x1D400 + index) }
      if lower { return Unicode.Scalar(0x1D41A + index) }
      if digit { return Unicode.Scalar(0x1D7CE + index) }
      return c
    case .boldItalic:
      if upper { return Unicode.Scalar(0x1D468 + index) }
      if lower { return Unicode.Scalar(0x1D482 + index) }
      return c
    case .blackboard:
      let holes: [Unicode.Scalar: UInt32] = [
        "C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124,
      ]
      if let hole = holes[c] { return Unicode.Scalar(hole) }
      if upper { return Unicode.Scalar(0x1D538 + index) }
      if lower { return Unicode.Scalar(0x1D552 + index) }
      if digit { return Unicode.Scalar(0x1D7D8 + index) }
      return nil
    case .calligraphic:
      let holes: [Unicode.Scalar: UInt32] = [
        "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133, "R": 0x211B,
      ]
      if let hole = holes[c] { return Unicode.Scalar(hole) }
      if upper { return Unicode.Scalar(0x1D49C + index) }
      return nil
    case .sansSerif:
      if upper { return Unicode.Scalar(0x1D5A0 + index) }
      if lower { return Unicode.Scalar(0x1D5BA + index) }
      if digit { return Unicode.Scalar(0x1D7E2 + index) }
      return c
    case .monospace:
      if upper { return Unicode.Scalar(0x1D670 + index) }
      if lower { return Unicode.Scalar(0x1D68A + index) }
      if digit { return Unicode.Scalar(0x1D7F6 + index) }
      return c
    }
  }

  static let alphabets: [String: MathAlphabet] = [
    "mathrm": .roman, "mathit": .italic, "mathbf": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic,
    "mathbb": .blackboard, "mathcal": .calligraphic, "mathsf": .sansSerif, "mathtt": .monospace,
  ]
}

/// The letter shapes of `\mathrm`, `\mathbf`, … (italic is the default for letters).
enum MathAlphabet: Sendable {
  case italic, roman, bold, boldItalic, blackboard, calligraphic, sansSerif, monospace
}
