import AttentionData
import Canvas
import Foundation
import Reel
import Testing

@testable import Scenes

/// Frames of real attention: a model's layer and head as a golden image ([CLS] sink and
/// all), and a 512-token matrix drawn as an image with thinned labels and a clipped scale.
@Suite struct RealAttentionFrameTests {
  /// The reference attention of all-MiniLM-L6-v2 for "The animal didn't cross the street
  /// because it was too tired." (written by Scripts/reference/make-model-fixtures).
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../TransformerTests/Fixtures").standardized

  func lastFrame(_ arguments: [String], width: Int, height: Int) throws -> (ImageSurface, AttentionHeatmapScene) {
    let scene = try AttentionHeatmapScene(arguments: arguments)
    let timeline = try SceneCatalog.timeline(
      of: scene, frameSize: SceneCatalog.logicalFrame(width: width, height: height))
    return (try FrameRenderer(timeline: timeline, width: width, height: height).render(at: timeline.duration), scene)
  }

  @Test func aModelsLayerAndHeadMatchesItsGoldenImage() throws {
    let (frame, scene) = try lastFrame(
      [
        "--weights", Self.fixtures.appendingPathComponent("attention-animal.npy").path,
        "--tokens", Self.fixtures.appendingPathComponent("attention-animal-tokens.json").path,
        "--layer", "2", "--head", "5",
      ], width: 854, height: 480)
    #expect(scene.footnote.hasPrefix("Attention from attention-animal.npy, layer 2 of 6, head 5 of 12."))
    #expect(scene.weights.tokens.first == "[CLS]" && scene.weights.tokens.last == "[SEP]")
    try GoldenImage().check(frame, named: "attention-heatmap-ql-minilm-layer2-head5")
  }

  /// BertViz's model view as one frame: 6 layers × 12 heads of all-MiniLM-L6-v2.
  @Test func allHeadsMatchTheirGoldenImage() throws {
    let arguments = [
      "--weights", Self.fixtures.appendingPathComponent("attention-animal.npy").path,
      "--tokens", Self.fixtures.appendingPathComponent("attention-animal-tokens.json").path, "--all-heads",
    ]
    let (frame, scene) = try lastFrame(arguments, width: 854, height: 480)
    #expect(scene.allHeads.count == 6 && scene.allHeads.allSatisfy { $0.count == 12 })
    // Each thumbnail is its head, rows adding up to 1.
    let reference = try AttentionFile.read(Self.fixtures.appendingPathComponent("attention-animal.npy").path).tensor
    #expect(scene.allHeads[3][7] == reference.matrix(at: [3, 7]))
    #expect(scene.footnote == "Attention from attention-animal.npy, 6 layers × 12 heads.")
    try GoldenImage().check(frame, named: "attention-heatmap-ql-minilm-all-heads")
    let needsFile = #expect(throws: SceneError.self) { try AttentionHeatmapScene(arguments: ["--all-heads"]) }
    #expect(needsFile?.description.hasPrefix("--all-heads only apply to real attention") == true)
  }

  /// 512 tokens in eight blocks: each query gives its own block most weight.
  func blockAttention(count: Int = 512, blocks: Int = 8) -> [Float] {
    let size = count / blocks
    var values: [Float] = []
    for i in 0..<count {
      let row = (0..<count).map { j -> Float in i / size == j / size ? 3 : 1 }
      let total = row.reduce(0, +)
      values += row.map { $0 / total }
    }
    return values
  }

  @Test func fiveHundredTwelveTokensAreDrawnReadably() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let weights = folder.appendingPathComponent("long.npy")
    try NPYWriter.data(shape: [512, 512], values: blockAttention()).write(to: weights)
    let tokens = folder.appendingPathComponent("tokens.txt")
    try (0..<512).map { "w\($0)" }.joined(separator: "\n").write(to: tokens, atomically: true, encoding: .utf8)
    let arguments = ["--weights", weights.path, "--tokens", tokens.path, "--clip", "99"]
    let (frame, scene) = try lastFrame(arguments, width: 1920, height: 1080)
    let layout = try scene.layout(frame: Size(1920, 1080), measurer: TextMeasurer())
    // Labels thinned, the focus tokens always among them, none overlapping another.
    let focus = scene.weights.focusRow
    for key in [focus.query] + focus.named {
      #expect(layout.rowLabels[key] != nil && layout.columnLabels[key] != nil)
    }
    let labels = (layout.rowLabels + layout.columnLabels).compactMap { $0 }
    #expect(labels.count < 200 && labels.count > 40)
    for (index, label) in labels.enumerated() {
      #expect(label.font.size >= 14)
      for other in labels[(index + 1)...] where label.box.insetBy(dx: 0.001, dy: 0.001).intersects(other.box) {
        Issue.record("'\(label.string)' overlaps '\(other.string)'")
      }
    }
    // Beyond 64 tokens weights are shown with three decimals, each row adding up to 1.000.
    #expect(scene.weights.decimals == 3 && scene.weights.focusRow.decimals == 3)
    for row in scene.weights.shownWeights.prefix(8) {
      let printed = row.compactMap { $0.map { String(format: "%.3f", $0) } }
      #expect(abs(printed.compactMap(Double.init).reduce(0, +) - 1) < 1e-9)
    }
    #expect(scene.footnote.contains("add up to 1.000"))
    // The scale tops at the 99th percentile, rounded up: in-block weights are 3/(3·64+448).
    let inBlock = 3.0 / (3 * 64 + 448)
    #expect(scene.scale.upperBound == ColorScale.roundedUp(Double(Float(inBlock))))
    // Each block's middle shows the colormap's colour for its weight.
    let grid = layout.grid
    for block in 0..<8 {
      let centre = (Double(block) + 0.5) * grid.width / 8
      let pixel = frame.pixel(x: Int(grid.minX + centre), y: Int(grid.minY + centre))
      let expected = scene.colormap.color(at: Double(Float(inBlock)) / scene.scale.upperBound)
      #expect(
        abs(pixel.red - expected.red) <= 2.0 / 255 && abs(pixel.green - expected.green) <= 2.0 / 255, "block \(block)")
    }
  }
}
