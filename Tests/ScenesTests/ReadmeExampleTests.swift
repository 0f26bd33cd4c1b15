import Canvas
import Foundation
import Reel
import Testing

@testable import Scenes

/// The README's example scene exists, compiles (it is in `Scenes/Examples`), renders, and
/// is the code the README shows.
@Suite struct ReadmeExampleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test func readmeShowsTheExampleSceneWordForWord() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(
      contentsOf: Self.root.appendingPathComponent("Scenes/Examples/TemperatureBarsScene.swift"), encoding: .utf8)
    #expect(readme.contains(source), "README's example differs from Scenes/Examples/TemperatureBarsScene.swift")
  }

  @Test func exampleRendersAndItsBarsFollowTheTemperature() throws {
    let timeline = try SceneCatalog.timeline(of: TemperatureBarsScene(arguments: []), frameSize: Size(1920, 1080))
    #expect(timeline.sections.map(\.name) == ["title", "bars", "aside"])
    let end = timeline.state(at: timeline.duration)
    let bars = end.filter { if case .shape = $0.content { return true } else { return false } }
    // T = 0.25 at the end: softmax([8, 4, 0.4]), drawn 500 units tall per unit, scaled 0.6.
    let e = [8.0, 4, 0.4].map(exp)
    let p = e.map { $0 / e.reduce(0, +) }
    #expect(bars.count == 3)
    for (bar, probability) in zip(bars, p) {
      #expect(abs(bar.bounds.height - 500 * probability * 0.6) < 1e-6)
    }
    let frame = try FrameRenderer(timeline: timeline, width: 854, height: 480).render(at: timeline.duration)
    #expect(frame.width == 854)
  }
}
