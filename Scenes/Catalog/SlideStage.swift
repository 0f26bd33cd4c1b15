import Canvas
import Reel

/// What a step-by-step scene has on screen: the current step's heading, and the nodes the
/// step made, which leave when the next step begins unless they are kept.
struct SlideStage {
  private(set) var heading: [Node] = []
  private(set) var onScreen: [Node] = []

  /// Starts a section named `name`: the last heading and everything on screen but `kept`
  /// fade out, then `placed`'s title and caption fade in.
  mutating func begin(
    _ name: String, heading placed: SlideHeading, keeping kept: [Node] = [], in scene: inout SceneRecorder,
    measurer m: TextMeasurer
  ) {
    scene.section(name)
    let keptIDs = Set(kept.compactMap(\.id))
    let leaving = heading + onScreen.filter { !keptIDs.contains($0.id ?? NodeID(-1)) }
    if !leaving.isEmpty { scene.play(.fadeOut(leaving), duration: 0.5) }
    onScreen = kept
    let title = scene.make(placed.title.node(measurer: m))
    let caption = placed.caption.map { scene.make($0.node(measurer: m)) }
    heading = [title] + caption
    scene.play(
      .fadeIn(title, shift: Point(0, 10)), .laggedStart(caption.map { .fadeIn($0) }, lagRatio: 0.2), duration: 0.7)
  }

  /// Makes `node` and notes it as on screen (it still needs showing).
  mutating func make(_ node: Node, in scene: inout SceneRecorder) -> Node {
    let made = scene.make(node)
    onScreen.append(made)
    return made
  }

  mutating func make(_ formula: PlacedFormula, in scene: inout SceneRecorder) throws -> Node {
    let group = try formula.nodes(in: &scene).group
    onScreen.append(group)
    return group
  }

  /// Notes nodes made elsewhere (a matrix, a network, computed nodes) as on screen.
  mutating func note(_ nodes: [Node]) { onScreen += nodes }

  /// Forgets `nodes`: they have left already.
  mutating func forget(_ nodes: [Node]) {
    let ids = Set(nodes.compactMap(\.id))
    onScreen.removeAll { ids.contains($0.id ?? NodeID(-1)) }
  }
}
