/// TeX's classes of math atoms; the class of two neighbours decides the space between them.
public enum MathClass: Int, Sendable, CaseIterable {
  case ord, op, bin, rel, open, close, punct, inner

  /// Space between a `left` and a `right` atom in mu (1/18 em), and whether it is left out
  /// in script styles: TeX's table (The TeXbook, chapter 18; `../shared/MATH-LAYOUT.md` §4.2).
  static func space(between left: MathClass, and right: MathClass) -> (mu: Double, scriptsToo: Bool) {
    // 0 none, 1 thin (3 mu), 2 medium (4 mu), 3 thick (5 mu); negative: not in scripts.
    let table: [[Int]] = [
      [0, 1, -2, -3, 0, 0, 0, -1],
      [1, 1, 0, -3, 0, 0, 0, -1],
      [-2, -2, 0, 0, -2, 0, 0, -2],
      [-3, -3, 0, 0, -3, 0, 0, -3],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 1, -2, -3, 0, 0, 0, -1],
      [-1, -1, 0, -1, -1, -1, -1, -1],
      [-1, 1, -2, -3, -1, 0, -1, -1],
    ]
    let code = table[left.rawValue][right.rawValue]
    let mu: [Double] = [0, 3, 4, 5]
    return (mu[abs(code)], code > 0)
  }
}
