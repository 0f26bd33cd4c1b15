/// Everything that happens to one node, indexed so that its state at any time costs the
/// effects still running then, not every effect since the start.
///
/// Effects apply in order of their start times, each from the state the earlier ones left.
/// Once the first k effects have all finished, their combined result no longer depends on
/// t: it is stored (`settled[k]`), and only the effects after it are applied live. The
/// result is bit for bit the same as applying every effect from the start.
struct NodeTrack: Sendable {
  /// Sorted by start; ties keep recording order.
  let effects: [TimedEffect]
  /// `settled[k]`: the node after the first k effects, each at its final progress.
  let settled: [Node]
  /// `finishedBy[k]`: the time by which the first k + 1 effects have all finished.
  let finishedBy: [Double]

  init(initial: Node, effects: [TimedEffect]) {
    self.effects = effects
    var states = [initial]
    states.reserveCapacity(effects.count + 1)
    var ends: [Double] = []
    ends.reserveCapacity(effects.count)
    for effect in effects {
      states.append(effect.effect.apply(to: states[states.count - 1], progress: effect.rate(1)))
      ends.append(Swift.max(ends.last ?? -.infinity, effect.end))
    }
    settled = states
    finishedBy = ends
  }

  /// The node at time `t`, in its parent's coordinates.
  func state(at t: Double) -> Node {
    let started = effects.prefixCount { $0.start <= t }
    let finished = finishedBy.prefixCount { $0 <= t }
    var node = settled[finished]
    for effect in effects[finished..<started] {
      node = effect.effect.apply(to: node, progress: effect.progress(at: t))
    }
    return node
  }
}
