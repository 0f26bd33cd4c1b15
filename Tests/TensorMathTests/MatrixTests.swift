import Testing

@testable import TensorMath

@Suite struct MatrixTests {
  @Test func multipliesByHand() {
    let a = Matrix([[1, 2], [3, 4]])
    let b = Matrix([[5, 6], [7, 8]])
    #expect(a * b == Matrix([[19, 22], [43, 50]]))
  }

  @Test func multipliesNonSquare() {
    let a = Matrix([[1, 0, 2]])  // 1×3
    let b = Matrix([[1], [2], [3]])  // 3×1
    #expect(a * b == Matrix([[7]]))
    #expect((b * a).rows == 3 && (b * a).columns == 3)
    #expect((b * a)[2, 2] == 6)
  }

  @Test func transposes() {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(a.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
    #expect(a.transposed.transposed == a)
  }

  @Test func scalesAndAdds() {
    let a = Matrix([[1, -2]])
    #expect(a * 3 == Matrix([[3, -6]]))
    #expect(a + a == Matrix([[2, -4]]))
  }

  @Test func emptyMatrixHasNoRows() {
    let empty = Matrix([])
    #expect(empty.rows == 0 && empty.columns == 0)
    #expect(empty.softmaxRows() == empty)
  }
}
