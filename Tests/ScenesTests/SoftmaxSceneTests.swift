import Canvas
import Foundation
import Reel
import Testing

@testable import Scenes

/// The softmax scene: the numbers on screen against a softmax computed here by hand, and
/// its layout at every frame shape.
@Suite struct SoftmaxSceneTests {
  static let optionSets: [[String]] = [
    [],
    ["--logits", "3.2,1.5,-0.8,0.4,-2,1.1", "--labels", "cat,dog,car,sky,tree,the", "--temperature", "0.7"],
    ["--logits", "40,39,-10", "--temperature", "0.25"],
    ["--logits", "1,2,3,4,5,6,7,8", "--labels", "internationalization,b,c,d,e,f,g,h"],
    ["--logits=-40,-45", "--temperature", "0.25"],
  ]
  static let frames = [Size(1920, 1080), Size(1440, 1080), Size(1080, 1080), Size(607.5, 1080)]

  func timeline(_ arguments: [String], frame: Size = Size(1920, 1080), theme: Theme = .light) throws -> Timeline {
    try SceneCatalog.timeline(of: SoftmaxScene(arguments: arguments), frameSize: frame, theme: theme)
  }

  /// The counters on screen at `t`: the bar values left to right, and the temperature.
  func readings(_ timeline: Timeline, at t: Double) -> (values: [Double], temperature: Double?) {
    var values: [(x: Double, value: Double)] = []
    var temperature: Double?
    for node in timeline.state(at: t) {
      guard case .counter(let counter) = node.content else { continue }
      if counter.prefix == "T = " { temperature = counter.value }
      if counter.prefix.isEmpty { values.append((node.position.x, counter.value)) }
    }
    return (values.sorted { $0.x < $1.x }.map(\.value), temperature)
  }

  func end(of section: String, in timeline: Timeline) throws -> Double {
    let found = try #require(timeline.sections.first { $0.name == section })
    return found.end - 1e-6
  }

  /// `exp(zᵢ / T) / Σ exp(zⱼ / T)`, written out here, apart from the code under test.
  func softmax(_ z: [Double], _ t: Double) -> [Double] {
    let top = z.map { $0 / t }.max() ?? 0
    let e = z.map { exp($0 / t - top) }
    return e.map { $0 / e.reduce(0, +) }
  }

  @Test(arguments: optionSets)
  func eachStageShowsItsNumbers(_ arguments: [String]) throws {
    let scene = try SoftmaxScene(arguments: arguments)
    let timeline = try timeline(arguments)
    let z = scene.stages.logits
    let t = scene.stages.temperature
    #expect(readings(timeline, at: try end(of: "logits", in: timeline)).values == z)
    // Shifted by the largest zᵢ / T when exp would leave e⁻⁶…e⁶.
    let largest = z.map { $0 / t }.max()!
    let shift = abs(largest) > 6 ? largest : 0
    let exps = readings(timeline, at: try end(of: "exponentiate", in: timeline)).values
    #expect(zip(exps, z).allSatisfy { abs($0 - exp($1 / t - shift)) < 1e-9 }, "\(exps)")
    let probabilities = readings(timeline, at: try end(of: "normalise", in: timeline)).values
    let expected = softmax(z, t)
    #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9, "shown values add up to 1.00")
    #expect(zip(probabilities, expected).allSatisfy { abs($0 - $1) <= 0.01 + 1e-9 }, "\(probabilities)")
  }

  @Test(arguments: optionSets)
  func temperatureSweepFollowsTheFormula(_ arguments: [String]) throws {
    let scene = try SoftmaxScene(arguments: arguments)
    let timeline = try timeline(arguments)
    let section = try #require(timeline.sections.first { $0.name == "temperature" })
    var seen: [Double] = []
    // From when the slider has faded in to the end.
    for step in 0...24 {
      let at = section.start + 2 + (section.end - section.start - 2) * Double(step) / 24
      let (values, shown) = readings(timeline, at: at)
      let t = try #require(shown, "the temperature counter is on screen at \(at)")
      seen.append(t)
      let expected = softmax(scene.stages.logits, t)
      #expect(abs(values.reduce(0, +) - 1) < 1e-9, "at T = \(t): \(values)")
      for (value, exact) in zip(values, expected) {
        #expect(abs(value - exact) <= 0.01 + 1e-9, "at T = \(t): \(value) vs \(exact)")
        #expect(abs(value * 100 - (value * 100).rounded()) < 1e-6, "two decimals")
      }
    }
    #expect(abs(seen.min()! - 0.25) < 0.01 && abs(seen.max()! - 2) < 0.01, "the sweep reaches 0.25 and 2")
  }

  /// Everything a viewer reads at the end of each section: no two pieces of text overlap,
  /// nothing leaves the frame, no text under 16 units.
  @Test(arguments: frames)
  func nothingOverlapsOrLeavesTheFrame(_ frame: Size) throws {
    for arguments in Self.optionSets {
      let timeline = try timeline(arguments, frame: frame)
      SectionEndLayout.check(
        timeline, frame: frame, label: "\(arguments) \(frame)", minimumFont: 16, minimumCounterFont: 14)
    }
  }

  @Test(arguments: ["light", "dark"])
  func sectionEndsMatchGoldenImages(_ theme: String) throws {
    let frame = SceneCatalog.logicalFrame(width: 854, height: 480)
    let timeline = try timeline([], frame: frame, theme: try #require(Theme.named(theme)))
    let renderer = FrameRenderer(timeline: timeline, width: 854, height: 480)
    #expect(
      timeline.sections.map(\.name) == ["title", "logits", "exponentiate", "normalise", "probabilities", "temperature"])
    for section in timeline.sections {
      let image = try renderer.render(at: section.end - 1e-6)
      try GoldenImage().check(image, named: "softmax-ql-\(theme)-\(section.name)")
    }
  }

  @Test func sceneNamesNeverCollideWithCommands() {
    let names = SceneCatalog.all.map { $0.name }
    #expect(Set(names).count == names.count)
    #expect(names.allSatisfy { !SceneCatalog.reservedNames.contains($0) })
    #expect(SceneCatalog.scene(named: "softmax") != nil)
  }

  @Test func badOptionsAreRefused() {
    #expect(throws: (any Error).self) { try SoftmaxScene(arguments: ["--logits", "1"]) }
    #expect(throws: (any Error).self) { try SoftmaxScene(arguments: ["--logits", "1,x"]) }
    #expect(throws: (any Error).self) { try SoftmaxScene(arguments: ["--temperature", "5"]) }
    #expect(throws: (any Error).self) { try SoftmaxScene(arguments: ["--labels", "a,b"]) }
  }
}
