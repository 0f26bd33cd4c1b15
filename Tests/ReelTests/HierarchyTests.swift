import Canvas
import Foundation
import Testing

@testable import Reel

/// Groups: transforms and opacity compose down the tree, about the group's pivot.
@Suite struct HierarchyTests {
  let frame = Size(1920, 1080)

  func square(at point: Point, size: Double = 50) -> Node {
    .rectangle(width: size, height: size, at: point, fill: .black)
  }

  func close(_ a: Point, _ b: Point, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.distance(to: b) < 1e-9, "\(a) is not \(b)", sourceLocation: sourceLocation)
  }

  /// Two squares at (200, 100) and (400, 100): their box spans x 175…425, y 75…125, so the
  /// group's pivot is (300, 100) and the left square sits (-100, 0) from it.
  @Test func childFollowsParentMoveScaleAndRotation() throws {
    var scene = SceneRecorder(frameSize: frame)
    let left = scene.add(square(at: Point(200, 100)))
    let right = scene.add(square(at: Point(400, 100)))
    let group = try scene.group([left, right])
    #expect(group.pivot == Point(300, 100) && group.position == Point(300, 100))
    scene.play(.move(group, to: Point(300, 300)), duration: 1, rate: .linear)
    scene.play(.scale(group, to: 2), duration: 1, rate: .linear)
    scene.play(.rotate(group, by: .pi / 2), duration: 1, rate: .linear)
    let timeline = scene.timeline
    func leftAt(_ t: Double) throws -> Node { try #require(timeline.state(of: left, at: t)) }
    close(try leftAt(0).position, Point(200, 100))  // an untouched group changes nothing
    close(try leftAt(0.5).position, Point(200, 200))  // halfway down
    close(try leftAt(1).position, Point(200, 300))
    // Scaled ×1.5 about (300, 300): the offset (-100, 0) becomes (-150, 0), the square 75 wide.
    close(try leftAt(1.5).position, Point(150, 300))
    #expect(abs(try leftAt(1.5).bounds.width - 75) < 1e-9)
    // Turned a quarter clockwise (on screen, y down): (-200, 0) becomes (0, -200).
    close(try leftAt(3).position, Point(300, 100))
    close(try #require(timeline.state(of: right, at: 3)).position, Point(300, 500))
    #expect(abs(try leftAt(3).rotation - .pi / 2) < 1e-12)
    #expect(try leftAt(3).scale == 2)
  }

  @Test func opacityMultipliesDownTheTree() throws {
    var scene = SceneRecorder(frameSize: frame)
    var faint = square(at: Point(100, 100))
    faint.opacity = 0.8
    let child = scene.add(faint)
    let inner = try scene.group([child])
    let outer = try scene.group([inner, scene.add(square(at: Point(500, 500)))])
    scene.play(.fade([inner], to: 0.5), .fade([outer], to: 0.5), duration: 1, rate: .linear)
    let timeline = scene.timeline
    #expect(abs(try #require(timeline.state(of: child, at: 1)).effectiveOpacity - 0.8 * 0.5 * 0.5) < 1e-12)
    #expect(abs(try #require(timeline.state(of: child, at: 0.5)).effectiveOpacity - 0.8 * 0.75 * 0.75) < 1e-12)
  }

  @Test func nestedGroupsComposeTransforms() throws {
    var scene = SceneRecorder(frameSize: frame)
    let a = scene.add(square(at: Point(100, 100)))
    let b = scene.add(square(at: Point(300, 100)))
    let inner = try scene.group([a, b])  // pivot (200, 100)
    let c = scene.add(square(at: Point(200, 500)))
    let outer = try scene.group([inner, c])  // box 75…325 × 75…525: pivot (200, 300)
    scene.play(.scale(inner, to: 2), duration: 1)
    scene.play(.shift(outer, by: Point(10, 20)), duration: 1)
    let timeline = scene.timeline
    // a: (100,100) → inner ×2 about (200,100) → (0,100) → outer shifted → (10,120).
    close(try #require(timeline.state(of: a, at: 2)).position, Point(10, 120))
    close(try #require(timeline.state(of: c, at: 2)).position, Point(210, 520))
    #expect(try #require(timeline.state(of: a, at: 2)).bounds.width == 100)
  }

  @Test func fadeOutThenFadeInRestoresOpacity() throws {
    var scene = SceneRecorder(frameSize: frame)
    var dim = square(at: Point(100, 100))
    dim.opacity = 0.66
    let box = scene.add(dim)
    let other = scene.add(square(at: Point(300, 100)))
    scene.play(.fadeOut(box, other), duration: 1)
    scene.play(.fadeIn(box, other), duration: 1)
    let timeline = scene.timeline
    #expect(try #require(timeline.state(of: box, at: 1)).effectiveOpacity == 0)
    #expect(try #require(timeline.state(of: box, at: 2)).effectiveOpacity == 0.66)
    #expect(try #require(timeline.state(of: other, at: 2)).effectiveOpacity == 1)
  }

  @Test func changedCopyPassedToPlaySetsWhatChanged() throws {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.add(square(at: Point(100, 100)))
    scene.play(.move(box, to: Point(500, 100)), duration: 1)
    var red = box
    red.fill = .solid(Color(rgb: 0xFF0000))
    scene.play(.indicate(red, color: .white, scale: 1.2), duration: 1)
    let timeline = scene.timeline
    let after = try #require(timeline.state(of: box, at: 2))
    #expect(after.fill == .solid(Color(rgb: 0xFF0000)))
    #expect(after.position == Point(500, 100), "the copy's old position is not a change")
    #expect(try #require(timeline.state(of: box, at: 0.99)).fill == .solid(.black))
  }

  @Test func copyOfANodeNotYetShownReplacesIt() throws {
    var scene = SceneRecorder(frameSize: frame)
    var box = scene.make(square(at: .zero))
    box.position = Point(40, 60)
    scene.play(.fadeIn(box), duration: 1)
    #expect(try #require(scene.timeline.state(of: box, at: 0.5)).position == Point(40, 60))
  }

  @Test func groupEntranceShowsMembersButOwnEntrancesWait() throws {
    var scene = SceneRecorder(frameSize: frame)
    let bracket = scene.make(square(at: Point(100, 100)))
    let entry = scene.make(square(at: Point(200, 100)))
    let matrix = try scene.group([bracket, entry])
    scene.play(.fadeIn(matrix), duration: 1, rate: .linear)
    scene.play(.fadeIn(entry), duration: 1, rate: .linear)
    let timeline = scene.timeline
    #expect(timeline.state(at: 0.5).count == 1)
    #expect(abs(try #require(timeline.state(of: bracket, at: 0.5)).effectiveOpacity - 0.5) < 1e-12)
    #expect(timeline.state(of: entry, at: 0.5) == nil, "the entry waits for its own fade-in")
    #expect(timeline.state(at: 2).count == 2)
  }

  @Test func createOnAGroupRevealsItsMembers() throws {
    var scene = SceneRecorder(frameSize: frame)
    let group = try scene.group([square(at: Point(100, 100)), square(at: Point(300, 100))])
    scene.play(.create(group), duration: 1, rate: .linear)
    #expect(scene.timeline.state(at: 0.25).map(\.reveal) == [0.25, 0.25])
  }

  @Test func recolourOnAGroupRecoloursItsMembers() throws {
    var scene = SceneRecorder(frameSize: frame)
    let members = [scene.add(square(at: Point(100, 100))), scene.add(square(at: Point(300, 100)))]
    let group = try scene.group(members)
    scene.play(.recolor([group], fill: .white), duration: 1)
    #expect(scene.timeline.state(at: 1).map(\.fill) == [.solid(.white), .solid(.white)])
  }

  @Test func aNodeBelongsToOneGroup() throws {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.add(square(at: Point(100, 100)))
    _ = try scene.group([box])
    #expect(throws: RecordingError.self) { try scene.group([box]) }
  }

  @Test func groupPivotIsWhereMembersAreNow() throws {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.add(square(at: Point(100, 100)))
    scene.play(.move(box, to: Point(700, 500)), duration: 1)
    #expect(scene.current(box).position == Point(700, 500))
    let group = try scene.group([box])
    #expect(group.pivot == Point(700, 500))
  }

  @Test func aGroupIsPlacedLikeANode() throws {
    var scene = SceneRecorder(frameSize: frame)
    let members = [square(at: Point(100, 100)), square(at: Point(200, 100))]
    var group = try scene.group(members)
    #expect(group.bounds == Rect(x: 75, y: 75, width: 150, height: 50))
    // Placed below a box before it is shown: its members move with it.
    group = group.next(to: Rect(x: 500, y: 500, width: 100, height: 100), .down, spacing: 20)
    scene.add(group)
    let member = try #require(scene.timeline.nodes.first)
    let first = try #require(scene.timeline.state(of: member, at: 0))
    #expect(first.bounds == Rect(x: 475, y: 620, width: 50, height: 50))
  }

  @Test func anUnchangedCopyChangesNothing() throws {
    var scene = SceneRecorder(frameSize: frame)
    let box = scene.add(square(at: Point(100, 100)))
    var moved = box
    moved.position = Point(300, 100)
    // The changed copy and the original in one play: only the copy's change counts.
    scene.play(.move(moved, to: Point(500, 500)), .indicate(box, color: .white), duration: 1)
    var red = box
    red.fill = .solid(Color(rgb: 0xFF0000))
    scene.play(.fadeOut(red), duration: 1)
    scene.play(.fadeIn(box), duration: 1)  // the original again: it stays red
    let end = try #require(scene.timeline.state(of: box, at: 3))
    #expect(end.position == Point(500, 500))
    #expect(end.fill == .solid(Color(rgb: 0xFF0000)))
  }

  @Test func currentStateFollowsStartOrderNotRecordingOrder() throws {
    var scene = SceneRecorder(frameSize: frame)
    let x = scene.add(square(at: Point(100, 100)))
    let y = scene.make(square(at: Point(500, 100)))
    // The move is recorded first but starts later (second half of the succession).
    scene.play(.succession([.fadeIn(y), .move(x, to: Point(300, 300))]), .shift(x, by: Point(10, 0)), duration: 2)
    let now = scene.current(x)
    #expect(now.position == Point(300, 300))
    #expect(scene.timeline.state(of: x, at: 2)?.position == now.position)
  }
}
