import Canvas
import MathType
import Reel

/// A matrix with its typeset name above it (`Q`, `W_Q`, `QK^\top`), measured before it is
/// placed, so equations of matrices can be laid out with `BlockFlow` and then made.
public struct MatrixBlock: Sendable {
  public var values: [[Double]]
  public var style: MatrixStyle
  public var rowLabels: [String]
  public var columnLabels: [String]
  public var name: PlacedFormula
  /// Room kept right of the matrix (for row sums beside it).
  public var trailing: Double
  /// Entries and brackets (`bounds`), and everything with the labels (`extent`), centred
  /// on `center`.
  public private(set) var bounds: Rect
  public private(set) var extent: Rect
  /// The centre of the entries and brackets, once placed.
  public private(set) var center: Point = .zero

  static let nameGap = 10.0

  /// `widest`: other values the matrix will change to in place; the block is as wide as
  /// the widest of them.
  public init(
    _ values: [[Double]], style: MatrixStyle, rowLabels: [String] = [], columnLabels: [String] = [],
    name: PlacedFormula, trailing: Double = 0, widest: [[[Double]]] = [], mathFont: MathFont,
    measurer: TextMeasurer
  ) throws {
    self.values = values
    self.style = style
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.name = name
    self.trailing = trailing
    var measured = try MatrixNodes.measure(
      values, style: style, rowLabels: rowLabels, columnLabels: columnLabels, mathFont: mathFont, measurer: measurer)
    for other in widest {
      let box = try MatrixNodes.measure(
        other, style: style, rowLabels: rowLabels, columnLabels: columnLabels, mathFont: mathFont, measurer: measurer)
      if box.extent.width > measured.extent.width { measured = box }
    }
    (bounds, extent) = measured
  }

  /// The block for `BlockFlow`: its axis is the middle of the entries.
  public var block: BlockFlow.Block {
    let top = name.box.height + Self.nameGap
    return BlockFlow.Block(
      size: Size(max(extent.width + trailing, name.box.width), top + extent.height), axis: top - extent.minY)
  }

  /// Moves the block into `frame` (from `BlockFlow`): the matrix centred across it under
  /// its name.
  public mutating func place(in frame: Rect) {
    let width = extent.width + trailing
    let left = frame.minX + (frame.width - width) / 2
    let newCenter = Point(left - extent.minX, frame.minY + name.box.height + Self.nameGap - extent.minY)
    let (dx, dy) = (newCenter.x - center.x, newCenter.y - center.y)
    center = newCenter
    bounds = bounds.offsetBy(dx: dx, dy: dy)
    extent = extent.offsetBy(dx: dx, dy: dy)
    name.center = Point(center.x, frame.minY + name.box.height / 2)
  }

  /// Makes the matrix and its name (made, not shown).
  public func nodes(in scene: inout SceneRecorder, mathFont: MathFont, measurer: TextMeasurer) throws -> (
    matrix: MatrixNodes, name: FormulaNodes
  ) {
    let matrix = try scene.matrix(
      values, center: center, style: style, rowLabels: rowLabels, columnLabels: columnLabels, mathFont: mathFont,
      measurer: measurer)
    return (matrix, try name.nodes(in: &scene))
  }
}
