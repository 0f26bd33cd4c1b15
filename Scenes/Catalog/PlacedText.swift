import Canvas
import Reel

/// A line of text with its font, colour and place in the frame, measured when made.
public struct PlacedText: Sendable, Hashable {
  public var string: String
  public var font: Font
  public var color: Color
  public var center: Point
  /// Turned a quarter anticlockwise, reading upwards (for vertical axis labels).
  public var isVertical: Bool
  /// The unrotated measured size.
  public var size: Size

  public init(
    _ string: String, font: Font, color: Color, center: Point = .zero,
    isVertical: Bool = false, measurer: TextMeasurer
  ) {
    self.string = string
    self.font = font
    self.color = color
    self.center = center
    self.isVertical = isVertical
    self.size = measurer.measure(string, font: font).logical.size
  }

  /// `string` in the largest size from `font.size` down to `minimumSize` that fits in
  /// `maxWidth`, shortened with an ellipsis if even that is too wide.
  public static func fitted(
    _ string: String, font: Font, color: Color, maxWidth: Double, minimumSize: Double,
    measurer m: TextMeasurer
  ) -> PlacedText {
    var font = font
    while font.size > minimumSize && m.measure(string, font: font).width > maxWidth { font.size -= 1 }
    return PlacedText(m.truncated(string, font: font, maxWidth: maxWidth), font: font, color: color, measurer: m)
  }

  /// The box the text covers in the frame.
  public var box: Rect {
    Rect(center: center, size: isVertical ? Size(size.height, size.width) : size)
  }

  /// The text as a scene node.
  public func node(measurer: TextMeasurer) -> Node {
    var node = Node.text(string, font: font, color: color, at: center, measurer: measurer)
    if isVertical { node.rotation = -.pi / 2 }
    return node
  }
}
