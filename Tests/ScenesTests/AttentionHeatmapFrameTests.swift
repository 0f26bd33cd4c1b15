import Canvas
import Foundation
import Reel
import Testing

@testable import Scenes

/// Key frames of the default scene against golden images, and run-to-run determinism.
@Suite struct AttentionHeatmapFrameTests {
  static let width = 854, height = 480

  func renderer(_ arguments: [String] = []) throws -> FrameRenderer {
    let frame = Size(1080 * Double(Self.width) / Double(Self.height), 1080)
    let timeline = try SceneCatalog.timeline(of: AttentionHeatmapScene(arguments: arguments), frameSize: frame)
    return FrameRenderer(timeline: timeline, width: Self.width, height: Self.height)
  }

  @Test(arguments: [1.2, 3.0, 7.9])
  func keyFramesMatchGoldenImages(_ time: Double) throws {
    let frame = try renderer().render(at: time)
    try GoldenImage().check(frame, named: String(format: "attention-heatmap-ql-%.1fs", time))
  }

  @Test func causalKeyFrameMatchesGoldenImage() throws {
    let frame = try renderer(["--causal", "--colormap", "magma"]).render(at: 7.9)
    try GoldenImage().check(frame, named: "attention-heatmap-ql-causal-magma-7.9s")
  }

  @Test func sameStillTwiceIsIdentical() throws {
    let first = try renderer().render(at: 4.2)
    let second = try renderer().render(at: 4.2)
    let a = first.withUnsafePixels { Array($0) }
    let b = second.withUnsafePixels { Array($0) }
    #expect(a == b)
  }

  @Test func cellColoursComeFromTheColormap() throws {
    let renderer = try renderer()
    let frame = try renderer.render(at: renderer.timeline.duration)
    let scene = try AttentionHeatmapScene(arguments: [])
    let layout = try scene.layout(frame: renderer.timeline.frameSize, measurer: TextMeasurer())
    let scale = Double(Self.height) / 1080
    // Cell (0, 0) is dimmed at the end; sample the focus row, which is not.
    let (query, _) = scene.example.focus
    let cell = layout.cellSize
    let range = scene.scale.upperBound
    for column in [0, 3] {
      // Sample near a cell corner, away from the printed value.
      let x = (layout.grid.minX + Double(column) * cell + cell * 0.15) * scale
      let y = (layout.grid.minY + Double(query) * cell + cell * 0.15) * scale
      let expected = Colormap.viridis.color(at: Double(scene.example.attention.weights[query, column]) / range)
      let actual = frame.pixel(x: Int(x), y: Int(y))
      #expect(
        abs(actual.red - expected.red) < 0.02 && abs(actual.green - expected.green) < 0.02
          && abs(actual.blue - expected.blue) < 0.02, "column \(column)")
    }
  }
}
