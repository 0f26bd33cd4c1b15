import Canvas
import Testing

@testable import Reel

@Suite struct GroupTests {
  let boxes = [
    Node.rectangle(width: 10, height: 10), .rectangle(width: 20, height: 30),
    .rectangle(width: 40, height: 20),
  ]

  @Test func rowPlacesBoxesSideBySide() {
    let row = Group(boxes).arranged(.row, spacing: 5)
    let frames = row.nodes.map(\.bounds)
    #expect(frames[0].maxX + 5 == frames[1].minX)
    #expect(frames[1].maxX + 5 == frames[2].minX)
    #expect(frames.allSatisfy { $0.center.y == frames[0].center.y })
    #expect(row.bounds.width == 10 + 20 + 40 + 2 * 5)
  }

  @Test func columnAlignsLeftEdges() {
    let column = Group(boxes).arranged(.column, spacing: 2, alignment: .start)
    let frames = column.nodes.map(\.bounds)
    #expect(frames.allSatisfy { $0.minX == frames[0].minX })
    #expect(frames[0].maxY + 2 == frames[1].minY)
    #expect(column.bounds.height == 10 + 30 + 20 + 2 * 2)
  }

  @Test func gridUsesTheLargestCell() {
    let grid = Group(boxes + boxes).arrangedInGrid(columns: 3, spacing: 10)
    let centers = grid.nodes.map(\.bounds.center)
    // Cells are 40×30: column centres 50 apart, row centres 40 apart.
    #expect(centers[1].x - centers[0].x == 50)
    #expect(centers[3].y - centers[0].y == 40)
    #expect(centers[3].x == centers[0].x)
  }

  @Test func movesAsOne() {
    let group = Group(boxes).arranged(.row).centered(at: Point(500, 300))
    #expect(group.bounds.center == Point(500, 300))
    let beside = group.next(to: Rect(x: 0, y: 0, width: 100, height: 100), .down, spacing: 8)
    #expect(beside.bounds.minY == 108)
    #expect(beside.bounds.center.x == 50)
    #expect(Group([]).bounds == .zero)
  }
}
