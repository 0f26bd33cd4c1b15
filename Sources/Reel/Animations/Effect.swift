import Canvas

/// What an animation does to each of its target nodes, as a function of eased progress.
public enum Effect: Sendable, Hashable {
  /// Opacity from 0 up, arriving from `shift` away.
  case fadeIn(shift: Point)
  /// Opacity down to 0, leaving towards `shift`.
  case fadeOut(shift: Point)
  /// Draws a shape along its length (then fills it), or a heatmap row by row.
  case create
  /// Writes text glyph by glyph (other nodes: like `create`).
  case write
  /// Morphs into another node's shape, place and style.
  case transform(into: Node)
  case move(to: Point)
  case shift(by: Point)
  case scale(to: Double)
  case rotate(by: Double)
  case recolor(fill: Color?, stroke: Color?)
  case fade(to: Double)
  /// A brief pulse: grows by `scale` and tints towards `color`, then returns.
  case indicate(color: Color, scale: Double)

  /// `node` as it is at eased progress `p` of this effect, starting from `node`.
  func apply(to node: Node, progress p: Double) -> Node {
    var n = node
    switch self {
    case .fadeIn(let shift):
      n.opacity *= p
      n.position = n.position - shift * (1 - p)
    case .fadeOut(let shift):
      n.opacity *= 1 - p
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
    }
    return n
  }
}
