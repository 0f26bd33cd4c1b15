/// The stable identity of a node in a scene, given out by the `SceneRecorder`.
///
/// Animations refer to nodes by identity, so a node keeps its identity while its
/// properties change over time.
public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: Int
  public init(_ rawValue: Int) { self.rawValue = rawValue }
  public static func < (a: NodeID, b: NodeID) -> Bool { a.rawValue < b.rawValue }
  public var description: String { "#\(rawValue)" }
}
