import Canvas
import Foundation
import MathType

// Formula benchmark: how long typesetting takes once the math font is loaded.
// Reproduce with: swift run -c release math-bench
//
// Issue 16's limit: a typical formula laid out in under 2 ms. Timed: parsing plus layout
// (`Formula(latex:)`) of the attention formula, and of every formula of the 44-formula set
// in turn; then the same plus the outlines as paths at 40 px per em (what drawing needs),
// whose glyph outlines are cached after the first use. Each is repeated 200 times,
// interleaved; median and minimum are printed with the ratio to the limit.

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../Tests/MathTypeTests/Fixtures/attention-formulas.txt").standardized
let set = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
  guard !line.hasPrefix("#"), let bar = line.firstIndex(of: "|") else { return nil }
  return line[line.index(after: bar)...].trimmingCharacters(in: .whitespaces)
}
let attention = "\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V"

let loadStart = DispatchTime.now().uptimeNanoseconds
let font = try MathFont()
let load = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6
// Warm the caches once (outlines, script forms), as any real use does after the first formula.
for latex in set { _ = try Formula(latex, font: font).pieces(size: 40) }

var layoutAttention: [Double] = []
var layoutSet: [Double] = []
var drawAttention: [Double] = []
for _ in 0..<200 {
  layoutAttention.append(try milliseconds { _ = try Formula(attention, font: font) })
  layoutSet.append(try milliseconds { for latex in set { _ = try Formula(latex, font: font) } } / Double(set.count))
  drawAttention.append(try milliseconds { _ = try Formula(attention, font: font).pieces(size: 40) })
}

let limit = 2.0
print("Reel formula benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("command: swift run -c release math-bench")
print(String(format: "loading Latin Modern Math (once)               %7.3f ms", load))
for (name, values) in [
  ("attention formula: parse + layout", layoutAttention),
  ("44-formula set, per formula: parse + layout", layoutSet),
  ("attention formula: parse + layout + paths", drawAttention),
] {
  let m = median(values)
  print(
    String(
      format: "%@ median %7.3f ms  min %7.3f ms  limit %.0f ms  ratio %.3f",
      name.padding(toLength: 46, withPad: " ", startingAt: 0), m,
      values.min() ?? 0, limit, m / limit))
}
