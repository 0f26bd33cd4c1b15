/// The stable identity of a node in a scene, given out by the `SceneRecorder`.
///
/// Animations refer to nodes by identity, so a node keeps its identity while its
/// properties change over time. Two IDs are equal when they name the same node.
public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: Int
  /// Which value the recorder handed out for this node (it hands out a new one from
  /// `make`, `add`, `group` and `current`): a copy's changes are what differs from it.
  /// Not part of the identity.
  var revision: Int = 0

  public init(_ rawValue: Int) { self.rawValue = rawValue }

  init(_ rawValue: Int, revision: Int) {
    self.rawValue = rawValue
    self.revision = revision
  }

  public static func == (a: NodeID, b: NodeID) -> Bool { a.rawValue == b.rawValue }
  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
  public static func < (a: NodeID, b: NodeID) -> Bool { a.rawValue < b.rawValue }
  public var description: String { "#\(rawValue)" }
}
