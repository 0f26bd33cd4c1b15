import Canvas
import Foundation
import MathType
import Reel
import TensorMath
import Testing

@testable import Scenes

/// The `qkv-flow` scene: every number on screen against attention computed here by hand,
/// softmax rows that add up, the causal mask, the layout at every frame shape, and golden
/// frames of each section's end.
@Suite struct QKVFlowTests {
  static let optionSets: [[String]] = [
    [],
    ["--tokens", "I saw her duck", "--causal"],
    ["--tokens", "the quick brown fox jumps over lazy dogs", "--d-model", "64"],
    ["--tokens", "Hi", "--d-model", "2", "--d-k", "1", "--seed", "7"],
    ["--tokens", "a b c d e f g h i j k l", "--d-model", "512", "--d-k", "512", "--causal"],
  ]
  static let frames = [Size(1920, 1080), Size(1440, 1080), Size(1080, 1080), Size(607.5, 1080)]
  static let sections = ["tokens", "projections", "scores", "scale", "softmax", "weights", "output", "formula"]

  func timeline(_ arguments: [String], frame: Size = Size(1920, 1080), theme: Theme = .light) throws -> Timeline {
    try SceneCatalog.timeline(of: QKVFlowScene(arguments: arguments), frameSize: frame, theme: theme)
  }

  // MARK: Attention by hand, in Double, apart from TensorMath

  struct ByHand {
    let x: [[Double]]
    let q: [[Double]]
    let k: [[Double]]
    let v: [[Double]]
    let scores: [[Double]]
    let scaled: [[Double]]
    let weights: [[Double]]
    let shown: [[Double]]
    let z: [[Double]]
    let causal: Bool

    init(_ example: QKVExample) {
      func doubles(_ m: TensorMath.Matrix) -> [[Double]] { m.rowArrays.map { $0.map(Double.init) } }
      func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.map { row in (0..<b[0].count).map { j in row.indices.reduce(0) { $0 + row[$1] * b[$1][j] } } }
      }
      func transposed(_ a: [[Double]]) -> [[Double]] { (0..<a[0].count).map { j in a.map { $0[j] } } }
      causal = example.causal
      x = doubles(example.x)
      q = product(x, doubles(example.wq))
      k = product(x, doubles(example.wk))
      v = product(x, doubles(example.wv))
      scores = product(q, transposed(k))
      let root = Double(q[0].count).squareRoot()
      scaled = scores.map { $0.map { $0 / root } }
      let causal = example.causal
      weights = scaled.enumerated().map { i, row in
        let seen = row.enumerated().map { j, s in causal && j > i ? -Double.infinity : s }
        let top = seen.max() ?? 0
        let e = seen.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
      }
      // Largest remainder: floor every hundredth, then hand the missing ones to the largest
      // remainders, so each row shows exactly 1.00.
      shown = weights.map { row in
        let hundredths = row.map { $0 * 100 }
        var floors = hundredths.map { $0.rounded(.down) }
        let missing = 100 - Int(floors.reduce(0, +).rounded())
        let order = hundredths.indices.sorted { hundredths[$0] - floors[$0] > hundredths[$1] - floors[$1] }
        for index in order.prefix(max(missing, 0)) { floors[index] += 1 }
        return floors.map { $0 / 100 }
      }
      z = product(weights, v)
    }
  }

  /// Numbers in the texts on screen at `t` (tokens, words and dimension names skipped).
  func numbers(_ timeline: Timeline, at t: Double) -> [Double] {
    timeline.state(at: t).compactMap { node -> Double? in
      guard case .text(let text) = node.content else { return nil }
      let cleaned = text.string.replacingOccurrences(of: " ×", with: "").replacingOccurrences(of: "\u{2212}", with: "-")
      return Double(cleaned)
    }
  }

  /// Every number shown is one of `expected` (to its two decimals); with `complete`, every
  /// expected number is shown too.
  func check(
    _ shown: [Double], against expected: [Double], complete: Bool, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let tolerance = 0.005 + 2e-4  // rounding to two decimals, and Float against Double
    for value in shown {
      #expect(
        expected.contains { abs($0 - value) <= tolerance }, "\(label): \(value) on screen is none of the values",
        sourceLocation: sourceLocation)
    }
    guard complete else { return }
    var left = shown
    for value in expected {
      if let index = left.firstIndex(where: { abs($0 - value) <= tolerance }) {
        left.remove(at: index)
      } else {
        Issue.record("\(label): \(value) is not on screen", sourceLocation: sourceLocation)
      }
    }
  }

  @Test(arguments: optionSets)
  func everyNumberOnScreenIsComputedRight(_ arguments: [String]) throws {
    let scene = try QKVFlowScene(arguments: arguments)
    let hand = ByHand(scene.example)
    let timeline = try timeline(arguments)
    let layout = try scene.layout(frame: Size(1920, 1080), theme: .light, measurer: TextMeasurer())
    let complete = layout.sizing.maxRows == nil
    #expect(timeline.sections.map(\.name) == Self.sections)
    func flat(_ matrices: [[Double]]...) -> [Double] { matrices.flatMap { $0.flatMap { $0 } } }
    let row = scene.example.focusRow
    let scaledRows = (0..<hand.v.count).map { j in hand.v[j].map { hand.shown[row][j] * $0 } }
    let ticks = [0, 0.2, 0.4, 0.6, 0.8, 1]
    let rows = scene.example.n
    let expected: [String: ([Double], Bool)] = [
      // The captions name d_model and √d_k.
      "tokens": (flat(hand.x) + [Double(hand.x[0].count)], complete),
      "projections": (flat(hand.x, hand.q, hand.k, hand.v), complete),
      "scores": (flat(hand.q, hand.k, hand.scores), complete),
      "scale": (flat(hand.scores, hand.scaled) + [Double(hand.q[0].count).squareRoot()], complete),
      "softmax": (flat(hand.shown) + Array(repeating: 1, count: rows), complete),
      "weights": (flat(hand.shown) + ticks, complete),
      // The coefficients and the weighted rows of the focus row, and its sum.
      "output": (flat(hand.shown, hand.v, hand.z, [hand.shown[row]], scaledRows, [hand.z[row]]), complete),
      "formula": (flat(hand.q, hand.k, hand.v, hand.z), complete),
    ]
    for section in timeline.sections {
      let (values, isComplete) = try #require(expected[section.name])
      check(numbers(timeline, at: section.end - 1e-6), against: values, complete: isComplete, section.name)
    }
  }

  @Test(arguments: optionSets)
  func softmaxRowsAddUpAndTheMaskIsExact(_ arguments: [String]) throws {
    let example = try QKVFlowScene(arguments: arguments).example
    let weights = example.attention.weights
    for i in 0..<weights.rows {
      let row = weights.row(i).map(Double.init)
      #expect(abs(row.reduce(0, +) - 1) < 1e-6)
      #expect(Int((example.shownWeights[i].reduce(0, +) * 100).rounded()) == 100, "row \(i) shows 1.00")
      for j in 0..<weights.columns where example.causal && j > i {
        #expect(row[j] == 0 && example.shownWeights[i][j] == 0)
        #expect(example.attention.scores[i, j] == -.infinity)
      }
    }
    // The shown weights are the weights rounded, none off by more than a hundredth.
    for i in 0..<weights.rows {
      for j in 0..<weights.columns { #expect(abs(example.shownWeights[i][j] - Double(weights[i, j])) < 0.01) }
    }
  }

  /// The masked weights on screen read 0.00 on the mask colour at the end of `weights`.
  @Test func causalWeightsShowZeroOnTheMask() throws {
    let timeline = try timeline(["--tokens", "I saw her duck", "--causal"])
    let end = try #require(timeline.sections.first { $0.name == "weights" }).end - 1e-6
    let nodes = timeline.state(at: end)
    let maskCells = nodes.filter { $0.fill?.baseColor == Theme.light.maskFill }
    #expect(maskCells.count == 6, "4 tokens: 3 + 2 + 1 masked")
    let zeros = nodes.filter {
      guard case .text(let text) = $0.content else { return false }
      return text.string == "0.00" && $0.fill?.baseColor == Theme.light.muted
    }
    #expect(zeros.count == 6)
  }

  /// Large sizes elide rows and columns rather than shrinking the digits below 14 px at
  /// 1080p (1920×1080, or 1080×1920 for a portrait frame).
  @Test func largeSizesElideInsteadOfShrinking() throws {
    let measurer = TextMeasurer()
    for frame in Self.frames {
      for arguments in Self.optionSets {
        let scene = try QKVFlowScene(arguments: arguments)
        let layout = try scene.layout(frame: frame, theme: .light, measurer: measurer)
        let pixelsPerUnit = max(1, frame.height / frame.width)
        let digitHeight = measurer.measure("0", font: Font(size: layout.sizing.font)).ink.height * pixelsPerUnit
        #expect(digitHeight >= 14, "\(arguments) \(frame): digits \(digitHeight) px tall")
      }
      let large = try QKVFlowScene(arguments: Self.optionSets[2])
      #expect(try large.layout(frame: frame, theme: .light, measurer: measurer).sizing.maxColumns != nil)
    }
  }

  /// Nothing a viewer reads overlaps anything else or leaves the frame, at the end of every
  /// section, in every frame shape.
  @Test(arguments: frames)
  func nothingOverlapsOrLeavesTheFrame(_ frame: Size) throws {
    let measurer = TextMeasurer()
    for arguments in Self.optionSets {
      let scene = try QKVFlowScene(arguments: arguments)
      let layout = try scene.layout(frame: frame, theme: .light, measurer: measurer)
      let bounds = Rect(origin: .zero, size: frame)
      for section in QKVSection.allCases {
        let boxes = layout.texts(in: section)
        for (i, a) in boxes.enumerated() {
          #expect(bounds.contains(a), "\(arguments) \(frame) \(section.name): \(a) leaves the frame")
          for b in boxes[(i + 1)...] {
            #expect(!a.intersects(b), "\(arguments) \(frame) \(section.name): \(a) overlaps \(b)")
          }
        }
      }
      // And on screen: every text node at each section's end, in the frame and apart, at
      // least 17 px at 1080p (1080×1920 for a portrait frame, whose units are larger).
      let timeline = try SceneCatalog.timeline(of: scene, frameSize: frame)
      SectionEndLayout.check(
        timeline, frame: frame, label: "\(arguments) \(frame)", minimumFont: 17 / max(1, frame.height / frame.width))
    }
  }

  /// Q, K and V keep their colours: brackets, names and arrows in the theme's colour.
  @Test(arguments: ["light", "dark"])
  func queriesKeysAndValuesKeepTheirColours(_ name: String) throws {
    let theme = try #require(Theme.named(name))
    let timeline = try timeline([], theme: theme)
    let end = try #require(timeline.sections.first { $0.name == "projections" }).end - 1e-6
    let fills = Set(timeline.state(at: end).compactMap { $0.fill?.baseColor ?? $0.stroke?.baseColor })
    for colour in [theme.query, theme.key, theme.value] { #expect(fills.contains(colour)) }
  }

  @Test(arguments: ["light", "dark"])
  func sectionEndsMatchGoldenImages(_ theme: String) throws {
    let frame = SceneCatalog.logicalFrame(width: 854, height: 480)
    let timeline = try timeline([], frame: frame, theme: try #require(Theme.named(theme)))
    let renderer = FrameRenderer(timeline: timeline, width: 854, height: 480)
    for section in timeline.sections {
      let image = try renderer.render(at: section.end - 1e-6)
      try GoldenImage().check(image, named: "qkv-flow-ql-\(theme)-\(section.name)")
    }
  }
}
