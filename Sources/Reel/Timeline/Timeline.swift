import Canvas

/// A recorded scene: every node, when it appears, every animation with its start, length
/// and rate, and the computed nodes. Immutable; `state(at:)` computes any moment from it
/// alone, at a cost that grows with what is on screen and running at that moment, not
/// with everything recorded before it.
public struct Timeline: Sendable {
  /// Every node in its registered (initial) state, in registration order.
  public let nodes: [Node]
  /// Each node's effects, indexed by time.
  let tracks: [NodeTrack]
  /// When each node comes on screen (`nil`: never), groups taken into account.
  let entrances: [Double?]
  /// Computed nodes, in registration order.
  let computations: [(index: Int, compute: Computation)]
  /// Node indices by drawing order: z-index, then registration order.
  let drawOrder: [Int]
  let activity: ActivityIndex
  public let sections: [Section]
  /// The clip length in seconds.
  public let duration: Double
  /// The logical frame the scene was laid out in (height 1080 units).
  public let frameSize: Size
  public let background: Color

  init(
    nodes: [Node], events: [NodeEvent?], effects: [TimedEffect], computations: [Int: Computation],
    sections: [Section], duration: Double, frameSize: Size, background: Color
  ) {
    self.nodes = nodes
    var byNode = Array(repeating: [TimedEffect](), count: nodes.count)
    // A stable sort by start keeps recording order for effects that start together.
    let ordered = effects.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
    for (_, effect) in ordered { byNode[effect.target].append(effect) }
    tracks = zip(nodes, byNode).map { NodeTrack(initial: $0, effects: $1) }
    entrances = Self.entrances(nodes: nodes, events: events)
    self.computations = computations.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    drawOrder = nodes.indices.sorted { (nodes[$0].zIndex, $0) < (nodes[$1].zIndex, $1) }
    activity = ActivityIndex(effects: effects, entrances: entrances.compactMap { $0 })
    self.sections = sections
    self.duration = duration
    self.frameSize = frameSize
    self.background = background
  }

  /// A node is on screen from its own first appearance — when it is added or first
  /// animated — or from its group's, whichever is first. A node whose first appearance is
  /// an entrance of its own (`fadeIn`, `create`, `write`) waits for it even in a group
  /// that is already showing.
  private static func entrances(nodes: [Node], events: [NodeEvent?]) -> [Double?] {
    var result = [Double?](repeating: nil, count: nodes.count)
    // A group is made after its members, so parents come later: fill from the end.
    for index in nodes.indices.reversed() {
      let own = events[index]
      if let own, own.introduces {
        result[index] = own.time
        continue
      }
      let inherited = nodes[index].parent.flatMap { result[$0.rawValue] }
      result[index] = [own?.time, inherited].compactMap { $0 }.min()
    }
    return result
  }

  /// Every node at time `t` in frame coordinates (groups' transforms, opacity and reveal
  /// applied), by index.
  func evaluate(at t: Double) -> [Node] {
    let states = FrameStates(tracks.map { $0.state(at: t) })
    for (index, compute) in computations {
      var computed = compute(states.nodes[index], SceneState(states: states))
      computed.id = nodes[index].id
      computed.parent = nodes[index].parent
      states.nodes[index] = computed
    }
    var world = states.nodes
    states.nodes = []  // leaves `world` the only owner: placed in place, not copied
    // A group is made after its members, so going from the end places parents first.
    for index in world.indices.reversed() {
      if let parent = world[index].parent { world[index] = world[index].placed(in: world[parent.rawValue]) }
    }
    return world
  }

  /// Every visible node at time `t`, in frame coordinates and in drawing order (z-index,
  /// then registration order). Nothing but the timeline and `t` is read.
  public func state(at t: Double) -> [Node] {
    let world = evaluate(at: t)
    var visible: [Node] = []
    visible.reserveCapacity(world.count)
    for index in drawOrder where world[index].isVisible {
      if let entrance = entrances[index], entrance <= t { visible.append(world[index]) }
    }
    return visible
  }

  /// `node` (a group too) at time `t` in frame coordinates, or `nil` before it comes on
  /// screen. It may be on screen and still invisible (faded out, opacity 0).
  public func state(of node: Node, at t: Double) -> Node? {
    guard let id = node.id, nodes.indices.contains(id.rawValue),
      let entrance = entrances[id.rawValue], entrance <= t
    else { return nil }
    return evaluate(at: t)[id.rawValue]
  }

  /// The number of frames in the clip at `fps`: duration × fps, rounded.
  public func frameCount(fps: Int) -> Int {
    frameCount(rate: Double(fps))
  }

  /// The number of frames in the clip at `rate` frames per second: duration × rate, rounded.
  public func frameCount(rate: Double) -> Int {
    max(1, Int((duration * rate).rounded()))
  }

  /// Whether the frame at `b` looks exactly like the one at `a`: no effect runs between
  /// them (or starts at `b`) and no node comes on screen. One drawing then serves both.
  /// Computed nodes read only other nodes, so they are still when those are.
  public func isStill(from a: Double, to b: Double) -> Bool {
    activity.isStill(from: a, to: b)
  }
}

/// A node's first appearance while recording: when, and whether by an entrance effect.
struct NodeEvent: Sendable, Hashable {
  var time: Double
  var introduces: Bool
}
