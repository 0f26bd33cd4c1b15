import Canvas

/// A recorded scene: every node, when it appears, and every animation with its start,
/// length and rate. Immutable; `state(at:)` computes any moment from it alone.
public struct Timeline: Sendable, Hashable {
  /// Every node in its registered (initial) state, in registration order.
  public let nodes: [Node]
  /// When each node comes on screen.
  let entrances: [NodeID: Double]
  /// Scheduled effects, sorted by start time (ties keep recording order).
  let effects: [ScheduledEffect]
  public let sections: [Section]
  /// The clip length in seconds.
  public let duration: Double
  /// The logical frame the scene was laid out in (height 1080 units).
  public let frameSize: Size
  public let background: Color

  init(
    nodes: [Node], entrances: [NodeID: Double], effects: [ScheduledEffect], sections: [Section],
    duration: Double, frameSize: Size, background: Color
  ) {
    self.nodes = nodes
    self.entrances = entrances
    self.effects = effects.enumerated()
      .sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }
      .map(\.element)
    self.sections = sections
    self.duration = duration
    self.frameSize = frameSize
    self.background = background
  }

  /// Every visible node at time `t`, in drawing order (z-index, then registration order).
  ///
  /// Effects are applied in order of their start times; each one animates from the state
  /// the earlier ones left, at its own eased progress. Nothing but the timeline and `t` is read.
  public func state(at t: Double) -> [Node] {
    var current: [NodeID: Node] = [:]
    for node in nodes {
      if let id = node.id, let entrance = entrances[id], entrance <= t { current[id] = node }
    }
    for scheduled in effects {
      guard scheduled.start <= t else { break }
      let linear = scheduled.duration > 0 ? (t - scheduled.start) / scheduled.duration : 1
      let progress = scheduled.rate(min(linear, 1))
      for target in scheduled.targets {
        guard let id = target.id, let node = current[id] else { continue }
        current[id] = scheduled.effect.apply(to: node, progress: progress)
      }
    }
    return current.values
      .filter { $0.opacity > 0 && $0.reveal > 0 }
      .sorted { ($0.zIndex, $0.id?.rawValue ?? 0) < ($1.zIndex, $1.id?.rawValue ?? 0) }
  }

  /// The number of frames in the clip at `fps`: duration × fps, rounded.
  public func frameCount(fps: Int) -> Int {
    max(1, Int((duration * Double(fps)).rounded()))
  }

  /// Whether the frame at `b` looks exactly like the one at `a`: no effect runs between
  /// them (or starts at `b`) and no node comes on screen. One drawing then serves both.
  public func isStill(from a: Double, to b: Double) -> Bool {
    !effects.contains { $0.start <= b && $0.start + $0.duration > a }
      && !entrances.values.contains { $0 > a && $0 <= b }
  }
}
