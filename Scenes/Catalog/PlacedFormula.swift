import Canvas
import MathType
import Reel

/// A typeset formula with its size, colour and place in the frame.
public struct PlacedFormula: Sendable {
  public let formula: Formula
  /// Pixels per em.
  public var size: Double
  public let color: Color
  /// The centre of the formula's layout box.
  public var center: Point
  /// Colours of named parts (`\part{q}{Q}`), over `color`.
  public var partColors: [String: Color] = [:]

  /// The layout box in the frame (glyphs may lean a hair past it).
  public var box: Rect { Rect(center: center, size: formula.bounds(size: size).size) }

  /// Height of the layout box above the baseline and depth below it, in pixels.
  public var ascent: Double { -formula.bounds(size: size).minY }
  public var descent: Double { formula.bounds(size: size).maxY }

  /// The formula as scene nodes, made but not shown.
  public func nodes(in scene: inout SceneRecorder) throws -> FormulaNodes {
    try scene.formula(formula, size: size, center: center, color: color, partColors: partColors)
  }
}
