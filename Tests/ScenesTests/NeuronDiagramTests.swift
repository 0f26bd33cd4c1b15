import Canvas
import Foundation
import Reel
import TensorMath
import Testing

@testable import Scenes

/// The `neuron-diagram` scene: its layout at every frame shape, small and large, the
/// neuron worked out on screen, and golden frames of each section's end.
@Suite struct NeuronDiagramTests {
  static let optionSets: [[String]] = [
    [],
    ["--layers", "784,16,16,10"],
    ["--layers", "2,3,2", "--activation", "sigmoid", "--input", "0.5,-1"],
    ["--layers", "10,40,40,40,10", "--activation", "tanh"],
    ["--layers", "64,128,8", "--activation", "gelu"],
  ]
  static let frames = [Size(1920, 1080), Size(1440, 1080), Size(1080, 1080), Size(607.5, 1080)]

  /// Neurons apart and inside the frame, edges from circle border to circle border, a ⋮
  /// exactly where a layer has more neurons than fit.
  @Test(arguments: frames)
  func networksAreLaidOutCleanly(_ frame: Size) throws {
    let measurer = TextMeasurer()
    for arguments in Self.optionSets {
      let scene = try NeuronDiagramScene(arguments: arguments)
      let layout = try scene.layout(frame: frame, theme: .light, measurer: measurer)
      for network in [layout.network, layout.mlp] {
        let bounds = Rect(origin: .zero, size: frame)
        #expect(bounds.contains(network.bounds), "\(arguments) \(frame)")
        let r = network.radius
        for (layer, slots) in network.shown.enumerated() {
          let centers = network.centers[layer]
          for (a, b) in zip(centers, centers.dropFirst()) { #expect(a.distance(to: b) >= 2 * r + 2) }
          let elided = network.sizes[layer] > slots.count || slots.contains(nil)
          #expect(elided == slots.contains(nil), "⋮ only where neurons are left out")
          #expect(slots.compactMap { $0 }.count == min(network.sizes[layer], slots.count - (elided ? 1 : 0)))
          if elided { #expect(slots.first == 0 && slots.last == network.sizes[layer] - 1) }
        }
        for layer in 0..<(network.sizes.count - 1) {
          for edge in network.edges(after: layer, weight: { _, _ in 1 }) {
            let starts = network.centers[layer].contains { abs($0.distance(to: edge.from) - r) < 1e-6 }
            let ends = network.centers[layer + 1].contains { abs($0.distance(to: edge.to) - r) < 1e-6 }
            #expect(starts && ends)
          }
        }
      }
    }
  }

  /// The neuron worked out on screen: its z and a are the network's own, and a is the
  /// activation of z.
  @Test(arguments: optionSets)
  func theWorkedNeuronShowsItsOwnValue(_ arguments: [String]) throws {
    let scene = try NeuronDiagramScene(arguments: arguments)
    let example = scene.example
    let layout = try scene.layout(frame: Size(1920, 1080), theme: .light, measurer: TextMeasurer())
    let j = layout.focus
    #expect(layout.network.shown[1].contains(j), "the worked neuron is on screen")
    let z = (0..<example.input.count).reduce(example.network.biases[0][j]) {
      $0 + Double(example.network.weights[0][j, $1]) * example.input[$1]
    }
    let a = example.network.activation(z)
    #expect(abs(example.values[1][j] - a) < 1e-12)
    #expect(layout.formulaLines[1].hasSuffix("= " + NeuronLayout.number(z)))
    #expect(layout.formulaLines[2].hasSuffix("= " + NeuronLayout.number(a)))
    #expect(abs(example.probabilities.reduce(0, +) - 1) < 1e-9)
  }

  /// No two texts overlap and nothing leaves the frame at any section's end.
  @Test(arguments: frames)
  func nothingOverlapsOrLeavesTheFrame(_ frame: Size) throws {
    for arguments in Self.optionSets {
      let timeline = try SceneCatalog.timeline(of: NeuronDiagramScene(arguments: arguments), frameSize: frame)
      #expect(timeline.sections.map(\.name) == NeuronSection.allCases.map(\.name))
      SectionEndLayout.check(timeline, frame: frame, label: "\(arguments) \(frame)")
    }
  }

  @Test(arguments: ["light", "dark"])
  func sectionEndsMatchGoldenImages(_ theme: String) throws {
    let frame = SceneCatalog.logicalFrame(width: 854, height: 480)
    for (name, arguments) in [("", [String]()), ("mnist-", ["--layers", "784,16,16,10"])] {
      let timeline = try SceneCatalog.timeline(
        of: NeuronDiagramScene(arguments: arguments), frameSize: frame, theme: try #require(Theme.named(theme)))
      let renderer = FrameRenderer(timeline: timeline, width: 854, height: 480)
      for section in timeline.sections where name.isEmpty || section.name != "mlp" {
        let image = try renderer.render(at: section.end - 1e-6)
        try GoldenImage().check(image, named: "neuron-diagram-ql-\(name)\(theme)-\(section.name)")
      }
    }
  }
}
