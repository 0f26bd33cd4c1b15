import Canvas
import Foundation
import Reel

/// The softmax chart's nodes. Bars, their values, the zero line, the stacked bar's
/// segments and its sum are computed nodes: at every moment they are worked out from the
/// trackers, so the same numbers drive every stage and the temperature sweep.
struct SoftmaxChartNodes {
  let bars: [Node]
  let values: [Node]
  /// A patch of background under each value, so guide lines never run through it.
  let plates: [Node]
  let baseline: Node
  let segments: [Node]
  let sum: Node
  private let stages: SoftmaxStages
  private let trackers: Trackers

  init(
    stages: SoftmaxStages, layout: SoftmaxLayout, trackers: Trackers, theme: Theme, scene: inout SceneRecorder,
    measurer m: TextMeasurer
  ) {
    self.stages = stages
    self.trackers = trackers
    let plot = layout.plot
    let width = layout.barWidth
    let count = stages.count
    bars = layout.barCenters.enumerated().map { index, center in
      scene.make(.rectangle(width: width, height: 0, at: Point(center, plot.maxY), fill: theme.primary)) { node, now in
        let bar = Self.bar(index, stages: stages, trackers: trackers, now: now, count: count)
        let height = bar.height * plot.height
        var placed = node
        placed.content = .shape(
          .rectangle(
            Rect(x: -width / 2, y: -abs(height) / 2, width: width, height: abs(height)),
            cornerRadius: min(5, abs(height) / 2)))
        placed.position = Point(center, plot.maxY - bar.baseline * plot.height - height / 2)
        return placed
      }
    }
    let valueRange = (stages.logits + stages.exponentials + [0, 1])
    let reserve = (valueRange.min() ?? 0)...(valueRange.max() ?? 1)
    values = layout.barCenters.enumerated().map { index, center in
      let label = Node.counter(
        0, decimals: 2, reserving: reserve, centered: true, font: layout.valueFont, color: theme.ink, measurer: m)
      let rise = label.bounds.height / 2 + 8
      var front = label
      front.zIndex = 2
      return scene.make(front) { node, now in
        let growth = Self.growth(index, now.value(trackers.grow), count: count)
        let stage = now.value(trackers.stage)
        let bar = Self.bar(index, stages: stages, trackers: trackers, now: now, count: count)
        let height = bar.height * plot.height
        let zero = plot.maxY - bar.baseline * plot.height
        // Above a bar that rises; above the zero line for one that falls below it.
        var placed = node.counting(
          stages.value(index, stage: stage, temperature: now.value(trackers.temperature)) * growth)
        placed.position = Point(center, zero - max(height, 0) - rise)
        placed.opacity = min(1, growth * 4)
        return placed
      }
    }
    let valueNodes = values
    plates = valueNodes.map { value in
      var plate = Node.rectangle(width: 0, height: 0, fill: theme.background)
      plate.zIndex = 1
      return scene.make(plate) { node, now in
        let label = now[value]
        guard case .counter(let counter) = label.content else { return node }
        var placed = node
        placed.content = .shape(.rectangle(counter.shownBounds.insetBy(dx: -5, dy: -1), cornerRadius: 4))
        placed.position = label.position
        placed.opacity = label.opacity
        return placed
      }
    }
    baseline = scene.make(
      .line(from: Point(plot.minX, plot.maxY), to: Point(plot.maxX, plot.maxY), color: theme.muted, width: 2)
    ) { node, now in
      let bar = Self.bar(0, stages: stages, trackers: trackers, now: now, count: count)
      var placed = node
      placed.position.y = plot.maxY - bar.baseline * plot.height
      return placed
    }
    let stack = layout.stack
    segments = (0..<count).map { index in
      scene.make(.rectangle(width: 0, height: stack.height, at: stack.center, fill: theme.primary)) { node, now in
        let p = stages.probabilities(at: now.value(trackers.temperature))
        let fill = now.value(trackers.fill)
        let start = p.prefix(index).reduce(0, +) * fill * stack.width
        let end = p.prefix(index + 1).reduce(0, +) * fill * stack.width
        // A thin gap of background between segments shows where one ends.
        let inset = min(1.5, (end - start) / 4)
        var placed = node
        placed.content = .shape(
          .rectangle(
            Rect(
              x: -(end - start) / 2 + inset, y: -stack.height / 2, width: end - start - 2 * inset, height: stack.height)
          ))
        placed.position = Point(stack.minX + (start + end) / 2, stack.center.y)
        return placed
      }
    }
    sum = scene.make(
      .counter(
        0, decimals: 2, prefix: "Σ pᵢ = ", reserving: 0...1, font: layout.sumFont, color: theme.ink,
        at: layout.sumCenter, measurer: m)
    ) { node, now in
      let shown = stages.shownProbabilities(at: now.value(trackers.temperature)).reduce(0, +)
      return node.counting(shown * now.value(trackers.fill))
    }
  }

  /// Bar `index` at this moment, grown in one after another.
  static func bar(
    _ index: Int, stages: SoftmaxStages, trackers: Trackers, now: SceneState, count: Int
  ) -> (height: Double, baseline: Double) {
    let bar = stages.bar(index, stage: now.value(trackers.stage), temperature: now.value(trackers.temperature))
    return (bar.height * growth(index, now.value(trackers.grow), count: count), bar.baseline)
  }

  /// How far bar `index` has grown when the growth tracker is at `g`: each bar grows
  /// smoothly over part of the time, a little after the one before.
  static func growth(_ index: Int, _ g: Double, count: Int) -> Double {
    guard g < 1 else { return 1 }  // every bar exactly whole once growing is done
    let lag = 0.3
    let length = 1 / (1 + Double(count - 1) * lag)
    let local = (g - Double(index) * lag * length) / length
    return RateFunction.smooth(min(max(local, 0), 1))
  }

  /// Grid lines at probability 0.5 and 1 with their labels (left of the plot).
  func gridNodes(layout: SoftmaxLayout, theme: Theme, scene: inout SceneRecorder, measurer m: TextMeasurer) -> [Node] {
    let plot = layout.plot
    var nodes: [Node] = []
    for (value, label) in zip([0.5, 1.0], layout.gridLabels) {
      // With two bars the uniform line lies at 0.5 and is labelled there instead.
      if value == 0.5 && stages.count == 2 { continue }
      let y = plot.maxY - value * plot.height
      var line = Node.line(from: Point(plot.minX, y), to: Point(plot.maxX, y), color: theme.rule, width: 1.5)
      line.zIndex = -1
      nodes += [scene.make(line), scene.make(label.node(measurer: m))]
    }
    return nodes
  }

  /// The stacked bar's outline and its "0" and "1" labels.
  func stackFrame(layout: SoftmaxLayout, theme: Theme, scene: inout SceneRecorder, measurer m: TextMeasurer) -> [Node] {
    let stack = layout.stack
    let outline = Node.rectangle(
      width: stack.width + 6, height: stack.height + 6, cornerRadius: 4, at: stack.center, stroke: theme.rule,
      strokeWidth: 2)
    return [scene.make(outline)] + layout.stackEnds.map { scene.make($0.node(measurer: m)) }
  }

  /// The temperature slider: track, ticks and their labels, the words at the ends, a dot at
  /// the current temperature and the "T = …" counter riding above it.
  func sliderNodes(layout: SoftmaxLayout, theme: Theme, scene: inout SceneRecorder, measurer m: TextMeasurer) -> [Node]
  {
    let track = layout.track
    let y = track.center.y
    var nodes = [
      scene.make(
        .line(from: Point(track.minX, y), to: Point(track.maxX, y), color: theme.rule, width: 4))
    ]
    for (value, label) in layout.trackTicks {
      let x = SoftmaxLayout.trackX(value, on: track)
      nodes.append(scene.make(.line(from: Point(x, y - 6), to: Point(x, y + 6), color: theme.muted, width: 2)))
      nodes.append(scene.make(label.node(measurer: m)))
    }
    nodes += layout.trackEnds.map { scene.make($0.node(measurer: m)) }
    let temperature = trackers.temperature
    nodes.append(
      scene.make(
        .circle(radius: 11, at: Point(track.minX, y), fill: theme.accent, stroke: theme.background, strokeWidth: 3)
      ) {
        node, now in
        var placed = node
        placed.position.x = SoftmaxLayout.trackX(now.value(temperature), on: track)
        return placed
      })
    let counter = Node.counter(
      stages.temperature, decimals: 2, prefix: "T = ", reserving: SoftmaxLayout.temperatures,
      font: layout.temperatureFont, color: theme.ink, measurer: m)
    let half = counter.bounds.width / 2
    nodes.append(
      scene.make(counter) { node, now in
        let t = now.value(temperature)
        var placed = node.counting(t)
        let x = SoftmaxLayout.trackX(t, on: track)
        placed.position = Point(min(max(x, track.minX + half), track.maxX - half), y - layout.temperatureRise)
        return placed
      })
    return nodes
  }

  /// What the sweep is compared with: dashed outlines of the bars at the first
  /// temperature, and a dashed line at the uniform probability 1/n with its label.
  func temperatureGuides(layout: SoftmaxLayout, theme: Theme, scene: inout SceneRecorder, measurer m: TextMeasurer)
    -> [Node]
  {
    let plot = layout.plot
    let dash = StrokeStyle(width: 2, cap: .butt, dash: [7, 5])
    let p = stages.probabilities(at: stages.temperature)
    var nodes = zip(layout.barCenters, p).map { center, probability in
      var ghost = Node.rectangle(
        width: layout.barWidth + 8, height: probability * plot.height + 4,
        at: Point(center, plot.maxY - probability * plot.height / 2 - 2), stroke: theme.muted)
      ghost.strokeStyle = dash
      return scene.make(ghost)
    }
    let uniform = 1 / Double(stages.count)
    let y = plot.maxY - uniform * plot.height
    var line = Node.line(from: Point(plot.minX, y), to: Point(plot.maxX, y), color: theme.muted, width: 2)
    line.strokeStyle = dash
    line.zIndex = -1
    nodes.append(scene.make(line))
    var label = Node.text("1/\(stages.count)", font: Font(size: 20), color: theme.muted, measurer: m)
      .aligned(.right, to: plot.minX - 10)
    label.position.y = y
    nodes.append(scene.make(label))
    return nodes
  }
}
