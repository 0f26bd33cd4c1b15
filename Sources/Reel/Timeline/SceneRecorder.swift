import Canvas

/// Records a scene the way a Manim scene is written — `play`, `wait`, `section` — into a
/// `Timeline`. Nothing is drawn while recording.
///
/// ```swift
/// var scene = SceneRecorder(frameSize: Size(1920, 1080), theme: .light)
/// let title = scene.make(.text("Attention", font: Font(size: 56), color: scene.theme.ink, measurer: m))
/// scene.play(.write(title), duration: 1.2)
/// scene.wait(0.5)
/// let timeline = scene.timeline
/// ```
///
/// Nodes are values. The node `make`, `add`, `group` or `current` returns carries its
/// identity; pass it to animations. A changed copy of a node that is already on screen,
/// passed to `play`, `add` or `make`, sets what differs from the node it was copied from,
/// at that moment (other copies, unchanged, change nothing); a changed copy of a node not
/// yet on screen replaces it, so a node can be placed after it is made.
public struct SceneRecorder {
  /// The logical frame (height 1080 units) the scene lays itself out in.
  public let frameSize: Size
  /// The colours to draw with.
  public let theme: Theme
  public var background: Color
  /// The current time: where the next `play` or `wait` begins.
  public private(set) var time: Double = 0

  /// Registered (initial) states, by index.
  private var nodes: [Node] = []
  /// Every value handed out for each node, by revision: a copy's changes are what differs
  /// from the value it was copied from.
  private var handedOut: [[Node]] = []
  private var events: [NodeEvent?] = []
  private var members: [Int: [Int]] = [:]
  private var effects: [TimedEffect] = []
  private var computations: [Int: Computation] = [:]
  private var sectionStarts: [(name: String, start: Double)] = []

  public init(frameSize: Size, theme: Theme = .light) {
    self.frameSize = frameSize
    self.theme = theme
    self.background = theme.background
  }

  /// Registers `node` without showing it and returns it with its identity; animate it
  /// (or `add` it) to bring it on screen.
  public mutating func make(_ node: Node) -> Node {
    register(node, at: time)
  }

  /// Registers a computed node: at every moment it is `compute(node, scene)`, where `node`
  /// is its own state after its animations and `scene` gives every other node's state and
  /// every tracker's value at that moment (computed nodes made earlier included).
  ///
  /// ```swift
  /// let label = scene.make(.counter(1, prefix: "T = ", font: f, color: ink, measurer: m)) { node, now in
  ///   node.counting(now.value(temperature))
  /// }
  /// ```
  public mutating func make(_ node: Node, computed compute: @escaping Computation) -> Node {
    let registered = register(node, at: time)
    if let id = registered.id { computations[id.rawValue] = compute }
    return registered
  }

  /// Shows `node` from now on, registering it if needed.
  @discardableResult
  public mutating func add(_ node: Node) -> Node {
    let registered = register(node, at: time)
    if let id = registered.id { note(id.rawValue, at: time, introduces: false) }
    return registered
  }

  /// Shows a computed node from now on (see `make(_:computed:)`).
  @discardableResult
  public mutating func add(_ node: Node, computed compute: @escaping Computation) -> Node {
    let registered = add(node)
    if let id = registered.id { computations[id.rawValue] = compute }
    return registered
  }

  /// A number for animations to change and computed nodes to follow, starting at `value`.
  public mutating func tracker(_ value: Double) -> ValueTracker {
    ValueTracker(node: register(Node(.value(value)), at: time))
  }

  /// Makes `members` one node (Manim's `VGroup`): moving, scaling, rotating, fading,
  /// creating or recolouring the group does so to all of them as one, about the centre of
  /// their box. Members keep their coordinates: until the group is animated they stay
  /// where they are, and animating a member moves it within the group.
  ///
  /// Groups nest. A node belongs to one group; grouping it again is an error.
  public mutating func group(_ members: [Node]) throws -> Node {
    let registered = members.map { register($0, at: time) }
    let indices = registered.compactMap { $0.id?.rawValue }
    for index in indices {
      if let parent = nodes[index].parent {
        throw RecordingError("node \(NodeID(index)) is already in group \(parent); a node belongs to one group")
      }
    }
    guard Set(indices).count == indices.count else { throw RecordingError("a node appears twice in one group") }
    let boxes = indices.map { state(of: $0).bounds }
    let box = boxes.dropFirst().reduce(boxes.first ?? .zero) { $0.union($1) }
    var group = Node(.group(bounds: box), at: box.center)
    group.pivot = box.center
    group = register(group, at: time)
    guard let id = group.id else { return group }
    for index in indices { nodes[index].parent = id }
    self.members[id.rawValue] = indices
    return group
  }

  /// `node` as it is now, after every animation recorded so far, in its parent's
  /// coordinates (use it to place things where other things have moved to). Changes made
  /// to the returned value are changes from now.
  public mutating func current(_ node: Node) -> Node {
    guard let id = node.id, nodes.indices.contains(id.rawValue) else { return node }
    return handOut(state(of: id.rawValue))
  }

  /// A node's state now: its effects so far, in the order the timeline applies them.
  private func state(of index: Int) -> Node {
    let own = effects.enumerated().filter { $0.element.target == index }
      .sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    return NodeTrack(initial: nodes[index], effects: own).state(at: time)
  }

  /// Records `node` as a value handed out for its node, under a new revision.
  private mutating func handOut(_ node: Node) -> Node {
    guard let index = node.id?.rawValue else { return node }
    var stamped = node
    stamped.id = NodeID(index, revision: handedOut[index].count)
    stamped.parent = nodes[index].parent
    handedOut[index].append(stamped)
    return stamped
  }

  /// Runs `animations` together for `duration` seconds from now, then advances time.
  /// Nodes not yet on screen appear when their first effect starts.
  public mutating func play(_ animations: Animation..., duration: Double = 1, rate: RateFunction = .smooth) {
    play(animations, duration: duration, rate: rate)
  }

  public mutating func play(_ animations: [Animation], duration: Double = 1, rate: RateFunction = .smooth) {
    let length = max(duration, 0)
    for scheduled in Animation.together(animations).scheduled(start: time, duration: length, rate: rate) {
      for target in scheduled.targets {
        guard let index = register(target, at: scheduled.start).id?.rawValue else { continue }
        note(index, at: scheduled.start, introduces: scheduled.effect.introduces)
        for (member, effect) in expand(scheduled.effect, on: index) {
          effects.append(
            TimedEffect(
              start: scheduled.start, duration: scheduled.duration, effect: effect, rate: scheduled.rate,
              target: member))
        }
      }
    }
    time += length
  }

  /// Holds still for `seconds`.
  public mutating func wait(_ seconds: Double = 1) {
    time += max(seconds, 0)
  }

  /// Starts a named section here; its end state becomes a slide.
  public mutating func section(_ name: String) {
    if let last = sectionStarts.last, last.start == time {
      sectionStarts[sectionStarts.count - 1].name = name
    } else {
      sectionStarts.append((name, time))
    }
  }

  /// The recording so far.
  public var timeline: Timeline {
    let duration = max(time, effects.map(\.end).max() ?? 0)
    var starts = sectionStarts
    if starts.first?.start != 0 { starts.insert(("intro", 0), at: 0) }
    let sections = starts.enumerated().map { index, entry in
      Section(
        name: entry.name, start: entry.start,
        end: index + 1 < starts.count ? starts[index + 1].start : duration)
    }
    return Timeline(
      nodes: nodes, events: events, effects: effects, computations: computations, sections: sections,
      duration: duration, frameSize: frameSize, background: background)
  }

  /// The registered node for `node`: a new identity for a new node; for a known one, its
  /// replacement (not yet on screen) or the changes it carries, set at `start`.
  private mutating func register(_ node: Node, at start: Double) -> Node {
    guard let id = node.id, nodes.indices.contains(id.rawValue) else {
      var registered = node
      registered.id = NodeID(nodes.count)
      registered.parent = nil
      nodes.append(registered)
      handedOut.append([registered])
      events.append(nil)
      return registered
    }
    let index = id.rawValue
    guard hasAppeared(index) else {
      let parent = nodes[index].parent
      nodes[index] = node
      nodes[index].id = NodeID(index)
      nodes[index].parent = parent
      return handOut(nodes[index])
    }
    let original = handedOut[index][min(id.revision, handedOut[index].count - 1)]
    let changes = NodeChanges(from: original, to: node)
    guard !changes.isEmpty else { return node }
    effects.append(TimedEffect(start: start, duration: 0, effect: .set(changes), rate: .linear, target: index))
    return handOut(node)
  }

  /// Whether the node, or a group it is in, has been added or animated.
  private func hasAppeared(_ index: Int) -> Bool {
    if events[index] != nil { return true }
    return nodes[index].parent.map { hasAppeared($0.rawValue) } ?? false
  }

  /// Records a node's first appearance.
  private mutating func note(_ index: Int, at time: Double, introduces: Bool) {
    if let event = events[index], event.time <= time { return }
    events[index] = NodeEvent(time: time, introduces: introduces)
  }

  /// The effect as applied to a node and, for a group, its members: a group's colour is
  /// its members' colour; its pulse scales the group and tints the members.
  private func expand(_ effect: Effect, on index: Int) -> [(Int, Effect)] {
    guard members[index] != nil else { return [(index, effect)] }
    switch effect {
    case .recolor:
      return leaves(of: index).map { ($0, effect) }
    case .indicate(let color, let scale):
      return [(index, .indicate(color: color, scale: scale))]
        + leaves(of: index).map { ($0, .indicate(color: color, scale: 1)) }
    default:
      return [(index, effect)]
    }
  }

  /// The members of a group that are not groups themselves, at any depth.
  private func leaves(of index: Int) -> [Int] {
    guard let direct = members[index] else { return [index] }
    return direct.flatMap { leaves(of: $0) }
  }
}

/// A scene asked for something that cannot be recorded, in words for its author.
public struct RecordingError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
