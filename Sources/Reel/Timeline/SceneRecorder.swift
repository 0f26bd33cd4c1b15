import Canvas

/// Records a scene the way a Manim scene is written — `play`, `wait`, `section` — into a
/// `Timeline`. Nothing is drawn while recording.
///
/// ```swift
/// var scene = SceneRecorder(frameSize: Size(1920, 1080))
/// let title = scene.make(.text("Attention", font: Font(size: 56), color: .black, measurer: m))
/// scene.play(.write(title), duration: 1.2)
/// scene.wait(0.5)
/// let timeline = scene.timeline
/// ```
public struct SceneRecorder {
  /// The logical frame (height 1080 units) the scene lays itself out in.
  public let frameSize: Size
  public var background: Color
  /// The current time: where the next `play` or `wait` begins.
  public private(set) var time: Double = 0

  private var nodes: [Node] = []
  private var entrances: [NodeID: Double] = [:]
  private var effects: [ScheduledEffect] = []
  private var sectionStarts: [(name: String, start: Double)] = []

  public init(frameSize: Size, background: Color = .white) {
    self.frameSize = frameSize
    self.background = background
  }

  /// Registers `node` without showing it and returns it with its identity; animate it
  /// (or `add` it) to bring it on screen.
  /// A node registered earlier but not yet on screen is updated to the value passed, so
  /// it can be placed after it is made.
  public mutating func make(_ node: Node) -> Node {
    register(node).node
  }

  /// Shows `node` from now on, registering it if needed.
  @discardableResult
  public mutating func add(_ node: Node) -> Node {
    let (registered, id) = register(node)
    show(id, from: time)
    return registered
  }

  private mutating func register(_ node: Node) -> (node: Node, id: NodeID) {
    if let id = node.id, nodes.indices.contains(id.rawValue) {
      if entrances[id] == nil { nodes[id.rawValue] = node }
      return (node, id)
    }
    let id = NodeID(nodes.count)
    var registered = node
    registered.id = id
    nodes.append(registered)
    return (registered, id)
  }

  /// Puts a node on screen from `start`, or keeps an earlier entrance.
  private mutating func show(_ id: NodeID, from start: Double) {
    entrances[id] = min(entrances[id] ?? start, start)
  }

  /// Runs `animations` together for `duration` seconds from now, then advances time.
  /// Nodes not yet on screen appear when their first effect starts.
  public mutating func play(_ animations: Animation..., duration: Double = 1, rate: RateFunction = .smooth) {
    play(animations, duration: duration, rate: rate)
  }

  public mutating func play(_ animations: [Animation], duration: Double = 1, rate: RateFunction = .smooth) {
    let length = max(duration, 0)
    for scheduled in Animation.together(animations).scheduled(start: time, duration: length, rate: rate) {
      var resolved = scheduled
      resolved.targets = scheduled.targets.map { node in
        let (registered, id) = register(node)
        show(id, from: scheduled.start)
        return registered
      }
      effects.append(resolved)
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
    let duration = max(time, effects.map { $0.start + $0.duration }.max() ?? 0)
    var starts = sectionStarts
    if starts.first?.start != 0 { starts.insert(("intro", 0), at: 0) }
    let sections = starts.enumerated().map { index, entry in
      Section(
        name: entry.name, start: entry.start,
        end: index + 1 < starts.count ? starts[index + 1].start : duration)
    }
    return Timeline(
      nodes: nodes, entrances: entrances, effects: effects, sections: sections,
      duration: duration, frameSize: frameSize, background: background)
  }
}
