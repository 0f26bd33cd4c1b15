import Canvas

/// A parsed formula: a list of atoms (TeX's math list), with spaces and style changes.
public typealias MathList = [MathItem]

/// One element of a math list.
public indirect enum MathItem: Sendable {
  case atom(MathAtom)
  /// Horizontal space in mu (1/18 of the current em), scaled with the style.
  case space(Double)
  /// `\displaystyle` and friends: the rest of the list is in this style.
  case style(MathStyle.Size)
}

/// An atom: a nucleus with optional scripts, its class, and what it is tagged with.
public struct MathAtom: Sendable {
  public var mathClass: MathClass
  public var nucleus: MathNucleus
  public var sup: MathList?
  public var sub: MathList?
  /// `\limits` (true), `\nolimits` (false) or the default for the operator (nil).
  public var limits: Bool?
  /// Whether an operator takes its limits above and below in display style (∑, max) or
  /// beside it (∫, log) when neither `\limits` nor `\nolimits` says.
  public var limitsInDisplay = false
  public var color: Color?
  /// The `\part` names this atom is inside, outermost first.
  public var parts: [String]
  /// Where the atom starts in the source, for messages.
  public var sourceOffset: Int

  public init(
    _ mathClass: MathClass, _ nucleus: MathNucleus, color: Color? = nil, parts: [String] = [], sourceOffset: Int = 0
  ) {
    self.mathClass = mathClass
    self.nucleus = nucleus
    self.color = color
    self.parts = parts
    self.sourceOffset = sourceOffset
  }
}

/// What an atom is made of.
public indirect enum MathNucleus: Sendable {
  /// One character of the math font (already mapped to its math alphabet).
  case symbol(Unicode.Scalar)
  /// Upright characters set side by side (`\text`, `\operatorname`, `\sin`).
  case text(String)
  /// A braced sub-formula.
  case list(MathList)
  /// `\frac`, `\dfrac`, `\tfrac`, `\binom` (no rule, in parentheses): numerator over
  /// denominator.
  case fraction(MathList, MathList, rule: Bool, style: MathStyle.Size?, parenthesized: Bool)
  case radical(MathList, degree: MathList?)
  /// `\left… \right…`; a nil delimiter is `.`, an empty space.
  case delimited(left: Unicode.Scalar?, MathList, right: Unicode.Scalar?)
  /// `\big(` and friends: a delimiter of a fixed size, in font units.
  case bigDelimiter(Unicode.Scalar, size: Double)
  /// An accent over the body; `wide` accents stretch across it.
  case accent(Unicode.Scalar, MathList, wide: Bool)
  case overline(MathList)
  case underline(MathList)
  /// `\overbrace` / `\underbrace`: the label comes as the atom's superscript / subscript.
  case brace(MathList, over: Bool)
  /// `matrix`-like environments: rows of cells, how columns align, and the delimiters.
  case array(MathArray)
}

/// The cells of a matrix, `cases` or `aligned` environment.
public struct MathArray: Sendable {
  public enum Alignment: Sendable { case center, left, right }
  public var rows: [[MathList]]
  /// One per column; columns past the end repeat the last.
  public var alignments: [Alignment]
  /// Space on each side of a column in font units; none outside the first and last
  /// (amsmath's matrices).
  public var columnGap: Double
  public var left: Unicode.Scalar?
  public var right: Unicode.Scalar?
  /// Cells in display style (`aligned`) rather than text style.
  public var displayCells: Bool
  /// LaTeX's `\arraystretch`: how much taller than the usual strut each row is at least
  /// (1.2 in `cases`).
  public var rowStretch = 1.0
  /// Extra space below each row (`\\[4pt]`), in font units.
  public var rowSpacing: [Double] = []
}
