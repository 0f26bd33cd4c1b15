import Canvas

/// A delimiter drawn on its own — the bracket of a matrix, a brace beside a list — as tall as
/// asked, from the math font's ready-made sizes or built from its parts.
public enum Delimiter {
  /// `scalar` (`[`, `(`, `{`, `|`, …) at least `height` pixels tall at `emSize` pixels per em:
  /// its path with the ink's left edge at x = 0 and centred on y = 0 (y down), and its
  /// advance width in pixels.
  public static func path(_ scalar: Unicode.Scalar, height: Double, emSize: Double, font: MathFont) throws
    -> (path: Path, width: Double)
  {
    guard let glyph = font.glyph(for: scalar) else {
      throw MathLayoutError.missingGlyph(scalar, offset: 0)
    }
    let unit = emSize / font.unitsPerEm
    let box = MathLayout(font: font).stretched(glyph, to: height / unit, horizontal: false, scale: 1)
    var path = Path()
    for shape in box.shapes { path.append(shape.path(font: font, unit: unit)) }
    let bounds = path.bounds
    return (path.applying(.translation(-bounds.minX, -bounds.center.y)), box.width * unit)
  }
}
