import Canvas

/// A typeset formula: LaTeX math read and laid out with the math font, ready to draw at any
/// size as ordinary vector paths.
///
/// Parts: `\part{name}{…}` names a piece of the formula (`\part{scores}{QK^\top}`), so a
/// scene can colour, fade, move or morph it; `\color{red}{…}` colours a piece.
public struct Formula: Sendable {
  /// The LaTeX as given.
  public let latex: String
  /// Display style (`\displaystyle`: big operators, limits above and below) or text style.
  public let display: Bool
  /// The laid-out box, in font units (1000 per em for Latin Modern Math), y up.
  public let box: MathBox
  public let font: MathFont

  /// Reads and lays out `latex`; a `MathSyntaxError` says what is wrong and where.
  public init(_ latex: String, display: Bool = true, font: MathFont) throws {
    self.latex = latex
    self.display = display
    self.font = font
    let list = try MathParser.parse(latex)
    do {
      box = try MathLayout(font: font).layout(list, style: display ? .display : .text)
    } catch MathLayoutError.missingGlyph(let scalar, let offset) {
      throw MathSyntaxError(
        MathLayoutError.missingGlyph(scalar, offset: offset).description, source: latex, offset: offset)
    }
  }

  /// One filled piece of the drawn formula.
  public struct Piece: Sendable {
    /// In pixels at the size asked for, y down, the origin on the baseline at the left edge.
    public let path: Path
    /// From `\color`; nil means the formula's colour.
    public let color: Color?
    public let parts: [String]
    /// The glyph drawn, or nil for a fraction bar, radical bar or over/underline.
    public let glyph: MathGlyph?
  }

  /// The glyphs and rules at `size` pixels per em. Glyphs and rules are separate pieces:
  /// filled in one path their opposite windings would punch holes where they meet.
  public func pieces(size: Double) -> [Piece] {
    let unit = size / font.unitsPerEm
    return box.shapes.map { shape in
      Piece(path: shape.path(font: font, unit: unit), color: shape.color, parts: shape.parts, glyph: shape.glyph)
    }
  }

  /// The layout box at `size`: x from 0 to the width, y from −height to depth (y down).
  public func bounds(size: Double) -> Rect {
    let unit = size / font.unitsPerEm
    return Rect(x: 0, y: -box.height * unit, width: box.width * unit, height: (box.height + box.depth) * unit)
  }

  /// Where ink actually falls at `size` (from the outlines' points, so a hair generous
  /// at curves).
  public func inkBounds(size: Double) -> Rect {
    let rects = pieces(size: size).map(\.path.bounds).filter { $0.width > 0 || $0.height > 0 }
    guard let first = rects.first else { return .zero }
    return rects.dropFirst().reduce(first) { $0.union($1) }
  }
}

extension Formula {
  /// Draws the formula with its baseline's left end at `origin`, `size` pixels (or points,
  /// on a vector page) per em, in `color` where `\color` does not say otherwise.
  public func draw(on canvas: Canvas, size: Double, origin: Point, color: Color) {
    canvas.withSavedState {
      canvas.concatenate(.translation(origin.x, origin.y))
      for piece in pieces(size: size) {
        canvas.fill(piece.path, with: .solid(piece.color ?? color))
      }
    }
  }
}
