import Canvas

/// The properties in which a changed copy of a node differs from the node it was copied
/// from. Passing a changed copy to `play` sets these (and only these) when it starts.
public struct NodeChanges: Sendable, Hashable {
  var content: NodeContent?
  var position: Point?
  var pivot: Point?
  var scale: Double?
  var rotation: Double?
  var fill: Paint??
  var stroke: Paint??
  var strokeStyle: StrokeStyle?
  var opacity: Double?
  var presence: Double?
  var reveal: Double?

  /// What changed from `old` to `new` (identity, parent and z-index are not changes).
  init(from old: Node, to new: Node) {
    func changed<T: Equatable>(_ a: T, _ b: T) -> T? { a == b ? nil : b }
    content = changed(old.content, new.content)
    position = changed(old.position, new.position)
    pivot = changed(old.pivot, new.pivot)
    scale = changed(old.scale, new.scale)
    rotation = changed(old.rotation, new.rotation)
    fill = old.fill == new.fill ? nil : .some(new.fill)
    stroke = old.stroke == new.stroke ? nil : .some(new.stroke)
    strokeStyle = changed(old.strokeStyle, new.strokeStyle)
    opacity = changed(old.opacity, new.opacity)
    presence = changed(old.presence, new.presence)
    reveal = changed(old.reveal, new.reveal)
  }

  var isEmpty: Bool {
    content == nil && position == nil && pivot == nil && scale == nil && rotation == nil && fill == nil
      && stroke == nil && strokeStyle == nil && opacity == nil && presence == nil && reveal == nil
  }

  func apply(to node: Node) -> Node {
    var n = node
    if let content { n.content = content }
    if let position { n.position = position }
    if let pivot { n.pivot = pivot }
    if let scale { n.scale = scale }
    if let rotation { n.rotation = rotation }
    if let fill { n.fill = fill }
    if let stroke { n.stroke = stroke }
    if let strokeStyle { n.strokeStyle = strokeStyle }
    if let opacity { n.opacity = opacity }
    if let presence { n.presence = presence }
    if let reveal { n.reveal = reveal }
    return n
  }
}
