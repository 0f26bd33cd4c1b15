import Canvas
import Foundation
import Reel
import TensorMath
import Testing

@testable import Scenes

/// The `positional-encoding` scene: values against the paper's formula written out here,
/// the sweep's numbers, the word-order example, the layout at every frame shape, and
/// golden frames of each section's end.
@Suite struct PositionalEncodingTests {
  static let optionSets: [[String]] = [
    [],
    ["--d-model", "7", "--positions", "20", "--dims", "0,3,6"],
    ["--d-model", "512", "--positions", "200", "--dims", "0,1,2,3,100,511"],
    ["--d-model", "2", "--positions", "2"],
  ]
  static let frames = [Size(1920, 1080), Size(1440, 1080), Size(1080, 1080), Size(607.5, 1080)]

  /// PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)).
  func paper(_ pos: Int, _ dim: Int, _ d: Int) -> Double {
    let i = Double(dim / 2)
    let angle = Double(pos) / pow(10_000, 2 * i / Double(d))
    return dim % 2 == 0 ? sin(angle) : cos(angle)
  }

  @Test(arguments: [2, 3, 7, 64, 65, 512])
  func encodingFollowsThePaperInterleaved(_ d: Int) {
    let example = PositionalEncodingExample(dModel: d, positions: 30, dims: [0])
    for pos in 0..<30 {
      for dim in 0..<d {
        #expect(abs(Double(example.encoding[pos, dim]) - paper(pos, dim, d)) < 1e-6, "PE(\(pos), \(dim)) at d \(d)")
        #expect(abs(example.value(position: Double(pos), dim: dim) - paper(pos, dim, d)) < 1e-12)
      }
    }
    // Dimension 0 is sin(pos), dimension 1 cos(pos): the first pair has frequency 1.
    #expect(example.frequency(0) == 1 && example.frequency(1) == 1)
  }

  /// With an even d_model, PE(p)·PE(p + k) is the same for every p: Σ cos(k ωᵢ).
  @Test func similarityDependsOnlyOnTheOffset() {
    let example = PositionalEncodingExample(dModel: 64, positions: 40, dims: [0])
    let similarity = example.similarity
    for p in [0, 7, 19] {
      for k in 0..<(40 - p) {
        #expect(abs(similarity[p][p + k] - example.pairedSimilarity(offset: Double(k))) < 1e-4)
      }
    }
    #expect(abs(similarity[5][5] - 32) < 1e-4, "d/2 at the diagonal")
  }

  /// Without positions "bites" weighs each word the same in both orders; with them, not.
  @Test func wordOrderIsInvisibleWithoutPositions() {
    let weights = PositionalEncodingExample.orderWeights()
    let sentences = PositionalEncodingExample.sentences
    func byWord(_ row: [Double], _ sentence: Int) -> [String: Double] {
      Dictionary(uniqueKeysWithValues: zip(sentences[sentence], row))
    }
    #expect(byWord(weights[0][0], 0) == byWord(weights[0][1], 1))
    #expect(byWord(weights[1][0], 0) != byWord(weights[1][1], 1))
    for row in weights.flatMap({ $0 }) { #expect(abs(row.reduce(0, +) - 1) < 1e-9) }
  }

  /// The numbers the sweep shows at its end are PE at the position it ends on.
  @Test(arguments: optionSets)
  func theSweepShowsTheEncodingOfItsPosition(_ arguments: [String]) throws {
    let scene = try PositionalEncodingScene(arguments: arguments)
    let timeline = try SceneCatalog.timeline(of: scene, frameSize: Size(1920, 1080))
    let section = try #require(timeline.sections.first { $0.name == "sweep" })
    let counters = timeline.state(at: section.end - 1e-6).compactMap { node -> (CounterContent, Point)? in
      guard case .counter(let counter) = node.content else { return nil }
      return (counter, node.position)
    }
    let position = try #require(counters.first { $0.0.prefix == "pos = " })
    #expect(position.0.formatted == "\(scene.sweepEnd)")
    // The column's counters, top to bottom, are the plotted dimensions in order.
    let column = counters.filter { $0.0.prefix.isEmpty && $0.0.decimals == 2 }
      .sorted { $0.1.x != $1.1.x ? $0.1.x > $1.1.x : $0.1.y < $1.1.y }.prefix(scene.example.dims.count)
      .sorted { $0.1.y < $1.1.y }
    let d = scene.example.dModel
    #expect(
      column.map(\.0.formatted)
        == scene.example.dims.map { dim in
          let value = paper(scene.sweepEnd, dim, d)
          let text = String(format: "%.2f", abs(value))
          return (value < 0 && text != "0.00" ? "−" : "") + text
        })
  }

  /// Nothing a viewer reads overlaps anything else or leaves the frame at the end of any
  /// section, at any frame shape.
  @Test(arguments: frames)
  func nothingOverlapsOrLeavesTheFrame(_ frame: Size) throws {
    for arguments in Self.optionSets {
      let timeline = try SceneCatalog.timeline(of: PositionalEncodingScene(arguments: arguments), frameSize: frame)
      #expect(timeline.sections.map(\.name) == PESection.allCases.map(\.name))
      // At least 17 px at 1080p (1080×1920 for a portrait frame, whose units are larger).
      SectionEndLayout.check(
        timeline, frame: frame, label: "\(arguments) \(frame)", minimumFont: 17 / max(1, frame.height / frame.width))
    }
  }

  @Test(arguments: ["light", "dark"])
  func sectionEndsMatchGoldenImages(_ theme: String) throws {
    let frame = SceneCatalog.logicalFrame(width: 854, height: 480)
    let timeline = try SceneCatalog.timeline(
      of: PositionalEncodingScene(arguments: []), frameSize: frame, theme: try #require(Theme.named(theme)))
    let renderer = FrameRenderer(timeline: timeline, width: 854, height: 480)
    for section in timeline.sections {
      let image = try renderer.render(at: section.end - 1e-6)
      try GoldenImage().check(image, named: "positional-encoding-ql-\(theme)-\(section.name)")
    }
  }
}
