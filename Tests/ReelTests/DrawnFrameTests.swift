import Canvas
import Testing

@testable import Reel

/// What a frame drawn over the last one redraws: boxes of changed pixels, and of a
/// heatmap only the cells there.
@Suite struct DrawnFrameTests {
  /// A 4 × 4 heatmap of 50-unit cells centred in a 400 × 300 frame (grid from (100, 50) to
  /// (300, 250)), created over 1 s, then faded to half while an outline is drawn around its
  /// second row; a label far to the right fades in meanwhile.
  func timeline() -> Timeline {
    var scene = SceneRecorder(frameSize: Size(400, 300))
    let values: [[Double?]] = (0..<4).map { row in
      (0..<4).map { column in column > row ? nil : Double(row + column) / 6 }
    }
    let heatmap = scene.make(
      Node(
        .heatmap(
          HeatmapContent(
            values: values, colormap: .viridis, range: 0...1, cellSize: Size(50, 50), valueFont: Font(size: 12))),
        at: Point(200, 150)))
    let label = scene.make(
      .text("label", font: Font(size: 14), color: .black, at: Point(360, 40), measurer: TextMeasurer()))
    scene.play(.create(heatmap).rate(.linear), .fadeIn(label), duration: 1)
    let outline = scene.make(.rectangle(width: 204, height: 54, at: Point(200, 125), stroke: Color(rgb: 0xFF8000)))
    scene.play(.create(outline), .fade([heatmap], to: 0.5), duration: 1)
    return scene.timeline
  }

  func drawn(at time: Double, of timeline: Timeline) -> (DrawnFrame, [Node]) {
    let nodes = timeline.state(at: time)
    return (DrawnFrame(nodes: nodes, transform: .identity, size: Size(400, 300)), nodes)
  }

  @Test func aHeatmapBeingCreatedChangesOnlyTheRowsFillingIn() throws {
    let timeline = timeline()
    // At 0.30 s rows 0 (fully) and 1 (a fifth) are shown; at 0.40 s row 1 is three fifths in.
    let (before, _) = drawn(at: 0.30, of: timeline)
    let (now, _) = drawn(at: 0.40, of: timeline)
    let changed = now.changedPixels(since: before)
    let heatmapBoxes = changed.filter { $0.maxX < 340 }
    #expect(heatmapBoxes.count == 1)
    let rows = try #require(heatmapBoxes.first)
    // Row 1 spans y 100–150; its cells' boxes reach a few units past it, not to row 0's middle.
    #expect(rows.minY > 75 && rows.minY <= 100 - 12, "\(rows)")
    #expect(rows.maxY < 175 && rows.maxY >= 150 + 12, "\(rows)")
    #expect(rows.minX <= 100 && rows.maxX >= 300)
    // The label far away is its own box, not merged into one holding both.
    #expect(changed.count == 2)
  }

  @Test func framesThatAreTheSameChangeNothing() {
    let timeline = timeline()
    let (before, _) = drawn(at: 1.5, of: timeline)
    let (now, _) = drawn(at: 1.5, of: timeline)
    #expect(now.changedPixels(since: before).isEmpty)
  }

  @Test func onlyTheCellsMeetingARegionAreRedrawn() throws {
    let timeline = timeline()
    let (frame, nodes) = drawn(at: 2, of: timeline)
    let heatmap = try #require(nodes.first { if case .heatmap = $0.content { true } else { false } })
    // A region inside cell (2, 3) (x 250–300, y 150–200), away from its neighbours' reach.
    let (parts, pixels) = frame.parts(of: heatmap, meeting: Rect(x: 270, y: 170, width: 10, height: 10))
    #expect(parts == .cells([2 * 4 + 3]))
    let box = try #require(pixels)
    #expect(box.contains(Rect(x: 250, y: 150, width: 50, height: 50)))
    #expect(box.width < 100 && box.height < 100)
    // Any other node is drawn whole.
    let other = try #require(nodes.first { if case .text = $0.content { true } else { false } })
    #expect(frame.parts(of: other, meeting: Rect(x: 350, y: 30, width: 5, height: 5)).parts == .all)
  }

  /// Every frame at 60 fps drawn over the last is the frame drawn afresh, byte for byte:
  /// rows filling in, masked cells, cells under an outline redrawn inside a layer.
  @Test func heatmapCellsRedrawnAloneGiveTheFrameDrawnAfresh() throws {
    let timeline = timeline()
    let renderer = FrameRenderer(timeline: timeline, width: 400, height: 300)
    let lane = try renderer.makeSurface()
    var shown: DrawnFrame?
    for frame in 0...120 {
      let time = Double(frame) / 60
      shown = try renderer.render(at: time, into: lane, over: shown)
      let fresh = try renderer.render(at: time)
      let same = lane.withUnsafePixels { a in fresh.withUnsafePixels { b in a.elementsEqual(b) } }
      #expect(same, "frame \(frame)")
      if !same { break }
    }
  }
}
