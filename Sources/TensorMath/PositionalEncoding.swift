import Foundation

/// The sinusoidal positional encoding of "Attention Is All You Need", interleaved:
/// `PE(pos, 2i) = sin(pos / 10000^(2i/d))`, `PE(pos, 2i+1) = cos(pos / 10000^(2i/d))`.
public enum PositionalEncoding {
  /// A `positions × dModel` matrix; row `pos` is the encoding of position `pos`.
  public static func sinusoidal(positions: Int, dModel: Int) -> Matrix {
    Matrix(rows: positions, columns: dModel) { pos, dimension in
      let pair = Double(dimension / 2)
      let angle = Double(pos) / pow(10_000, 2 * pair / Double(dModel))
      return Float(dimension.isMultiple(of: 2) ? sin(angle) : cos(angle))
    }
  }
}
