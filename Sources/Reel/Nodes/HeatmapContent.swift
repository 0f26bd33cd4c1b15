import Canvas
import Foundation

/// A grid of cells coloured by value through a colormap, optionally with each value
/// printed in its cell. `nil` values are masked cells, drawn hatched rather than as a colour.
public struct HeatmapContent: Sendable, Hashable {
  /// Rows of values; all rows have the same length.
  public var values: [[Double?]]
  public var colormap: Colormap
  /// The values mapped to the first and last colormap entries.
  public var range: ClosedRange<Double>
  /// The value mapped to the middle of the colormap, for a diverging map centred on a
  /// meaningful value: below it the lower half of the map, above it the upper half, each
  /// linear (matplotlib's `TwoSlopeNorm`). `nil`: linear over `range`.
  public var center: Double?
  public var cellSize: Size
  /// Space between cells.
  public var gap: Double
  /// Font for printed values, or `nil` to print none.
  public var valueFont: Font?
  /// Decimal places of printed values.
  public var decimals: Int
  /// A masked cell's tile and hatching (take them from the theme).
  public var maskColor: Color
  public var maskHatch: Color

  public init(
    values: [[Double?]], colormap: Colormap, range: ClosedRange<Double>, cellSize: Size,
    center: Double? = nil, gap: Double = 2, valueFont: Font? = nil, decimals: Int = 2,
    maskColor: Color = Theme.light.maskFill, maskHatch: Color = Theme.light.maskHatch
  ) {
    self.values = values
    self.colormap = colormap
    self.range = range
    self.center = center
    self.cellSize = cellSize
    self.gap = gap
    self.valueFont = valueFont
    self.decimals = decimals
    self.maskColor = maskColor
    self.maskHatch = maskHatch
  }

  public var rows: Int { values.count }
  public var columns: Int { values.first?.count ?? 0 }

  public var localBounds: Rect {
    Rect(center: .zero, size: Size(Double(columns) * cellSize.width, Double(rows) * cellSize.height))
  }

  /// The box of cell (row, column) in local coordinates, gap included.
  public func cellRect(row: Int, column: Int) -> Rect {
    let box = localBounds
    return Rect(
      x: box.minX + Double(column) * cellSize.width,
      y: box.minY + Double(row) * cellSize.height,
      width: cellSize.width, height: cellSize.height)
  }

  /// The colour of a value.
  public func color(for value: Double) -> Color {
    colormap.color(at: fraction(for: value))
  }

  /// Where a value falls along the colormap, 0…1 (values outside `range` clamp).
  public func fraction(for value: Double) -> Double {
    let (low, high) = (range.lowerBound, range.upperBound)
    if let center, center > low, center < high {
      return value <= center
        ? 0.5 * max(value - low, 0) / (center - low) : min(0.5 + 0.5 * (value - center) / (high - center), 1)
    }
    let span = high - low
    return span > 0 ? min(max((value - low) / span, 0), 1) : 0
  }

  /// Cells this small (in the node's units) are drawn as one image, a pixel or two per
  /// cell, rather than one shape each: a 512-token matrix has 262,144 of them.
  public static let imageCellSize = 6.0

  /// Draw the grid as one image whatever its cells' size (thumbnails: crisp, no seams
  /// between gapless cells).
  public var alwaysAsImage = false

  /// Whether the grid is drawn as one image (tiny cells or thumbnails, no printed values).
  public var drawsAsImage: Bool {
    valueFont == nil && (alwaysAsImage || min(cellSize.width, cellSize.height) < Self.imageCellSize)
  }

  /// A value as printed in its cell.
  public func formatted(_ value: Double) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// How visible row `row` is when `reveal` of the grid is shown (rows fill top to bottom,
  /// each fading in over the span of one row).
  public func rowVisibility(_ row: Int, reveal: Double) -> Double {
    min(max(reveal * Double(rows) - Double(row), 0), 1)
  }
}
