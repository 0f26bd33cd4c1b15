import Canvas
import MathType
import Testing

@testable import Reel

/// The matrix node: entries formatted alike and aligned on their decimal points, brackets
/// that enclose the entries, labels level with their rows and columns.
@Suite struct MatrixNodeTests {
  static let font = try! MathFont()
  let style = MatrixStyle(font: Font(size: 32), color: .black, labelColor: Color(rgb: 0x555555))

  @Test func entriesAreFormattedWithATrueMinus() {
    #expect(style.format(-0.125) == "\u{2212}0.13" || style.format(-0.125) == "\u{2212}0.12")
    #expect(style.format(3) == "3.00" && style.format(-0.001) == "0.00" && style.format(12.5) == "12.50")
  }

  @Test func decimalPointsAlignAndBracketsEnclose() throws {
    // A measurer belongs to the thread that made it: one per test, made where it runs.
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(1280, 720))
    let values: [[Double]] = [[1.5, -0.25, 12], [-10.75, 0.5, 3]]
    let matrix = try scene.matrix(
      values, center: Point(640, 360), style: style, rowLabels: ["The", "cat"], columnLabels: ["d₁", "d₂", "d₃"],
      mathFont: Self.font, measurer: measurer)
    #expect(abs(matrix.bounds.center.x - 640) < 1e-9 && abs(matrix.bounds.center.y - 360) < 1e-9)
    for column in 0..<3 {
      // The decimal point sits at one x in every row: the end of the part before it.
      let points = matrix.column(column).map { node -> Double in
        guard case .text(let text) = node.content else { return .nan }
        let whole = String(text.string.prefix { $0 != "." })
        return node.bounds.minX + measurer.measure(whole, font: style.font).width
      }
      #expect(abs(points[0] - points[1]) < 0.01, "column \(column): \(points)")
    }
    let entriesBox = matrix.entries.flatMap { $0 }.map(\.bounds).reduce(matrix.entries[0][0].bounds) { $0.union($1) }
    let (left, right) = (matrix.brackets[0].bounds, matrix.brackets[1].bounds)
    #expect(left.maxX < entriesBox.minX && right.minX > entriesBox.maxX)
    #expect(left.minY <= entriesBox.minY && left.maxY >= entriesBox.maxY)
    #expect(right.minY <= entriesBox.minY && right.maxY >= entriesBox.maxY)
    for (row, label) in matrix.rowLabels.enumerated() {
      #expect(abs(label.bounds.center.y - matrix.rowBoxes[row].center.y) < 1e-9 && label.bounds.maxX < left.minX)
    }
    for (column, label) in matrix.columnLabels.enumerated() {
      #expect(abs(label.bounds.center.x - matrix.columnBoxes[column].center.x) < 1e-9 && label.bounds.maxY < left.minY)
    }
    let all = matrix.entries.flatMap { $0 } + matrix.rowLabels + matrix.columnLabels
    for (index, node) in all.enumerated() {
      for other in all[(index + 1)...] { #expect(!node.bounds.insetBy(dx: 0.01, dy: 0.01).intersects(other.bounds)) }
    }
  }

  @Test func badShapesAreErrors() {
    // A measurer belongs to the thread that made it: one per test, made where it runs.
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(1280, 720))
    #expect(throws: RecordingError.self) {
      try scene.matrix([[1, 2], [3]], center: .zero, style: style, mathFont: Self.font, measurer: measurer)
    }
    #expect(throws: RecordingError.self) {
      try scene.matrix(
        [[1, 2]], center: .zero, style: style, rowLabels: ["a", "b"], mathFont: Self.font, measurer: measurer)
    }
  }

  /// Heatmap mode: each cell in its value's colour behind its entry, the digits in whichever
  /// of black and white reads better on it.
  @Test func heatmapCellsAreColouredByValue() throws {
    // A measurer belongs to the thread that made it: one per test, made where it runs.
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(1280, 720))
    var heat = style
    heat.cells = MatrixCells(colormap: .viridis, range: 0...1)
    let values: [[Double]] = [[0, 0.5], [1, 2]]
    let matrix = try scene.matrix(values, center: Point(640, 360), style: heat, mathFont: Self.font, measurer: measurer)
    #expect(matrix.cells.count == 2 && matrix.cells.allSatisfy { $0.count == 2 })
    for row in 0..<2 {
      for column in 0..<2 {
        let cell = matrix.cells[row][column]
        let entry = matrix.entries[row][column]
        let expected = Colormap.viridis.color(at: min(values[row][column], 1))
        #expect(cell.fill?.baseColor == expected)
        #expect(cell.bounds.contains(entry.bounds))
        #expect(entry.fill?.baseColor == MatrixCells.ink(on: expected))
      }
    }
    // Dark violet at 0 takes white digits, yellow at 1 black ones.
    #expect(matrix.entries[0][0].fill?.baseColor == .white && matrix.entries[1][0].fill?.baseColor == .black)
    // The brackets clear the cells and are as tall as they are.
    let cellsBox = matrix.cells.flatMap { $0 }.map(\.bounds).reduce(matrix.cells[0][0].bounds) { $0.union($1) }
    #expect(matrix.brackets[0].bounds.maxX < cellsBox.minX && matrix.brackets[1].bounds.minX > cellsBox.maxX)
    #expect(matrix.brackets[0].bounds.minY <= cellsBox.minY && matrix.brackets[0].bounds.maxY >= cellsBox.maxY)
    // Neighbouring cells do not touch.
    #expect(!matrix.cells[0][0].bounds.intersects(matrix.cells[0][1].bounds))
    #expect(!matrix.cells[0][0].bounds.intersects(matrix.cells[1][0].bounds))
    // Cells come before entries in the group, so the digits are drawn on top.
    #expect((matrix.cells[0][0].id?.rawValue ?? 0) < (matrix.entries[0][0].id?.rawValue ?? 0))
  }

  /// New values: the same nodes end showing the new numbers, aligned anew, in the new
  /// cell colours; another shape is an error.
  @Test func entriesChangeToNewValues() throws {
    // A measurer belongs to the thread that made it: one per test, made where it runs.
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(1280, 720))
    var heat = style
    heat.cells = MatrixCells(colormap: .viridis, range: 0...1)
    let matrix = try scene.matrix(
      [[0.1, 0.2], [0.3, 0.4]], center: Point(640, 360), style: heat, mathFont: Self.font, measurer: measurer)
    scene.play(.fadeIn(matrix.group))
    let changes = try matrix.changing(
      to: [[0.9, -12.5], [0.3, 1]], style: heat, mathFont: Self.font, measurer: measurer)
    scene.play(changes, duration: 1)
    let timeline = scene.timeline
    let shown = matrix.entries.flatMap { $0 }.compactMap { node -> String? in
      guard case .text(let text)? = timeline.state(of: node, at: 2)?.content else { return nil }
      return text.string
    }
    #expect(shown == ["0.90", "\u{2212}12.50", "0.30", "1.00"])
    let cell = try #require(timeline.state(of: matrix.cells[0][0], at: 2))
    #expect(cell.fill?.baseColor == Colormap.viridis.color(at: 0.9))
    // Column 1 grew wider: its decimal points still line up.
    let column = matrix.column(1).compactMap { timeline.state(of: $0, at: 2) }
    let points = column.map { node -> Double in
      guard case .text(let text) = node.content else { return .nan }
      return node.bounds.minX + measurer.measure(String(text.string.prefix { $0 != "." }), font: heat.font).width
    }
    #expect(abs(points[0] - points[1]) < 0.01, "\(points)")
    #expect(throws: RecordingError.self) {
      try matrix.changing(to: [[1, 2, 3]], style: heat, mathFont: Self.font, measurer: measurer)
    }
  }

  /// Elision: a matrix with more rows and columns than fit shows the first ones, a row of
  /// ⋮, a column of ⋯, ⋱ where they cross, and the last row and column; labels follow.
  @Test func largeMatricesAreElided() throws {
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(1920, 1080))
    var elided = style
    elided.maxRows = 5
    elided.maxColumns = 4
    let values = (0..<8).map { row in (0..<64).map { Double(row * 64 + $0) / 100 } }
    let matrix = try scene.matrix(
      values, center: Point(960, 540), style: elided, rowLabels: (1...8).map { "t\($0)" },
      columnLabels: (1...64).map { "d\($0)" }, mathFont: Self.font, measurer: measurer)
    #expect(matrix.shownRows == [0, 1, 2, nil, 7] && matrix.shownColumns == [0, 1, nil, 63])
    func text(_ node: Node?) -> String? {
      guard case .text(let text)? = node?.content else { return nil }
      return text.string
    }
    #expect(
      matrix.entries.map { $0.map { text($0) ?? "" } }[2...3] == [
        ["1.28", "1.29", "⋯", "1.91"], ["⋮", "⋮", "⋱", "⋮"],
      ])
    #expect(text(matrix.entry(row: 7, column: 63)) == "5.11" && matrix.entry(row: 4, column: 0) == nil)
    #expect(matrix.rowLabels.map { text($0) ?? "" } == ["t1", "t2", "t3", "⋮", "t8"])
    #expect(matrix.columnLabels.map { text($0) ?? "" } == ["d1", "d2", "⋯", "d64"])
    // The dots sit in the middle of their column and row.
    let dots = matrix.entries[0][2]
    #expect(abs(dots.bounds.center.x - matrix.columnBoxes[2].center.x) < 1e-9)
    #expect(abs(matrix.entries[3][0].bounds.center.y - matrix.rowBoxes[3].center.y) < 1e-9)
    // Masked scores read −∞.
    #expect(style.format(-.infinity) == "\u{2212}∞")
  }
}
