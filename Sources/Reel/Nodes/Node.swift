import Canvas

/// One thing on screen — a shape, a line of text, a heatmap, a group of other nodes — and
/// how it is placed and styled.
///
/// Nodes are values: an animation never mutates a node, it computes the node's state at a
/// time. `content` is in local coordinates; `position`, `scale` and `rotation` place the
/// local point `pivot` in the parent's coordinates (the frame's, for a node without a
/// parent). A node in a group moves, scales, rotates and fades with it.
public struct Node: Sendable, Hashable {
  /// Set when the node is registered with a `SceneRecorder`.
  public internal(set) var id: NodeID?
  /// The group this node belongs to, set by `SceneRecorder.group`.
  public internal(set) var parent: NodeID?
  public var content: NodeContent
  /// Where `pivot` lands in the parent's coordinates.
  public var position: Point
  /// The local point that `position` places and that scaling and rotation turn about: the
  /// origin (the content's centre) for shapes and text, the members' centre for a group.
  public var pivot: Point = .zero
  public var scale: Double = 1
  /// Radians, clockwise on screen.
  public var rotation: Double = 0
  /// Fill of shapes; the colour of text.
  public var fill: Paint?
  public var stroke: Paint?
  public var strokeStyle = StrokeStyle()
  /// The node's own opacity, a style like its colour (`fade` animates it).
  public var opacity: Double = 1
  /// How far the node has faded in, 0…1 (`fadeIn` and `fadeOut` animate it). Kept apart
  /// from `opacity`, so a node faded out and in again returns to its own opacity.
  public var presence: Double = 1
  /// Drawing order: higher is in front; equal values keep the order nodes were registered.
  /// Fixed for the whole scene.
  public var zIndex: Int = 0
  /// How much of the node is drawn, 0…1: a path's length, text's glyphs, a heatmap's rows.
  /// `create` and `write` animate it; a group's reveal applies to its members too.
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

  /// The transform from local coordinates to the parent's (the frame's, without a parent).
  public var transform: Transform {
    Transform.translation(-pivot.x, -pivot.y)
      .concatenating(.scale(scale, scale))
      .concatenating(.rotation(rotation))
      .concatenating(.translation(position.x, position.y))
  }

  /// The node's box in its parent's coordinates (the bounding box when rotated).
  public var bounds: Rect { content.localBounds.applying(transform) }

  /// How opaque the node is drawn: its opacity times its presence.
  public var effectiveOpacity: Double { opacity * presence }

  /// Whether drawing the node would put anything on screen.
  public var isVisible: Bool { effectiveOpacity > 0 && reveal > 0 && content.isDrawn }

  /// This node as seen in the frame when its parent is `parent` (already in frame
  /// coordinates): transforms compose (uniform scale and rotation keep them of this
  /// form), opacity multiplies and reveal takes the smaller.
  func placed(in parent: Node) -> Node {
    var world = self
    world.position = parent.transform.apply(position)
    world.scale = parent.scale * scale
    world.rotation = parent.rotation + rotation
    world.opacity = parent.effectiveOpacity * opacity
    world.presence = presence
    world.reveal = min(parent.reveal, reveal)
    return world
  }
}
