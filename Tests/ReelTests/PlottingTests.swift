import Canvas
import Foundation
import Testing

@testable import Reel

/// Axes, ticks, curves and the nodes that ride them.
@Suite struct PlottingTests {
  /// Round ticks for ranges of every kind: 1-2-5 steps, inside the range, never −0.
  @Test(
    arguments: [
      (0.0...1.0, [0, 0.2, 0.4, 0.6, 0.8, 1]),
      (0.0...10.0, [0, 2, 4, 6, 8, 10]),
      (0.0...49.0, [0, 10, 20, 30, 40]),
      (-1.2...1.2, [-1, -0.5, 0, 0.5, 1]),
      (-3.0...7.0, [-2, 0, 2, 4, 6]),
      (0.0...0.003, [0, 0.001, 0.002, 0.003]),
      (-0.0004...0.0001, [-0.0004, -0.0003, -0.0002, -0.0001, 0, 0.0001]),
      (1e6...5e6, [1e6, 2e6, 3e6, 4e6, 5e6]),
      (-100.0...(-20.0), [-100, -80, -60, -40, -20]),
      (0.5...0.55, [0.5, 0.51, 0.52, 0.53, 0.54, 0.55]),
      (14.3...32.0, [15, 20, 25, 30]),
      (0.0...64.0, [0, 20, 40, 60]),
    ] as [(ClosedRange<Double>, [Double])])
  func ticksAreRound(_ range: ClosedRange<Double>, _ expected: [Double]) {
    let ticks = NiceTicks.ticks(in: range, maxCount: 6)
    #expect(ticks == expected, "\(range)")
    #expect(ticks.allSatisfy { range.contains($0) })
    let step = NiceTicks.step(for: range, maxCount: 6)
    let mantissa = step / pow(10, floor(log10(step)))
    #expect([1, 2, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
  }

  @Test func tickLabelsUseTheStepsDecimalsAndATrueMinus() {
    #expect(NiceTicks.label(-0.5, step: 0.5) == "\u{2212}0.5")
    #expect(NiceTicks.label(20, step: 10) == "20")
    #expect(NiceTicks.label(0.0015, step: 0.0005) == "0.0015")
    #expect(NiceTicks.label(-0.0, step: 1) == "0")
  }

  /// Data to frame and back lands where it started, on both orientations of y.
  @Test func axesMapDataToTheFrameAndBack() {
    for yDown in [false, true] {
      var axes = Axes(x: -3...7, y: -1.2...1.2, plot: Rect(x: 100, y: 50, width: 800, height: 400))
      axes.yDown = yDown
      for (x, y) in [(-3.0, -1.2), (7, 1.2), (0, 0), (2.5, -0.7), (6.9, 1.1)] {
        let point = axes.point(x: x, y: y)
        let back = axes.value(at: point)
        #expect(abs(back.x - x) < 1e-9 && abs(back.y - y) < 1e-9)
      }
      let corner = axes.point(x: -3, y: -1.2)
      #expect(corner.x == 100 && corner.y == (yDown ? 50 : 450))
    }
  }

  /// The polyline of a curve strays from the curve by less than a quarter pixel at 4K,
  /// checked at 40 points inside every segment.
  @Test(arguments: [0, 1, 2])
  func curvesAreSampledToAQuarterPixelAt4K(_ which: Int) {
    let functions: [@Sendable (Double) -> Double] = [
      { sin($0) }, { cos($0 / pow(10_000, 8.0 / 64)) }, { sin(5 * $0) * exp(-$0 / 20) },
    ]
    let f = functions[which]
    let axes = Axes(x: 0...49, y: -1.2...1.2, plot: Rect(x: 64, y: 40, width: 1700, height: 800))
    let graph = FunctionGraph(axes: axes, f)
    #expect(graph.runs.count == 1)
    let points = graph.runs[0]
    var worst = 0.0
    for (a, b) in zip(points, points.dropFirst()) {
      let (x0, x1) = (axes.value(at: a).x, axes.value(at: b).x)
      for k in 1..<40 {
        let x = x0 + (x1 - x0) * Double(k) / 40
        let p = axes.point(x: x, y: f(x))
        // Distance from the curve's point to the segment.
        let d = b - a
        let t = max(0, min(1, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / (d.x * d.x + d.y * d.y)))
        worst = max(worst, p.distance(to: Point(a.x + d.x * t, a.y + d.y * t)))
      }
    }
    #expect(worst < FunctionGraph.quarterPixelAt4K, "worst \(worst)")
    #expect(points.count < 4000, "\(points.count) points")
  }

  /// A curve leaving the y range is cut at its edge: every point inside the plot.
  @Test func curvesAreClippedToThePlot() {
    let axes = Axes(x: 0...10, y: -1...1, plot: Rect(x: 0, y: 0, width: 1000, height: 200))
    let graph = FunctionGraph(axes: axes) { 2 * sin($0) }
    #expect(graph.runs.count > 1)
    for point in graph.runs.flatMap({ $0 }) {
      #expect(point.y >= -1e-9 && point.y <= 200 + 1e-9)
    }
  }

  /// A rider sits on the curve at the tracker's x at every moment, and a readout shows
  /// f(x) there.
  @Test func ridersFollowTheirTracker() {
    let measurer = TextMeasurer()
    var scene = SceneRecorder(frameSize: Size(1920, 1080))
    let axes = Axes(x: 0...49, y: -1.2...1.2, plot: Rect(x: 64, y: 40, width: 1700, height: 800))
    let tracker = scene.tracker(0)
    let dot = scene.rider(on: axes, following: tracker, color: .black) { sin($0) }
    let label = scene.readout(
      on: axes, following: tracker, range: -1...1, font: Font(size: 22), color: .black, measurer: measurer
    ) { sin($0) }
    let line = scene.sweepLine(on: axes, following: tracker, color: .black)
    scene.play(.fadeIn(dot), .fadeIn(label), .fadeIn(line), duration: 0.1)
    scene.play(.setValue(tracker, to: 30), duration: 3, rate: .linear)
    let timeline = scene.timeline
    for t in [0.5, 1.6, 3.1] {
      let x = 30 * (t - 0.1) / 3
      let at = timeline.state(at: t)
      let riding = at.first { $0.id?.rawValue == dot.id?.rawValue }
      #expect(riding.map { $0.position.distance(to: axes.point(x: x, y: sin(x))) < 1e-6 } == true)
      let reading = at.first { $0.id?.rawValue == label.id?.rawValue }
      guard case .counter(let counter)? = reading?.content else {
        Issue.record("no readout")
        continue
      }
      #expect(abs(counter.value - sin(x)) < 1e-9)
      #expect(
        at.first { $0.id?.rawValue == line.id?.rawValue }.map { abs($0.position.x - axes.point(x: x, y: 0).x) < 1e-6 }
          == true)
    }
  }

  /// Bars stand on the zero line, as tall as their values, negative ones hanging below.
  @Test func barChartGeometry() {
    let chart = BarChart(
      values: [0.5, -0.25, 1], names: ["a", "b", "c"], plot: Rect(x: 0, y: 0, width: 300, height: 300), range: -0.5...1)
    // −0.5…1 over 300 units: 0 is a third of the way up.
    #expect(abs(chart.zero - 200) < 1e-9)
    #expect(abs(chart.bar(0).height - 100) < 1e-9 && abs(chart.bar(0).maxY - 200) < 1e-9)
    #expect(abs(chart.bar(1).minY - 200) < 1e-9 && abs(chart.bar(1).height - 50) < 1e-9)
    #expect(chart.format(-0.25) == "\u{2212}0.25")
    #expect(chart.center(1) == 150)
  }
}
