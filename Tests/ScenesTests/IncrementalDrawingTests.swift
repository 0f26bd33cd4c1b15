import Canvas
import Foundation
import Reel
import Testing

@testable import Scenes

/// A lane draws each frame over its last one, redrawing only the pixels that may differ.
/// For every scene, every frame drawn that way is, byte for byte, the frame drawn afresh —
/// at a small size, where a box a pixel short would show, and at 720p.
@Suite struct IncrementalDrawingTests {
  /// The frames at `rate` frames per second of `scene`'s clip drawn both ways; the first
  /// frame (by number) that differs, if any.
  func firstDifference(_ name: String, width: Int, height: Int, rate: Double, theme: Theme = .light) throws -> Int? {
    let type = try #require(SceneCatalog.scene(named: name))
    let timeline = try SceneCatalog.timeline(
      of: try type.init(arguments: []), frameSize: Size(1920, 1080), theme: theme)
    let renderer = FrameRenderer(timeline: timeline, width: width, height: height)
    let lane = try renderer.makeSurface()
    var shown: DrawnFrame?
    for frame in 0..<timeline.frameCount(rate: rate) {
      let time = Double(frame) / rate
      shown = try renderer.render(at: time, into: lane, over: shown)
      let fresh = try renderer.render(at: time)
      let same = lane.withUnsafePixels { a in
        fresh.withUnsafePixels { b in a.count == b.count && memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
      }
      if !same { return frame }
    }
    return nil
  }

  @Test(arguments: SceneCatalog.all.map { $0.name })
  func everyFrameDrawnOverTheLastIsTheFrameDrawnAfresh(scene: String) throws {
    #expect(try firstDifference(scene, width: 384, height: 216, rate: 12) == nil)
  }

  @Test func attentionHeatmapAt720pInTheDarkTheme() throws {
    #expect(try firstDifference("attention-heatmap", width: 1280, height: 720, rate: 10, theme: .dark) == nil)
  }
}
