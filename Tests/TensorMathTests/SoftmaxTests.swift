import Testing

@testable import TensorMath

@Suite struct SoftmaxTests {
  @Test func matchesHandComputedValues() {
    // exp(0), exp(1), exp(2) over their sum 1 + e + e² = 11.1073.
    let row = Matrix([[1, 2, 3]]).softmaxRows().row(0)
    #expect(abs(row[0] - 0.090_030_57) < 1e-6)
    #expect(abs(row[1] - 0.244_728_47) < 1e-6)
    #expect(abs(row[2] - 0.665_240_96) < 1e-6)
  }

  @Test func everyRowSumsToOne() {
    var generator = SeededGenerator(seed: 3)
    let logits = generator.normalMatrix(rows: 9, columns: 13, scale: 4)
    let weights = logits.softmaxRows()
    for i in 0..<weights.rows {
      #expect(abs(weights.row(i).reduce(0, +) - 1) < 1e-5)
      #expect(weights.row(i).allSatisfy { $0 >= 0 && $0 <= 1 })
    }
  }

  @Test func largeLogitsDoNotOverflow() {
    let row = Matrix([[1000, 1001]]).softmaxRows().row(0)
    #expect(abs(row[0] - 0.268_941_42) < 1e-6)
    #expect(abs(row[1] - 0.731_058_58) < 1e-6)
  }

  @Test func minusInfinityGetsExactlyZero() {
    let row = Matrix([[0, -.infinity, 0]]).softmaxRows().row(0)
    #expect(row == [0.5, 0, 0.5])
  }

  @Test func fullyMaskedRowIsZerosNotNaN() {
    let row = Matrix([[-.infinity, -.infinity]]).softmaxRows().row(0)
    #expect(row == [0, 0])
  }

  @Test func shiftInvariant() {
    let a = Matrix([[0.5, -1, 2]]).softmaxRows()
    let b = Matrix([[10.5, 9, 12]]).softmaxRows()
    for j in 0..<3 { #expect(abs(a[0, j] - b[0, j]) < 1e-6) }
  }
}

@Suite struct SoftmaxBadInputTests {
  @Test func nanIsNotMistakenForAMaskedRow() {
    let row = Matrix([[1, .nan]]).softmaxRows().row(0)
    #expect(row.contains { $0.isNaN })
  }
}
