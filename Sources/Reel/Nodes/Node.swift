import Canvas

/// One thing on screen — a shape, a line of text, a heatmap — and how it is placed and styled.
///
/// Nodes are values: an animation never mutates a node, it computes the node's state at a
/// time. `content` is in local coordinates, centred on the origin; `position`, `scale` and
/// `rotation` place it in the frame.
public struct Node: Sendable, Hashable {
  /// Set when the node is registered with a `SceneRecorder`.
  public internal(set) var id: NodeID?
  public var content: NodeContent
  /// Where the local origin (the content's centre) lands in the frame.
  public var position: Point
  public var scale: Double = 1
  /// Radians, clockwise on screen.
  public var rotation: Double = 0
  /// Fill of shapes; the colour of text.
  public var fill: Paint?
  public var stroke: Paint?
  public var strokeStyle = StrokeStyle()
  public var opacity: Double = 1
  /// Drawing order: higher is in front; equal values keep the order nodes were registered.
  public var zIndex: Int = 0
  /// How much of the node is drawn, 0…1: a path's length, text's glyphs, a heatmap's rows.
  /// `create` and `write` animate it.
  public var reveal: Double = 1

  public init(
    _ content: NodeContent, at position: Point = .zero, fill: Paint? = nil,
    stroke: Paint? = nil, strokeStyle: StrokeStyle = StrokeStyle()
  ) {
    self.content = content
    self.position = position
    self.fill = fill
    self.stroke = stroke
    self.strokeStyle = strokeStyle
  }

  /// The transform from local coordinates to the frame.
  public var transform: Transform {
    Transform.scale(scale, scale)
      .concatenating(.rotation(rotation))
      .concatenating(.translation(position.x, position.y))
  }

  /// The node's box in the frame (the bounding box when rotated).
  public var bounds: Rect { content.localBounds.applying(transform) }
}
