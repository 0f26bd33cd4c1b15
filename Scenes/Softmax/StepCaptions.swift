import Canvas
import Reel

/// The five steps' captions: in a column with a marker at the current step (side by side
/// with the chart), or one at a time above it (stacked).
struct StepCaptions {
  private let titles: [Node]
  private let details: [Node]
  /// Where the marker stands at each step, and the marker itself.
  private let markers: [Node]
  private let marker: Node
  private let arrangement: SoftmaxLayout.Arrangement
  private let muted: Color
  private var current: Int?

  init(layout: SoftmaxLayout, theme: Theme, scene: inout SceneRecorder, measurer m: TextMeasurer) {
    arrangement = layout.arrangement
    muted = theme.muted
    titles = layout.steps.map { step in
      var title = step.title
      title.color = theme.ink
      return scene.make(title.node(measurer: m))
    }
    details = layout.steps.map { scene.make($0.detail.node(measurer: m)) }
    // The marker: an accent bar beside the current step's title and detail.
    markers = layout.steps.map { step in
      let box = step.box
      return Node.rectangle(
        width: 6, height: box.height, cornerRadius: 3, at: Point(box.minX - 18, box.center.y), fill: theme.accent)
    }
    marker = scene.make(markers[0])
  }

  /// Brings step `index` in and sets the one before it aside.
  mutating func show(_ index: Int, in scene: inout SceneRecorder) {
    var animations: [Animation] = []
    switch arrangement {
    case .side:
      animations.append(.fadeIn(titles[index], details[index], shift: Point(-12, 0)))
      if let previous = current {
        animations.append(.recolor([titles[previous]], fill: muted))
        animations.append(.transform(marker, into: markers[index]))
      } else {
        animations.append(.fadeIn(marker))
      }
    case .stacked:
      // One caption leaves before the next arrives: they share a place.
      let arrive = Animation.fadeIn(titles[index], details[index], shift: Point(0, 10))
      if let previous = current {
        animations.append(.succession([.fadeOut(titles[previous], details[previous], shift: Point(0, -10)), arrive]))
      } else {
        animations.append(arrive)
      }
    }
    scene.play(animations, duration: 0.6)
    current = index
  }
}
