import Canvas
import MathType

/// A legend: one row per curve, a short line in the curve's colour (dashed if it is) and
/// its typeset label. Measured when made, so it can be placed before its nodes exist.
public struct Legend: Sendable {
  public struct Entry: Sendable {
    public var color: Color
    public var dashed: Bool
    public var label: Formula

    public init(color: Color, dashed: Bool = false, label: Formula) {
      self.color = color
      self.dashed = dashed
      self.label = label
    }
  }

  public var entries: [Entry]
  /// The labels' size, pixels per em.
  public var size: Double
  static let swatch = 36.0

  public init(_ entries: [Entry], size: Double) {
    self.entries = entries
    self.size = size
  }

  var rowHeight: Double { max(entries.map { $0.label.bounds(size: size).height }.max() ?? 0, size) + size * 0.35 }

  /// The legend's size.
  public var extent: Size {
    let widest = entries.map { $0.label.bounds(size: size).width }.max() ?? 0
    return Size(Self.swatch + size * 0.5 + widest, rowHeight * Double(entries.count))
  }

  /// Makes one group per row (line and label) with the legend's top-left corner at
  /// `origin`. Made, not shown.
  public func rows(in scene: inout SceneRecorder, at origin: Point, labelColor: Color) throws -> [Node] {
    try entries.enumerated().map { index, entry in
      let y = origin.y + rowHeight * (Double(index) + 0.5)
      var line = Node.line(from: Point(origin.x, y), to: Point(origin.x + Self.swatch, y), color: entry.color, width: 4)
      if entry.dashed { line.strokeStyle.dash = [8, 6] }
      let box = entry.label.bounds(size: size)
      let label = try scene.formula(
        entry.label, size: size, center: Point(origin.x + Self.swatch + size * 0.5 + box.width / 2, y),
        color: labelColor)
      return try scene.group([scene.make(line), label.group])
    }
  }
}
