import Canvas
import Testing

@testable import Reel

@Suite struct FrameRendererTests {
  func timeline() -> Timeline {
    var scene = SceneRecorder(frameSize: Size(160, 90), background: Color(rgb: 0x202020))
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

  @Test func writtenTextGrowsFromTheLeft() throws {
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(400, 100))
    let text = scene.make(
      .text("WWWWWWWW", font: Font(size: 40), color: .black, at: Point(200, 50), measurer: measurer))
    scene.play(.write(text), duration: 1, rate: .linear)
    let frame = try FrameRenderer(timeline: scene.timeline, width: 400, height: 100).render(at: 0.5)
    let box = text.bounds
    func inkInColumns(_ range: Range<Int>) -> Bool {
      range.contains { x in (0..<100).contains { y in frame.pixel(x: x, y: y).red < 0.5 } }
    }
    #expect(inkInColumns(Int(box.minX)..<Int(box.minX + box.width * 0.4)))
    #expect(!inkInColumns(Int(box.minX + box.width * 0.6)..<Int(box.maxX)))
  }
}
