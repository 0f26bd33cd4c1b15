import ArgumentParser
import Canvas
import Reel
import TensorMath

/// Three bars that follow a temperature: the README's example of a scene.
struct TemperatureBarsScene: ReelScene {
  static let name = "temperature-bars"
  static let summary = "Softmax bars that follow a temperature"

  struct Options: ParsableArguments {
    @Option(parsing: .unconditional, help: "Comma-separated logits (default 2,1,0.1).", transform: numbers)
    var logits: [Double] = [2, 1, 0.1]

    static func numbers(_ text: String) throws -> [Double] {
      try text.split(separator: ",").map { part in
        guard let value = Double(part) else { throw ValidationError("'\(part)' is not a number") }
        return value
      }
    }
  }

  let logits: [Double]

  init(options: Options) throws {
    guard options.logits.count >= 2 else { throw SceneError("--logits needs at least two numbers") }
    logits = options.logits
  }

  func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let theme = scene.theme
    let middle = scene.frameSize.width / 2  // the frame is 1080 units high, as wide as the output
    scene.section("title")
    let title = scene.make(
      .text(
        "softmax(z / T)", font: Font(size: 56, weight: .semibold), color: theme.ink,
        at: Point(middle, 150), measurer: m))
    scene.play(.write(title), duration: 1)

    scene.section("bars")
    let temperature = scene.tracker(1)
    let logits = self.logits
    let bars = logits.indices.map { index in
      let x = middle + (Double(index) - Double(logits.count - 1) / 2) * 180
      return scene.make(.rectangle(width: 120, height: 0, at: Point(x, 800), fill: theme.primary)) { node, now in
        let p = Softmax.probabilities(logits, temperature: now.value(temperature))[index]
        var bar = node
        bar.content = .shape(.rectangle(Rect(x: -60, y: -250 * p, width: 120, height: 500 * p)))
        bar.position.y = 800 - 250 * p
        return bar
      }
    }
    let readout = scene.make(
      .counter(
        1, prefix: "T = ", reserving: 0...4, font: Font(size: 40), color: theme.ink,
        at: Point(middle, 880), measurer: m)
    ) { node, now in node.counting(now.value(temperature)) }
    let chart = try scene.group(bars + [readout])
    scene.play(.fadeIn(chart), duration: 1)
    scene.play(.setValue(temperature, to: 4), duration: 2)
    scene.play(.setValue(temperature, to: 0.25), duration: 2)

    scene.section("aside")
    scene.play(.scale(chart, to: 0.6), .shift(chart, by: Point(-500, 0)), duration: 1)
    scene.wait(1)
  }
}
