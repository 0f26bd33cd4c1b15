import Canvas

/// A node computed from other nodes at each moment: given its own state after its
/// animations and the scene at that moment, returns what to draw. It must be a pure
/// function of those two — no counters, clocks or caches — so any frame can still be
/// computed on its own.
public typealias Computation = @Sendable (_ node: Node, _ scene: SceneState) -> Node

/// The scene at one moment, as a computed node sees it: every node after its animations,
/// and the computed nodes made before this one.
public struct SceneState {
  let states: FrameStates

  /// A node's state now, in its parent's coordinates.
  public subscript(_ node: Node) -> Node {
    guard let id = node.id, states.nodes.indices.contains(id.rawValue) else { return node }
    return states.nodes[id.rawValue]
  }

  /// A tracker's value now.
  public func value(_ tracker: ValueTracker) -> Double {
    if case .value(let value) = self[tracker.node].content { return value }
    return 0
  }

  /// A node's state now in frame coordinates, its groups' transforms and opacity applied.
  public func inFrame(_ node: Node) -> Node {
    let state = self[node]
    guard let parent = state.parent else { return state }
    return state.placed(in: inFrame(states.nodes[parent.rawValue]))
  }
}

/// The states being computed for one frame, shared by reference so computed nodes can read
/// them while they are filled in without copying the array.
final class FrameStates {
  var nodes: [Node]
  init(_ nodes: [Node]) { self.nodes = nodes }
}

/// A number that animations change and computed nodes follow (Manim's `ValueTracker`):
/// a temperature, a position along a curve, a counter's target.
///
/// ```swift
/// let t = scene.tracker(1.0)
/// scene.play(.setValue(t, to: 0.25), duration: 2)
/// ```
public struct ValueTracker: Sendable, Hashable {
  /// The invisible node that holds the value.
  public let node: Node
}
