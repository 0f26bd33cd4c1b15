import Canvas
import Testing

@testable import Reel

@Suite struct FrameRendererTests {
  func timeline() -> Timeline {
    var scene = SceneRecorder(frameSize: Size(160, 90))
    scene.background = Color(rgb: 0x202020)
    let box = scene.make(.rectangle(width: 40, height: 40, at: Point(80, 45), fill: Color(rgb: 0xFF0000)))
    scene.play(.fadeIn(box), duration: 1, rate: .linear)
    return scene.timeline
  }

  @Test func paintsBackgroundAndNodes() throws {
    let frame = try FrameRenderer(timeline: timeline(), width: 160, height: 90).render(at: 1)
    #expect(frame.pixel(x: 5, y: 5) == Color(rgb: 0x202020))
    #expect(frame.pixel(x: 80, y: 45) == Color(rgb: 0xFF0000))
  }

  @Test func halfwayThroughAFadeIsHalfBlended() throws {
    let frame = try FrameRenderer(timeline: timeline(), width: 160, height: 90).render(at: 0.5)
    let mid = frame.pixel(x: 80, y: 45)
    #expect(abs(mid.red - (0.5 + 0.5 * 0x20 / 255.0)) < 0.01)
  }

  @Test func fadedFilledAndStrokedShapeBlendsAsOneLayer() throws {
    var scene = SceneRecorder(frameSize: Size(160, 90))
    scene.background = .white
    var box = Node.rectangle(width: 60, height: 60, at: Point(80, 45), fill: .black, stroke: .black, strokeWidth: 10)
    box.opacity = 0.5
    scene.add(box)
    let frame = try FrameRenderer(timeline: scene.timeline, width: 160, height: 90).render(at: 0)
    // Where the stroke's inner half covers the fill, the layer shows black at half opacity
    // once, not twice (which would be 0.25 grey).
    let overlap = frame.pixel(x: 80 - 28, y: 45)
    let fillOnly = frame.pixel(x: 80, y: 45)
    #expect(abs(overlap.red - 0.5) < 0.01 && abs(fillOnly.red - 0.5) < 0.01)
  }

  @Test func transparentDarkThemeDrawsLightInk() throws {
    var scene = SceneRecorder(frameSize: Size(160, 90), theme: .dark)
    scene.add(.rectangle(width: 60, height: 40, at: Point(80, 45), fill: scene.theme.ink))
    let frame = try FrameRenderer(timeline: scene.timeline, width: 160, height: 90, transparent: true).render(at: 0)
    #expect(frame.pixel(x: 2, y: 2).alpha == 0)
    #expect(frame.pixel(x: 80, y: 45).relativeLuminance > 0.7, "ink that reads on a dark slide")
  }

  @Test func scalesTheLogicalFrameToAnyResolution() throws {
    let frame = try FrameRenderer(timeline: timeline(), width: 320, height: 180).render(at: 1)
    #expect(frame.pixel(x: 160, y: 90) == Color(rgb: 0xFF0000))
    #expect(frame.pixel(x: 115, y: 90) == Color(rgb: 0x202020))  // left of the 80-wide box
  }

  @Test func transparentLeavesTheBackgroundClear() throws {
    let frame = try FrameRenderer(timeline: timeline(), width: 160, height: 90, transparent: true).render(at: 1)
    #expect(frame.pixel(x: 5, y: 5).alpha == 0)
    #expect(frame.pixel(x: 80, y: 45).alpha == 1)
  }

  /// Eight glyphs written with lag 0.2: each takes 1/(1 + 7·0.2) = 0.417 of the time and
  /// starts 0.083 after the one before. At half time the first is filled, the sixth is a
  /// partly drawn outline (progress 0.2) and the last has not started.
  @Test func writtenTextIsOutlinedThenFilledGlyphByGlyph() throws {
    let measurer = TextMeasurer()
    let font = Font(size: 80)
    var scene = SceneRecorder(frameSize: Size(800, 160))
    let text = scene.make(.text("IIIIIIII", font: font, color: .black, at: Point(400, 80), measurer: measurer))
    scene.play(.write(text), duration: 1, rate: .linear)
    let frame = try FrameRenderer(timeline: scene.timeline, width: 800, height: 160).render(at: 0.5)
    let glyphs = measurer.glyphRun("IIIIIIII", font: font).glyphs
    let origin = text.bounds.origin
    func box(_ index: Int) -> Rect { glyphs[index].ink.offsetBy(dx: origin.x, dy: origin.y) }
    func isInk(_ point: Point) -> Bool { frame.pixel(x: Int(point.x), y: Int(point.y)).red < 0.5 }
    func inkIn(_ rect: Rect) -> Bool {
      (Int(rect.minX)...Int(rect.maxX)).contains { x in
        (Int(rect.minY)...Int(rect.maxY)).contains { y in isInk(Point(Double(x), Double(y))) }
      }
    }
    #expect(glyphs.count == 8)
    #expect(isInk(box(0).center), "the first glyph is filled")
    #expect(!isInk(box(5).center) && inkIn(box(5)), "the sixth is an outline being drawn")
    #expect(!inkIn(box(7)), "the last has not started")
  }
}
