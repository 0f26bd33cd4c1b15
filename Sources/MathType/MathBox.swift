import Canvas

/// A laid-out piece of a formula: TeX's box with width, height above the baseline and depth
/// below it, holding glyphs and rules placed relative to its origin (on the baseline at the
/// left edge). Font units, y up.
public struct MathBox: Sendable {
  public var width: Double = 0
  public var height: Double = 0
  public var depth: Double = 0
  public var shapes: [MathShape] = []

  public init(width: Double = 0, height: Double = 0, depth: Double = 0, shapes: [MathShape] = []) {
    self.width = width
    self.height = height
    self.depth = depth
    self.shapes = shapes
  }

  /// Puts `box` with its origin at (`x`, `y`) and grows this box to hold it.
  mutating func place(_ box: MathBox, x: Double, y: Double) {
    shapes += box.shapes.map { $0.offset(x: x, y: y) }
    height = max(height, y + box.height)
    depth = max(depth, box.depth - y)
    width = max(width, x + box.width)
  }

  /// Appends `box` at the right end, `y` above the baseline.
  mutating func append(_ box: MathBox, y: Double = 0) {
    let x = width
    place(box, x: x, y: y)
    width = x + box.width
  }

  /// This box moved by (`x`, `y`), same size.
  func offset(x: Double, y: Double) -> MathBox {
    MathBox(
      width: width, height: height + y, depth: depth - y, shapes: shapes.map { $0.offset(x: x, y: y) })
  }

  /// Every shape stamped with `color` (when it has none) and inside `parts`.
  func tagged(color: Color?, parts: [String]) -> MathBox {
    guard color != nil || !parts.isEmpty else { return self }
    var copy = self
    copy.shapes = shapes.map { shape in
      var shape = shape
      if shape.color == nil { shape.color = color }
      if shape.parts.isEmpty { shape.parts = parts }
      return shape
    }
    return copy
  }
}

/// One glyph or rule of a laid-out formula.
public struct MathShape: Sendable {
  public enum Kind: Sendable {
    /// A glyph drawn at `scale` (0.7 in scripts), its origin at (x, y).
    case glyph(MathGlyph, scale: Double)
    /// A filled rectangle whose bottom-left corner is at (x, y).
    case rule(width: Double, height: Double)
    /// A stretchy glyph built from overlapping parts, each with its origin at (x, y) plus
    /// its offset; drawn as one shape so the overlaps do not show.
    case assembly([MathGlyph], offsets: [Double], horizontal: Bool, scale: Double)
  }

  public var kind: Kind
  public var x: Double
  public var y: Double
  /// Set by `\color`; nil means the formula's colour.
  public var color: Color?
  /// The `\part` names this shape belongs to, outermost first.
  public var parts: [String] = []

  func offset(x dx: Double, y dy: Double) -> MathShape {
    var copy = self
    copy.x += dx
    copy.y += dy
    return copy
  }
}

extension MathShape {
  /// The shape as a path, `unit` pixels per font unit, y down, the box's origin at (0, 0).
  func path(font: MathFont, unit: Double) -> Path {
    func placed(_ glyph: MathGlyph, x: Double, y: Double, scale: Double) -> Path {
      font.outline(glyph).applying(
        Transform(a: unit * scale, b: 0, c: 0, d: unit * scale, tx: x * unit, ty: -y * unit))
    }
    switch kind {
    case .glyph(let glyph, let scale):
      return placed(glyph, x: x, y: y, scale: scale)
    case .assembly(let glyphs, let offsets, let horizontal, let scale):
      var path = Path()
      for (glyph, offset) in zip(glyphs, offsets) {
        path.append(
          placed(glyph, x: x + (horizontal ? offset : 0), y: y + (horizontal ? 0 : offset), scale: scale))
      }
      return path
    case .rule(let width, let height):
      return .rectangle(Rect(x: x * unit, y: -(y + height) * unit, width: width * unit, height: height * unit))
    }
  }

  /// The glyph drawn (the first part of an assembly), or nil for a rule.
  var glyph: MathGlyph? {
    switch kind {
    case .glyph(let glyph, _): return glyph
    case .assembly(let glyphs, _, _, _): return glyphs.first
    case .rule: return nil
    }
  }
}
