import Canvas
import Foundation
import Testing

@testable import Reel

/// Computed nodes and value trackers: pure functions of the scene at each moment.
@Suite struct ComputedNodeTests {
  let frame = Size(640, 360)

  /// A dot moving right over 2 s, a label 30 units above it, and a tracker counted down.
  func followerScene() -> (Timeline, dot: Node, label: Node, counter: Node) {
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: frame)
    let dot = scene.add(.circle(radius: 8, at: Point(100, 200), fill: .black))
    let label = scene.add(.rectangle(width: 20, height: 10, fill: .black)) { node, now in
      var placed = node
      placed.position = now[dot].position - Point(0, 30)
      return placed
    }
    let level = scene.tracker(2)
    let counter = scene.add(
      .counter(
        2, decimals: 2, prefix: "T = ", reserving: 0...2, font: Font(size: 30), color: .black,
        at: Point(320, 60), measurer: measurer)
    ) { node, now in node.counting(now.value(level)) }
    scene.play(.move(dot, to: Point(500, 200)), .setValue(level, to: 0.25), duration: 2, rate: .linear)
    scene.wait(1)
    return (scene.timeline, dot, label, counter)
  }

  @Test func followerMatchesItsFormulaAtRandomTimes() throws {
    let (timeline, _, label, counter) = followerScene()
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<50 {
      let t = Double.random(in: 0...3, using: &generator)
      let progress = min(t / 2, 1)
      let placed = try #require(timeline.state(of: label, at: t))
      #expect(abs(placed.position.x - (100 + 400 * progress)) < 1e-9)
      #expect(abs(placed.position.y - 170) < 1e-9)
      guard case .counter(let shown) = try #require(timeline.state(of: counter, at: t)).content else {
        Issue.record("a counter stays a counter")
        return
      }
      #expect(abs(shown.value - (2 - 1.75 * progress)) < 1e-9)
    }
  }

  @Test func framesInAnyOrderAreTheSameBytes() throws {
    let (timeline, _, _, _) = followerScene()
    let renderer = FrameRenderer(timeline: timeline, width: 320, height: 180)
    let times = (0..<12).map { Double($0) * 0.25 }
    func pixels(_ t: Double) throws -> [UInt8] { try renderer.render(at: t).withUnsafePixels { Array($0) } }
    let inOrder = try times.map(pixels)
    var generator = SeededRandom(seed: 7)
    for index in times.indices.shuffled(using: &generator) {
      #expect(try pixels(times[index]) == inOrder[index], "t = \(times[index])")
    }
  }

  @Test func trackerIsStillWhenNotAnimated() {
    let (timeline, _, _, _) = followerScene()
    #expect(!timeline.isStill(from: 1, to: 1.1))
    #expect(timeline.isStill(from: 2.1, to: 2.9))
  }
}

/// SplitMix64: a small seeded generator so shuffles repeat from run to run.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
