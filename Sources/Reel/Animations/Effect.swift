import Canvas

/// What an animation does to each of its target nodes, as a function of eased progress.
public enum Effect: Sendable, Hashable {
  /// Fades from nothing to fully present, arriving from `shift` away.
  case fadeIn(shift: Point)
  /// Fades to nothing, leaving towards `shift`.
  case fadeOut(shift: Point)
  /// Draws a shape along its length (then fills it), or a heatmap row by row.
  case create
  /// Writes text glyph by glyph, each outline drawn then filled (other nodes: like `create`).
  case write
  /// Morphs into another node's shape, place and style.
  case transform(into: Node)
  /// Moves to a point in the parent's coordinates (the frame's, without a parent).
  case move(to: Point)
  case shift(by: Point)
  /// Scales about the node's pivot.
  case scale(to: Double)
  case rotate(by: Double)
  case recolor(fill: Color?, stroke: Color?)
  /// Changes the node's own opacity (a style; `fadeIn`/`fadeOut` change its presence).
  case fade(to: Double)
  /// A brief pulse: grows by `scale` and tints towards `color`, then returns.
  case indicate(color: Color, scale: Double)
  /// Changes a `ValueTracker`'s number.
  case setValue(Double)
  /// Sets properties at once: a changed copy of a node passed to `play`.
  case set(NodeChanges)

  /// Whether the effect brings a node on screen by itself, so the node stays hidden until
  /// it starts even inside a group that is already showing.
  var introduces: Bool {
    switch self {
    case .fadeIn, .create, .write: return true
    default: return false
    }
  }

  /// `node` as it is at eased progress `p` of this effect, starting from `node`.
  func apply(to node: Node, progress p: Double) -> Node {
    var n = node
    switch self {
    case .fadeIn(let shift):
      n.presence = p
      n.position = n.position - shift * (1 - p)
    case .fadeOut(let shift):
      n.presence = node.presence * (1 - p)
      n.position = n.position + shift * p
    case .create, .write:
      n.reveal = min(n.reveal, p)
    case .transform(let target):
      n = node.morphed(into: target, progress: p)
    case .move(let point):
      n.position = node.position.interpolated(to: point, p)
    case .shift(let offset):
      n.position = node.position + offset * p
    case .scale(let factor):
      n.scale = lerp(node.scale, factor, p)
    case .rotate(let angle):
      n.rotation += angle * p
    case .recolor(let fill, let stroke):
      if let fill { n.fill = .solid((node.fill?.baseColor ?? fill.withAlpha(0)).interpolated(to: fill, p)) }
      if let stroke { n.stroke = .solid((node.stroke?.baseColor ?? stroke.withAlpha(0)).interpolated(to: stroke, p)) }
    case .fade(let opacity):
      n.opacity = lerp(node.opacity, opacity, p)
    case .indicate(let color, let factor):
      // `p` is already eased with there-and-back by `Animation.indicate`.
      n.scale *= lerp(1, factor, p)
      if let fill = node.fill { n.fill = .solid(fill.baseColor.interpolated(to: color, p)) }
      if let stroke = node.stroke { n.stroke = .solid(stroke.baseColor.interpolated(to: color, p)) }
    case .setValue(let value):
      if case .value(let start) = node.content { n.content = .value(lerp(start, value, p)) }
    case .set(let changes):
      n = changes.apply(to: node)
    }
    return n
  }
}
