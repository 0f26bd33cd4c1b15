import Canvas
import Testing

@testable import Reel

@Suite struct TimelineTests {
  let frame = Size(1920, 1080)

  func square(at point: Point = Point(100, 100)) -> Node {
    .rectangle(width: 50, height: 50, at: point, fill: .black)
  }

  @Test func nodeAppearsWhenItsFadeInStarts() {
    var scene = SceneRecorder(frameSize: frame)
    scene.wait(1)
    let box = scene.make(square())
    scene.play(.fadeIn(box), duration: 2, rate: .linear)
    let timeline = scene.timeline
    #expect(timeline.state(at: 0.5).isEmpty)
    #expect(timeline.state(at: 1).isEmpty)  // opacity 0 at the very start
    #expect(abs(timeline.state(at: 2)[0].effectiveOpacity - 0.5) < 1e-12)
    #expect(timeline.state(at: 3)[0].effectiveOpacity == 1)
    #expect(timeline.state(at: 99)[0].effectiveOpacity == 1)
    #expect(timeline.duration == 3)
  }

  @Test func addShowsImmediately() {
    var scene = SceneRecorder(frameSize: frame)
    scene.wait(0.5)
    scene.add(square())
    #expect(scene.timeline.state(at: 0.4).isEmpty)
    #expect(scene.timeline.state(at: 0.5).count == 1)
  }

  @Test func movesComposeInOrder() {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.add(square(at: Point(0, 0)))
    scene.play(.move(box, to: Point(100, 0)), duration: 1, rate: .linear)
    scene.play(.move(box, to: Point(100, 200)), duration: 1, rate: .linear)
    let timeline = scene.timeline
    #expect(timeline.state(at: 0.5)[0].position == Point(50, 0))
    #expect(timeline.state(at: 1.5)[0].position == Point(100, 100))
    #expect(timeline.state(at: 2)[0].position == Point(100, 200))
  }

  @Test func stateDependsOnlyOnTime() {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.make(square())
    scene.play(.fadeIn(box), .rotate(box, by: 1), duration: 1)
    scene.play(.scale(box, to: 2), duration: 1)
    let timeline = scene.timeline
    let later = timeline.state(at: 1.7)
    let earlier = timeline.state(at: 0.3)
    #expect(later != earlier)
    // Asked again, after other moments and from a second copy of the recording: the same.
    _ = timeline.state(at: 1.9)
    #expect(timeline.state(at: 1.7) == later)
    #expect(scene.timeline.state(at: 0.3) == earlier)
    #expect(scene.timeline.state(at: 1.7) == later)
  }

  @Test func laggedStartSpreadsParts() {
    var scene = SceneRecorder(frameSize: frame)
    let boxes = (0..<3).map { scene.make(square(at: Point(Double($0) * 100, 0))) }
    // Three parts, lag 0.5: part length L with L·(1 + 2·0.5) = 2, so L = 1; starts 0, 0.5, 1.
    scene.play(.laggedStart(boxes.map { .fadeIn($0) }, lagRatio: 0.5), duration: 2, rate: .linear)
    let timeline = scene.timeline
    let opacities = timeline.state(at: 0.75).map(\.effectiveOpacity)
    #expect(opacities.count == 2)
    #expect(abs(opacities[0] - 0.75) < 1e-9 && abs(opacities[1] - 0.25) < 1e-9)
    #expect(timeline.state(at: 2).map(\.effectiveOpacity) == [1, 1, 1])
  }

  @Test func successionRunsPartsOneAfterAnother() {
    var scene = SceneRecorder(frameSize: frame)
    let a = scene.make(square())
    let b = scene.make(square(at: Point(300, 0)))
    scene.play(.succession([.fadeIn(a), .fadeIn(b)]), duration: 2, rate: .linear)
    #expect(scene.timeline.state(at: 0.5).count == 1)
    #expect(scene.timeline.state(at: 1.5).map(\.effectiveOpacity) == [1, 0.5])
  }

  @Test func sectionsCoverTheClip() {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.make(square())
    scene.play(.fadeIn(box), duration: 1)
    scene.section("middle")
    scene.wait(2)
    scene.section("end")
    scene.play(.fadeOut(box), duration: 1)
    let sections = scene.timeline.sections
    #expect(sections.map(\.name) == ["intro", "middle", "end"])
    #expect(sections.map(\.start) == [0, 1, 3])
    #expect(sections.map(\.end) == [1, 3, 4])
  }

  @Test func frameCountIsDurationTimesFPS() {
    var scene = SceneRecorder(frameSize: frame)
    scene.play(.fadeIn(square()), duration: 2.5)
    #expect(scene.timeline.frameCount(fps: 60) == 150)
    #expect(scene.timeline.frameCount(fps: 15) == 38)  // 37.5 rounds up
  }

  @Test func knowsStillStretches() {
    var scene = SceneRecorder(frameSize: frame)
    scene.play(.fadeIn(square()), duration: 1)
    scene.wait(2)
    let timeline = scene.timeline
    #expect(!timeline.isStill(from: 0.5, to: 0.6))
    #expect(timeline.isStill(from: 1.5, to: 2.5))
  }

  @Test func createRevealsAndTransformEndsAsTarget() {
    var scene = SceneRecorder(frameSize: frame)
    let circle = scene.make(.circle(radius: 40, at: Point(100, 100), stroke: .black))
    scene.play(.create(circle), duration: 1, rate: .linear)
    let target = Node.rectangle(width: 80, height: 40, at: Point(300, 100), fill: .white)
    scene.play(.transform(circle, into: target), duration: 1, rate: .linear)
    let timeline = scene.timeline
    #expect(abs(timeline.state(at: 0.25)[0].reveal - 0.25) < 1e-9)
    let middle = timeline.state(at: 1.5)[0]
    #expect(middle.position == Point(200, 100))
    guard case .shape = middle.content else {
      Issue.record("a shape morphing into a shape stays a shape")
      return
    }
    var expected = target
    expected.id = circle.id
    #expect(timeline.state(at: 2)[0] == expected)
  }

  @Test func nodesPlaceNextToEachOther() {
    let anchor = Rect(x: 100, y: 100, width: 50, height: 50)
    let box = Node.rectangle(width: 20, height: 10)
    #expect(box.next(to: anchor, .right, spacing: 10).bounds == Rect(x: 160, y: 120, width: 20, height: 10))
    #expect(box.next(to: anchor, .up, spacing: 5).bounds == Rect(x: 115, y: 85, width: 20, height: 10))
    #expect(box.aligned(.left, to: 0).bounds.minX == 0)
    #expect(box.centered(at: Point(7, 9)).bounds.center == Point(7, 9))
  }

  @Test func textLinesUpOnItsBaseline() {
    let measurer = TextMeasurer()
    let small = Node.text("small", font: Font(size: 20), color: .black, measurer: measurer).aligningBaseline(to: 300)
    let large = Node.text("Large", font: Font(size: 60), color: .black, measurer: measurer).aligningBaseline(to: 300)
    for node in [small, large] {
      guard case .text(let text) = node.content else { continue }
      // The baseline lies `metrics.baseline` below the top of the logical box.
      #expect(abs(node.bounds.minY + text.metrics.baseline - 300) < 1e-9)
    }
  }
}
