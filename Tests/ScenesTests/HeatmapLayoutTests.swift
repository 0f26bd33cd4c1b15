import Canvas
import Reel
import Testing

@testable import Scenes

/// Geometry checks: at every token count and frame shape, no two pieces of text overlap,
/// nothing leaves the frame, text stays at least 14 units (14 px at 1080p) tall — and
/// nothing a viewer needs is lost: the caption names its tokens and numbers in full, and
/// every token it names is labelled on both axes.
@Suite struct HeatmapLayoutTests {
  static let frames = [Size(1920, 1080), Size(1440, 1080), Size(1080, 1080), Size(607.5, 1080)]
  static let counts = [2, 3, 8, 16, 33, 48, 64]

  func tokens(_ count: Int) -> [String] {
    let words = [
      "The", "transformer", "attends", "to", "every", "token", "at", "once", ",",
      "internationalization", "[CLS]", "ĠHello", "▁world", "##ing", "a", "é",
    ]
    return (0..<count).map { words[$0 % words.count] }
  }

  func scene(_ tokens: [String], causal: Bool) throws -> AttentionHeatmapScene {
    try AttentionHeatmapScene(arguments: ["--tokens", tokens.joined(separator: " ")] + (causal ? ["--causal"] : []))
  }

  func layout(count: Int, frame: Size, causal: Bool) throws -> HeatmapLayout {
    try scene(tokens(count), causal: causal).layout(frame: frame, measurer: TextMeasurer())
  }

  @Test(arguments: counts)
  func noTextOverlapsAndAllFits(_ count: Int) throws {
    for frame in Self.frames {
      for causal in [false, true] {
        // A portrait frame is too narrow for 64 tokens' cells; that is a clear error instead.
        guard let layout = try? layout(count: count, frame: frame, causal: causal) else {
          #expect(frame.width < 700 && count > 33, "\(count) tokens fit a \(frame) frame")
          continue
        }
        let bounds = Rect(origin: .zero, size: frame)
        let texts = layout.allText
        for (index, text) in texts.enumerated() {
          #expect(bounds.contains(text.box), "'\(text.string)' leaves the \(frame) frame at \(count) tokens")
          #expect(!text.box.intersects(layout.grid), "'\(text.string)' covers the grid")
          #expect(!text.box.intersects(layout.colorbar.bar), "'\(text.string)' covers the colorbar")
          #expect(text.font.size >= 14, "'\(text.string)' is smaller than 14 units")
          // Pieces of one line meet edge to edge; a rounding hair of overlap is not a clash.
          for other in texts[(index + 1)...] where text.box.insetBy(dx: 0.001, dy: 0.001).intersects(other.box) {
            Issue.record("'\(text.string)' overlaps '\(other.string)' at \(count) tokens in \(frame)")
          }
        }
        let formula = layout.subtitleFormula.box
        #expect(bounds.contains(formula) && !formula.intersects(layout.grid), "the subtitle formula in \(frame)")
        for text in texts where text.box.intersects(formula) {
          Issue.record("'\(text.string)' overlaps the subtitle formula at \(count) tokens in \(frame)")
        }
        #expect(bounds.contains(layout.grid) && bounds.contains(layout.colorbar.bar))
        for entry in layout.panel.entries { #expect(bounds.contains(entry.track), "\(frame)") }
        #expect(causal == (layout.colorbar.maskLegend != nil))
      }
    }
  }

  @Test(arguments: counts)
  func nothingTheCaptionNamesIsLost(_ count: Int) throws {
    for frame in Self.frames {
      let scene = try scene(tokens(count), causal: false)
      guard let layout = try? scene.layout(frame: frame, measurer: TextMeasurer()) else { continue }
      let focus = scene.weights.focusRow
      let caption = layout.panel.caption.map(\.string).joined().replacingOccurrences(of: "\u{2068}", with: "")
        .replacingOccurrences(of: "\u{2069}", with: "")
      for key in [focus.query] + focus.named where key != focus.query || key == focus.query {
        let name = scene.weights.tokens[key]
        #expect(caption.contains("“\(name)”") || (key != focus.query && caption.contains("itself")), "\(caption)")
        #expect(layout.rowLabels[key] != nil && layout.columnLabels[key] != nil, "\(name) labelled on both axes")
      }
      for key in [focus.top, focus.runnerUp].compactMap({ $0 }) {
        #expect(caption.contains(String(format: "(%.2f)", key.weight)), "\(caption)")
      }
    }
  }

  @Test func everyLabelShownUpTo48Tokens() throws {
    for count in [2, 8, 48] {
      let layout = try layout(count: count, frame: Size(1920, 1080), causal: false)
      #expect(layout.rowLabels.allSatisfy { $0 != nil }, "\(count) tokens")
      #expect(layout.columnLabels.allSatisfy { $0 != nil }, "\(count) tokens")
    }
  }

  @Test func wideFramesSitSideBySideAndOthersStack() throws {
    #expect(try layout(count: 7, frame: Size(1920, 1080), causal: false).arrangement == .side)
    #expect(try layout(count: 7, frame: Size(1440, 1080), causal: false).arrangement == .side)
    let square = try layout(count: 7, frame: Size(1080, 1080), causal: false)
    let portrait = try layout(count: 7, frame: Size(607.5, 1080), causal: false)
    for stacked in [square, portrait] {
      #expect(stacked.arrangement == .below)
      #expect(stacked.colorbar.orientation == .horizontal)
      #expect(
        stacked.colorbar.bar.minY > stacked.grid.maxY && stacked.panel.caption[0].box.minY > stacked.colorbar.bar.maxY)
      #expect(abs(stacked.colorbar.bar.width - stacked.grid.width) < 1e-9, "the key as wide as the grid")
    }
    // Portrait: the grid takes the frame's width, less its labels.
    #expect(portrait.grid.width > 607.5 * 0.55)
    let wide = try layout(count: 7, frame: Size(1920, 1080), causal: false)
    #expect(abs(wide.colorbar.bar.height - wide.grid.height) < 1e-9, "the colorbar as tall as the grid")
  }

  @Test func captionSitsBesideItsRow() throws {
    let scene = try scene(["The", "cat", "sat", "on", "the", "mat", "."], causal: false)
    let layout = try scene.layout(frame: Size(1920, 1080), measurer: TextMeasurer())
    let rowY = layout.grid.minY + (Double(scene.weights.focusRow.query) + 0.5) * layout.cellSize
    #expect(abs(layout.panel.caption[0].center.y - rowY) < layout.cellSize / 2)
    #expect(layout.leader != nil)
  }

  @Test func tooNarrowAFrameIsAnError() throws {
    // Cells under a unit (a pixel at 1080p) are refused.
    #expect(throws: SceneError.self) { try layout(count: 64, frame: Size(200, 1080), causal: false) }
    #expect(try layout(count: 64, frame: Size(480, 1080), causal: false).cellSize >= HeatmapLayout.minCell)
    let few = try layout(count: 3, frame: Size(608, 1080), causal: false)
    #expect(few.cellSize >= HeatmapLayout.minCell)
  }

  @Test func longTokensAreShortenedOnTheAxes() throws {
    let layout = try layout(count: 16, frame: Size(1920, 1080), causal: false)
    let long = try #require(layout.rowLabels[9]).string
    // Shortened in the middle, so both ends still tell tokens apart.
    #expect(long.contains("…") && long.contains("inter") && long.contains("ion"), "\(long)")
    #expect(long.count < "internationalization".count + 2)
  }

  @Test func valuesPrintedOnlyInBigCells() throws {
    #expect(try layout(count: 8, frame: Size(1920, 1080), causal: false).valueFont != nil)
    #expect(try layout(count: 64, frame: Size(1920, 1080), causal: false).valueFont == nil)
  }

  @Test func gridIsSquareAndCellsAligned() throws {
    let layout = try layout(count: 8, frame: Size(1920, 1080), causal: false)
    #expect(layout.grid.width == layout.grid.height)
    #expect(layout.grid.width == layout.cellSize * 8)
    for (j, label) in layout.columnLabels.enumerated() {
      #expect(abs(try #require(label).center.x - (layout.grid.minX + (Double(j) + 0.5) * layout.cellSize)) < 1e-9)
    }
  }

  @Test func crowdedNamedLabelsAreSpreadApart() {
    var labels: [PlacedText?] = (0..<4).map { index in
      var label = PlacedText("t", font: Font(size: 20), color: .black, measurer: TextMeasurer())
      label.center = Point(0, Double(index) * 10)
      return label
    }
    labels[0] = nil
    HeatmapLayout.spread(&labels, along: \.y, within: -100...100, gap: { _ in 16 })
    let ys = labels.compactMap { $0?.center.y }
    #expect(ys == [4, 20, 36], "three labels 16 apart, centred where they were (around 20)")
  }

  /// Labels crowded at the grid's first rows stay on the grid's side: pushed down, not up
  /// into the column labels.
  @Test func crowdedLabelsStayWithinTheGrid() {
    var labels: [PlacedText?] = (0..<3).map { index in
      var label = PlacedText("t", font: Font(size: 20), color: .black, measurer: TextMeasurer())
      label.center = Point(0, Double(index))
      return label
    }
    HeatmapLayout.spread(&labels, along: \.y, within: 0...100, gap: { _ in 16 })
    #expect(labels.compactMap { $0?.center.y } == [8, 24, 40])
  }

  @Test func shownLabelsKeepTheNamedOnes() {
    let shown = HeatmapLayout.shownLabels(count: 10, stride: 2, forced: [3, 4])
    #expect(shown.isSuperset(of: [3, 4]))
    #expect(!shown.contains(2) && shown.contains(0) && shown.contains(6))
  }

  @Test func bidiControlsInTokensAreDropped() throws {
    let scene = try scene(["x", "\u{2069}\u{2069}\u{202E}", "\u{202E}abc"], causal: false)
    #expect(scene.weights.tokens == ["x", "∅", "abc"])
  }

  @Test func theQueryItselfKeepsItsMarkInTheList() throws {
    let tokens = ["Internationalization", "requires", "understanding", "characterization"]
    let scene = try AttentionHeatmapScene(
      arguments: ["--tokens", tokens.joined(separator: " "), "--causal", "--seed", "5"])
    let layout = try scene.layout(frame: Size(1365, 1024), measurer: TextMeasurer())
    let focus = scene.weights.focusRow
    let itself = layout.panel.entries.first { $0.label.string.hasSuffix(" (itself)") }
    #expect(
      layout.panel.entries.isEmpty || itself != nil || !focus.ranked.prefix(5).contains { $0.index == focus.query })
  }
}
