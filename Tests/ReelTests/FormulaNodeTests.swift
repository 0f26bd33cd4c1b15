import Canvas
import MathType
import Testing

@testable import Reel

/// Formulas in scenes: a node per glyph in one group, parts as sub-groups, and transforms
/// between formulas that keep matching glyphs' identities.
@Suite struct FormulaNodeTests {
  static let font = try! MathFont()
  let frame = Size(1280, 720)

  @Test func glyphsSitWhereTheFormulaPutsThem() throws {
    var scene = SceneRecorder(frameSize: frame)
    let formula = try Formula("\\part{scores}{QK^\\top}=x", font: Self.font)
    let nodes = try scene.formula(formula, size: 60, center: Point(640, 360), color: .black)
    #expect(nodes.glyphs.count == formula.box.shapes.count)
    // Each glyph node's box is its piece's box, moved so the layout box is centred.
    let box = formula.bounds(size: 60)
    let shift = Point(640 - box.center.x, 360 - box.center.y)
    for (node, piece) in zip(nodes.glyphs, formula.pieces(size: 60)) {
      let expected = piece.path.bounds
      #expect(abs(node.bounds.center.x - expected.center.x - shift.x) < 1e-9)
      #expect(abs(node.bounds.center.y - expected.center.y - shift.y) < 1e-9)
    }
    #expect(nodes.glyphs(inPart: "scores").count == 3)
    let coloured = try scene.formula(
      formula, size: 60, center: Point(640, 360), color: .black, partColors: ["scores": Color(rgb: 0x1E63D6)])
    #expect(coloured.glyphs(inPart: "scores").allSatisfy { $0.fill?.baseColor == Color(rgb: 0x1E63D6) })
    #expect(coloured.glyphs.filter { $0.fill?.baseColor == .black }.count == coloured.glyphs.count - 3)
    #expect(nodes.part("scores") != nil && nodes.part("missing") == nil)
  }

  @Test func aPartRecoloursAndMovesAlone() throws {
    var scene = SceneRecorder(frameSize: frame)
    let nodes = try scene.formula(
      try Formula("\\part{scores}{QK^\\top}=x", font: Self.font), size: 60, center: Point(640, 360), color: .black)
    scene.play(.fadeIn(nodes.group))
    let part = try #require(nodes.part("scores"))
    scene.play(.recolor([part], fill: Color(rgb: 0x1E63D6)), .shift(part, by: Point(0, -100)), duration: 1)
    let timeline = scene.timeline
    let inPart = nodes.glyphs(inPart: "scores")
    let outside = nodes.glyphs.filter { glyph in !inPart.contains { $0.id == glyph.id } }
    for glyph in inPart {
      let end = try #require(timeline.state(of: glyph, at: 2))
      #expect(end.fill?.baseColor == Color(rgb: 0x1E63D6))
      #expect(abs(end.position.y - glyph.position.y + 100) < 1e-6)
    }
    for glyph in outside {
      let end = try #require(timeline.state(of: glyph, at: 2))
      #expect(end.fill?.baseColor == .black && end.position == glyph.position)
    }
  }

  @Test func matchingTransformKeepsIdentities() throws {
    var scene = SceneRecorder(frameSize: frame)
    let from = try scene.formula(
      try Formula("\\part{scores}{QK^\\top} + b", font: Self.font), size: 60, center: Point(640, 200), color: .black)
    let to = try scene.formula(
      try Formula("\\frac{\\part{scores}{QK^\\top}}{\\sqrt{d_k}}", font: Self.font), size: 60,
      center: Point(640, 500), color: .black)
    scene.play(.fadeIn(from.group))
    let transform = from.matching(into: to)
    scene.play(transform.animations, duration: 1)
    let timeline = scene.timeline
    // Q, K and ⊤ are the same nodes, now where the fraction's numerator has them.
    let sourceScores = from.glyphs(inPart: "scores")
    let targetScores = to.glyphs(inPart: "scores")
    for (source, target) in zip(sourceScores, targetScores) {
      #expect(transform.glyphs.contains { $0.id == source.id })
      let end = try #require(timeline.state(of: source, at: 2))
      #expect(end.position.distance(to: target.position) < 1e-6)
      #expect(end.isVisible)
    }
    // "+ b" fades out; the bar, the radical and d_k fade in.
    let plus = try #require(from.glyphs.last)
    #expect(try #require(timeline.state(of: plus, at: 2)).presence == 0)
    let radicalBar = try #require(to.glyphs.last)
    #expect(try #require(timeline.state(of: radicalBar, at: 2)).isVisible)
    #expect(transform.glyphs.count == to.glyphs.count)
  }

  @Test func aPartBecomesAnyOtherNode() throws {
    var scene = SceneRecorder(frameSize: frame)
    let nodes = try scene.formula(
      try Formula("\\part{q}{Q} = \\part{w}{XW^Q}", font: Self.font), size: 60, center: Point(640, 200), color: .black)
    scene.play(.fadeIn(nodes.group))
    let matrix = scene.make(.rectangle(width: 120, height: 80, at: Point(300, 500), fill: .black))
    scene.play(nodes.transform(part: "w", into: matrix), duration: 1)
    let timeline = scene.timeline
    let w = nodes.glyphs(inPart: "w")
    #expect(w.count == 3)
    let first = try #require(timeline.state(of: w[0], at: 2))
    #expect(first.position == Point(300, 500) && first.bounds.width == 120 && first.effectiveOpacity == 1)
    for other in w.dropFirst() {
      let end = try #require(timeline.state(of: other, at: 2))
      #expect(end.position == Point(300, 500) && end.effectiveOpacity == 0)
    }
    #expect(nodes.transform(part: "missing", into: matrix).isEmpty)
  }

  /// The example of Docs/Writing-Scenes.md ("Formulas"), as written there.
  @Test func theGuidesExampleRecords() throws {
    var scene = SceneRecorder(frameSize: Size(1920, 1080))
    let theme = Theme.light
    let font = try MathFont()  // Latin Modern Math, once per scene
    let scores = try scene.formula(
      try Formula("\\part{scores}{QK^\\top} + M", font: font), size: 72, center: Point(960, 300), color: theme.ink)
    scene.play(.write(scores.group), duration: 1.5)
    if let part = scores.part("scores") { scene.play(.indicate(part), .recolor([part], fill: theme.accent)) }

    let next = try scene.formula(
      try Formula("\\mathrm{softmax}\\left(\\frac{\\part{scores}{QK^\\top}}{\\sqrt{d_k}} + M\\right)", font: font),
      size: 72, center: Point(960, 300), color: theme.ink)
    let step = scores.matching(into: next)  // Manim's TransformMatchingTex
    scene.play(step.animations, duration: 1.5)  // Q, K, ⊤, + and M travel; the rest fades in

    let timeline = scene.timeline
    #expect(abs(timeline.duration - 4) < 1e-9)
    let shown = step.glyphs.compactMap { timeline.state(of: $0, at: 4) }
    #expect(shown.count == next.glyphs.count && shown.allSatisfy(\.isVisible))
    // The five glyphs of QK^T + M kept their nodes.
    #expect(
      Set(step.glyphs.compactMap(\.id?.rawValue)).intersection(scores.glyphs.compactMap(\.id?.rawValue)).count == 5)
  }

  /// A part inside a part is a group inside its group; colours go to the innermost part
  /// that has one.
  @Test func nestedPartsNest() throws {
    var scene = SceneRecorder(frameSize: frame)
    let nodes = try scene.formula(
      try Formula("\\part{a}{x + \\part{b}{y}} = z", font: Self.font), size: 60, center: Point(640, 360),
      color: .black, partColors: ["a": Color(rgb: 0x1E63D6)])
    #expect(nodes.glyphs(inPart: "a").count == 3 && nodes.glyphs(inPart: "b").count == 1)
    let a = try #require(nodes.part("a"))
    let b = try #require(nodes.part("b"))
    scene.play(.fadeIn(nodes.group))
    scene.play(.shift(a, by: Point(0, 50)), duration: 1)
    let timeline = scene.timeline
    let y = try #require(nodes.glyphs(inPart: "b").first)
    // Moving a moves b's glyph with it.
    #expect(abs(try #require(timeline.state(of: y, at: 2)).position.y - y.position.y - 50) < 1e-6)
    #expect(try #require(timeline.state(of: b, at: 2)).isVisible == false)  // a group draws nothing itself
    #expect(nodes.glyphs(inPart: "a").allSatisfy { $0.fill?.baseColor == Color(rgb: 0x1E63D6) })
  }
}
