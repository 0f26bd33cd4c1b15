import Canvas
import Testing

@testable import Scenes

/// Geometry checks: at every token count and frame shape, no two pieces of text overlap,
/// nothing leaves the frame, and text stays at least 14 units (14 px at 1080p) tall.
@Suite struct HeatmapLayoutTests {
  static let frames = [Size(1920, 1080), Size(1440, 1080), Size(1080, 1080)]
  static let counts = [2, 3, 8, 16, 33, 48, 64]

  func tokens(_ count: Int) -> [String] {
    let words = [
      "The", "transformer", "attends", "to", "every", "token", "at", "once", ",",
      "internationalization", "[CLS]", "ĠHello", "▁world", "##ing", "a", "é",
    ]
    return (0..<count).map { words[$0 % words.count] }
  }

  func layout(count: Int, frame: Size, causal: Bool) throws -> HeatmapLayout {
    let scene = try AttentionHeatmapScene(
      arguments: ["--tokens", tokens(count).joined(separator: " ")] + (causal ? ["--causal"] : []))
    return try scene.layout(frame: frame, measurer: TextMeasurer())
  }

  @Test(arguments: counts)
  func noTextOverlapsAndAllFits(_ count: Int) throws {
    for frame in Self.frames {
      for causal in [false, true] {
        let layout = try layout(count: count, frame: frame, causal: causal)
        let bounds = Rect(origin: .zero, size: frame)
        let boxes = layout.allText.map(\.box)
        for (index, text) in layout.allText.enumerated() {
          #expect(bounds.contains(text.box), "'\(text.string)' leaves the \(frame) frame at \(count) tokens")
          #expect(!text.box.intersects(layout.grid), "'\(text.string)' covers the grid")
          #expect(!text.box.intersects(layout.colorbar), "'\(text.string)' covers the colorbar")
          #expect(text.font.size >= 14, "'\(text.string)' is smaller than 14 units")
          for other in boxes[(index + 1)...] where text.box.intersects(other) {
            Issue.record("'\(text.string)' overlaps another label at \(count) tokens in \(frame)")
          }
        }
        #expect(bounds.contains(layout.grid) && bounds.contains(layout.colorbar))
        if let swatch = layout.maskSwatch { #expect(bounds.contains(swatch)) }
        #expect(causal == (layout.maskLegend != nil))
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

  @Test func tooNarrowAFrameIsAnError() throws {
    #expect(throws: SceneError.self) { try layout(count: 64, frame: Size(480, 1080), causal: false) }
    // A few tokens still fit a portrait frame.
    let few = try layout(count: 3, frame: Size(608, 1080), causal: false)
    #expect(few.cellSize >= HeatmapLayout.minCell)
  }

  @Test func longTokensAreShortened() throws {
    let layout = try layout(count: 16, frame: Size(1920, 1080), causal: false)
    let long = layout.rowLabels[9]!.string
    #expect(long.hasSuffix("…"))
    #expect(long.count < "internationalization".count)
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
      #expect(abs(label!.center.x - (layout.grid.minX + (Double(j) + 0.5) * layout.cellSize)) < 1e-9)
    }
  }
}
