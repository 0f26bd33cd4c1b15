import Canvas
import Foundation
import Reel

// Engine benchmark: what evaluating and drawing one frame costs as a scene grows.
// Reproduce with: swift run -c release engine-bench
//
// 1. Evaluation vs finished animations: 10,000 nodes on screen from the start, each moved
//    by its own animation, started 0.01 s apart over 100 s (about 100 running at any
//    moment). `state(at:)` is timed at moments when 0, 2,500, 5,000, 7,500 and 9,900
//    animations have finished — the same nodes on screen each time; the times are
//    interleaved and repeated, and the ratio last/first says how flat it is.
// 2. Translucent nodes: one 1080p frame with 2,000 half-faded squares and 128 half-faded
//    labels, drawn whole (state + drawing).

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ ms: Double) -> String { String(format: "%8.3f ms", ms) }

let frame = Size(1920, 1080)

// 1. Evaluation cost against the number of finished animations.
let count = 10_000
var many = SceneRecorder(frameSize: frame)
let squares = (0..<count).map { index in
  many.add(
    .rectangle(
      width: 10, height: 10,
      at: Point(20 + Double(index % 100) * 18.8, 20 + Double(index / 100) * 10.4),
      fill: Color(rgb: 0x3B7DD8)))
}
// Parts of length L start lag·L apart: L(1 + (n-1)·lag) = 101 with lag 0.01 gives L = 1 s.
many.play(.laggedStart(squares.map { .shift($0, by: Point(4, 2)) }, lagRatio: 0.01), duration: 101, rate: .linear)
let timeline = many.timeline
let moments: [(finished: Int, time: Double)] = [0, 2_500, 5_000, 7_500, 9_900].map { finished in
  (finished, Double(finished) * 0.01 + 0.995)
}
var samples = Array(repeating: [Double](), count: moments.count)
for _ in 0..<15 {
  for (index, moment) in moments.enumerated() {
    samples[index].append(seconds { _ = timeline.state(at: moment.time) } * 1000)
  }
}
print("Reel engine benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("command: swift run -c release engine-bench")
print()
print("evaluate one frame: \(count) nodes, \(count) animations (15 interleaved runs each)")
print("  finished   median        min")
for (index, moment) in moments.enumerated() {
  print(
    String(format: "  %8d", moment.finished) + " " + format(median(samples[index])) + " "
      + format(samples[index].min() ?? 0))
}
let flatness = median(samples[moments.count - 1]) / median(samples[0])
print(String(format: "  ratio, 9,900 finished / 0 finished (medians): %.2f (1.00 = flat)", flatness))

// 2. A frame full of translucent nodes.
let measurer = TextMeasurer()
var translucent = SceneRecorder(frameSize: frame)
let tiles = (0..<2_000).map { index in
  translucent.make(
    .rectangle(
      width: 30, height: 30, cornerRadius: 4,
      at: Point(40 + Double(index % 50) * 37, 60 + Double(index / 50) * 24),
      fill: Color(rgb: 0xE4572E)))
}
let labels = (0..<128).map { index in
  translucent.make(
    .text(
      "label \(index)", font: Font(size: 18), color: .black,
      at: Point(100 + Double(index % 16) * 110, 1000 + Double(index / 16) * 9), measurer: measurer))
}
translucent.play(.fadeIn(tiles + labels), duration: 2, rate: .linear)
let renderer = FrameRenderer(timeline: translucent.timeline, width: 1920, height: 1080)
let surface = try renderer.makeSurface()
var drawTimes: [Double] = []
for _ in 0..<9 {
  drawTimes.append(try seconds { try renderer.render(at: 1, into: surface) } * 1000)
}
print()
print("draw one 1080p frame: 2,000 squares and 128 labels at half opacity (9 runs)")
print("  median " + format(median(drawTimes)) + "   min " + format(drawTimes.min() ?? 0))

// 3. Colour conversion of that frame to yuv420p on one thread, from a surface already in
//    the cache (the same one each time) and from one that is not (eight in turn, 66 MB).
let converter = YUV420Converter(width: 1920, height: 1080)
var converted = [UInt8](repeating: 0, count: converter.frameBytes)
let cold = try (0..<8).map { _ in try renderer.makeSurface() }
for other in cold { try renderer.render(at: 1, into: other) }
var (hotTimes, coldTimes) = ([Double](), [Double]())
for run in 0..<24 {
  hotTimes.append(seconds { converter.convert(surface, into: &converted) } * 1000)
  coldTimes.append(seconds { converter.convert(cold[run % 8], into: &converted) } * 1000)
}
print()
print("convert one 1080p frame to yuv420p, one thread (24 interleaved runs each)")
print("  in cache      median " + format(median(hotTimes)) + "   min " + format(hotTimes.min() ?? 0))
print("  from memory   median " + format(median(coldTimes)) + "   min " + format(coldTimes.min() ?? 0))
