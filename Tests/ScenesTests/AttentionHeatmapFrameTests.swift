import Canvas
import Foundation
import Reel
import Testing

@testable import Scenes

/// Frames of the attention heatmap: golden images at every frame shape and with other
/// scripts, cell colours against the colormap, timing, determinism.
@Suite struct AttentionHeatmapFrameTests {
  func renderer(_ arguments: [String] = [], width: Int = 854, height: Int = 480, theme: Theme = .light) throws
    -> (FrameRenderer, AttentionHeatmapScene)
  {
    let scene = try AttentionHeatmapScene(arguments: arguments)
    let timeline = try SceneCatalog.timeline(
      of: scene, frameSize: SceneCatalog.logicalFrame(width: width, height: height), theme: theme)
    return (FrameRenderer(timeline: timeline, width: width, height: height), scene)
  }

  /// The last frame at 16:9, 4:3, 1:1 and 9:16.
  @Test(arguments: [(854, 480), (640, 480), (540, 540), (360, 640)])
  func endMatchesGoldenImageAtEveryShape(_ size: (Int, Int)) throws {
    let (renderer, _) = try renderer(width: size.0, height: size.1)
    let frame = try renderer.render(at: renderer.timeline.duration)
    try GoldenImage().check(frame, named: "attention-heatmap-end-\(size.0)x\(size.1)")
  }

  @Test func keyMomentsMatchGoldenImages() throws {
    let (renderer, _) = try renderer()
    for name in ["title", "tokens", "weights"] {
      let section = try #require(renderer.timeline.sections.first { $0.name == name })
      try GoldenImage().check(renderer.render(at: section.end - 1e-6), named: "attention-heatmap-ql-\(name)-end")
    }
  }

  @Test func causalMagmaDarkMatchesGoldenImage() throws {
    let (renderer, _) = try renderer(["--causal", "--colormap", "magma"], theme: .dark)
    try GoldenImage().check(
      renderer.render(at: renderer.timeline.duration), named: "attention-heatmap-ql-causal-magma-dark")
  }

  /// Chinese, Arabic and emoji tokens: drawn with real glyphs (no boxes) and matching a golden.
  @Test func otherScriptsMatchGoldenImage() throws {
    let tokens = "我的 猫 喜欢 垫子 القطة جلست 🐱 👍🏽"
    let (renderer, scene) = try renderer(["--tokens", tokens])
    let measurer = TextMeasurer()
    let layout = try scene.layout(frame: renderer.timeline.frameSize, measurer: measurer)
    for text in layout.allText {
      #expect(measurer.measure(text.string, font: text.font).unknownGlyphs == 0, "'\(text.string)' draws boxes")
    }
    try GoldenImage().check(renderer.render(at: renderer.timeline.duration), named: "attention-heatmap-ql-scripts")
  }

  /// Every cell of the last frame shows the colormap's colour for its value: emphasis never
  /// repaints data.
  @Test(arguments: [
    ["--colormap", "viridis"], ["--colormap", "magma", "--causal"], ["--colormap", "coolwarm"],
    ["--causal", "--tokens", (1...64).map(String.init).joined(separator: " ")],
  ])
  func everyCellShowsItsTrueColour(_ arguments: [String]) throws {
    let (renderer, scene) = try renderer(arguments, width: 1280, height: 720)
    let frame = try renderer.render(at: renderer.timeline.duration)
    let layout = try scene.layout(frame: renderer.timeline.frameSize, measurer: TextMeasurer())
    let pixelsPerUnit = 720.0 / 1080
    let content = HeatmapContent(
      values: [], colormap: scene.colormap, range: 0...scene.scale.upperBound, cellSize: .zero,
      center: scene.scale.center)
    for (row, values) in scene.weights.shownWeights.enumerated() {
      for (column, value) in values.enumerated() {
        guard let value else { continue }
        // Inside the cell, clear of the printed value and of outlines: the centre of a cell
        // too small for a value, else a quarter of the way in from its top-left corner.
        let inset = layout.valueFont == nil ? 0.5 : 0.25
        let x = (layout.grid.minX + (Double(column) + inset) * layout.cellSize) * pixelsPerUnit
        let y = (layout.grid.minY + (Double(row) + inset) * layout.cellSize) * pixelsPerUnit
        let expected = content.color(for: value)
        let actual = frame.pixel(x: Int(x), y: Int(y))
        #expect(
          abs(actual.red - expected.red) <= 2.0 / 255 && abs(actual.green - expected.green) <= 2.0 / 255
            && abs(actual.blue - expected.blue) <= 2.0 / 255, "cell (\(row), \(column)) \(arguments)")
      }
    }
  }

  @Test func timingLetsPeopleRead() throws {
    let (renderer, _) = try renderer()
    let timeline = renderer.timeline
    // Title on the very first frame.
    let first = timeline.state(at: 0)
    #expect(
      first.contains {
        if case .text(let text) = $0.content { return text.string == "Self-attention weights" } else { return false }
      })
    // The full matrix holds still for at least 1.5 s before the focus starts.
    let focus = try #require(timeline.sections.first { $0.name == "focus" })
    #expect(timeline.isStill(from: focus.start - 1.5, to: focus.start - 0.001))
    // The finished picture holds for at least 2.5 s before the end.
    #expect(timeline.isStill(from: timeline.duration - 2.5, to: timeline.duration))
  }

  @Test func sameStillTwiceIsIdentical() throws {
    let first = try renderer().0.render(at: 4.2)
    let second = try renderer().0.render(at: 4.2)
    #expect(first.withUnsafePixels { Array($0) } == second.withUnsafePixels { Array($0) })
  }
}
