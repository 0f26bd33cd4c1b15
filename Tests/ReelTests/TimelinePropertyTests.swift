import Canvas
import Foundation
import Testing

@testable import Reel

/// Random scenes: the indexed evaluation equals applying every effect from the start, and
/// wherever the timeline reports a still stretch, its two ends look the same.
@Suite struct TimelinePropertyTests {
  /// A scene of a few nodes, some grouped, animated by random effects at random times.
  func randomScene(seed: UInt64) throws -> Timeline {
    var random = SeededRandom(seed: seed)
    var scene = SceneRecorder(frameSize: Size(800, 600))
    var nodes = (0..<6).map { index in
      scene.make(
        .rectangle(
          width: 20 + Double(index) * 5, height: 30, at: Point(Double(index) * 100 + 50, 300),
          fill: .black, stroke: .white))
    }
    nodes.append(try scene.group(Array(nodes[0..<3])))
    let effects: [(Node) -> Animation] = [
      { .fadeIn($0) }, { .fadeOut($0) }, { .move($0, to: Point(400, 100)) }, { .shift($0, by: Point(5, 9)) },
      { .scale($0, to: 1.5) }, { .rotate($0, by: 0.7) }, { .create($0) }, { .fade([$0], to: 0.3) },
      { .recolor([$0], fill: .white) }, { .indicate($0, color: .white) },
    ]
    for _ in 0..<25 {
      let count = Int.random(in: 1...3, using: &random)
      let parts = (0..<count).map { _ in
        effects.randomElement(using: &random)!(nodes.randomElement(using: &random)!)
      }
      let duration = [0, 0.25, 0.5, 1][Int.random(in: 0..<4, using: &random)]
      scene.play(.laggedStart(parts, lagRatio: 0.3), duration: duration)
      if Bool.random(using: &random) { scene.wait(Double.random(in: 0...0.7, using: &random)) }
    }
    return scene.timeline
  }

  /// What `state(at:)` must equal: every effect that has started, in order, from the start.
  func replayed(_ timeline: Timeline, at t: Double) -> [Node] {
    var states = timeline.nodes
    let all = timeline.tracks.flatMap(\.effects).enumerated()
      .sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    for effect in all where effect.start <= t {
      states[effect.target] = effect.effect.apply(to: states[effect.target], progress: effect.progress(at: t))
    }
    for index in states.indices.reversed() {
      if let parent = states[index].parent { states[index] = states[index].placed(in: states[parent.rawValue]) }
    }
    return timeline.drawOrder.compactMap { index in
      guard let entrance = timeline.entrances[index], entrance <= t, states[index].isVisible else { return nil }
      return states[index]
    }
  }

  @Test(arguments: 1...12 as ClosedRange<UInt64>)
  func indexedEvaluationEqualsReplayingEveryEffect(_ seed: UInt64) throws {
    let timeline = try randomScene(seed: seed)
    var random = SeededRandom(seed: seed + 100)
    // Random moments, and exactly where effects start and end (where rounding bites).
    let edges = timeline.tracks.flatMap(\.effects).flatMap { [$0.start, $0.end] }
    for t in (0..<40).map({ _ in Double.random(in: 0...timeline.duration, using: &random) }) + edges {
      #expect(timeline.state(at: t) == replayed(timeline, at: t), "seed \(seed), t = \(t)")
    }
  }

  @Test(arguments: 1...12 as ClosedRange<UInt64>)
  func stillStretchesLookTheSameAtBothEnds(_ seed: UInt64) throws {
    let timeline = try randomScene(seed: seed)
    let step = 1.0 / 30
    var checked = 0
    for index in 0..<timeline.frameCount(fps: 30) {
      let a = Double(index) * step
      let b = a + step
      if timeline.isStill(from: a, to: b) {
        #expect(timeline.state(at: a) == timeline.state(at: b), "seed \(seed), \(a)…\(b)")
        checked += 1
      }
    }
    #expect(checked > 0, "the scene has still stretches to check")
  }
}
