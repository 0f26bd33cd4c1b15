import Canvas
import Foundation
import Reel
import TensorMath

/// Softmax step by step, the function every attention explainer relies on: logits as
/// bars, exponentiated, normalised into probabilities that fill a bar to exactly 1, then a
/// temperature sweep (up to 2, down to 0.25 and back up to 2, against dashed outlines of
/// the first temperature's bars) in which the bars, their values and the "T = …" counter
/// follow T.
///
/// Every number is computed here (`SoftmaxStages`); the bars, values and slider are
/// computed nodes following four trackers — the stage, the temperature, the bars' growth
/// and the stacked bar's fill — so any frame is a pure function of time.
public struct SoftmaxScene: ReelScene {
  public static let name = "softmax"
  public static let summary = "Softmax step by step: logits, exponentials, probabilities that sum to 1, temperature"

  public let stages: SoftmaxStages
  /// The name under each bar.
  public let classNames: [String]

  public init(options: SoftmaxOptions) throws {
    stages = SoftmaxStages(logits: options.logits, temperature: options.temperature)
    classNames =
      options.labels
      ?? options.logits.indices.map {
        "z" + String($0 + 1).map { Self.subscriptDigits[$0] ?? $0 }.map(String.init).joined()
      }
  }

  static let subscriptDigits: [Character: Character] = Dictionary(
    uniqueKeysWithValues: zip("0123456789", "₀₁₂₃₄₅₆₇₈₉"))

  /// The five steps, in words.
  public var stepTexts: [(title: String, detail: String)] {
    let t = String(format: "%.2f", stages.temperature)
    return [
      ("1  Logits", "scores zᵢ: any real numbers"),
      (
        "2  Exponentiate",
        stages.shift == 0
          ? "exp(zᵢ / T) with T = \(t): always > 0" : "exp(zᵢ / T − max), T = \(t): same result, readable"
      ),
      ("3  Normalise", String(format: "divide each by their sum Σ = %.2f", stages.sum)),
      ("4  Probabilities", "pᵢ ≥ 0 and Σ pᵢ = 1"),
      ("5  Temperature", "T < 1 sharpens, T > 1 flattens"),
    ]
  }

  /// What the bars show at each stage.
  public var quantityNames: [String] {
    ["logits zᵢ", stages.shift == 0 ? "exp(zᵢ / T)" : "exp(zᵢ / T − max)", "probabilities pᵢ"]
  }

  /// Every value a bar's label can show, so labels keep one width throughout.
  public var valueRange: ClosedRange<Double> {
    let values = stages.logits + stages.exponentials + [0, 1]
    return (values.min() ?? 0)...(values.max() ?? 1)
  }

  public func layout(frame: Size, theme: Theme = .light, measurer: TextMeasurer) -> SoftmaxLayout {
    SoftmaxLayout(
      frame: frame, stepTexts: stepTexts, quantityNames: quantityNames, classNames: classNames,
      valueRange: valueRange, theme: theme, measurer: measurer)
  }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let theme = scene.theme
    let layout = layout(frame: scene.frameSize, theme: theme, measurer: m)
    let trackers = Trackers(
      stage: scene.tracker(0), temperature: scene.tracker(stages.temperature), grow: scene.tracker(0),
      fill: scene.tracker(0))

    scene.section("title")
    let title = scene.make(layout.title.node(measurer: m))
    let formula = scene.make(layout.formula.node(measurer: m))
    scene.play(.write(title), duration: 1.0, rate: .linear)
    scene.play(.fadeIn(formula, shift: Point(0, 12)), duration: 0.6)
    scene.wait(0.4)

    var steps = StepCaptions(layout: layout, theme: theme, scene: &scene, measurer: m)
    let chart = SoftmaxChartNodes(
      stages: stages, layout: layout, trackers: trackers, theme: theme, scene: &scene, measurer: m)

    scene.section("logits")
    steps.show(0, in: &scene)
    let quantity = scene.make(layout.quantities[0].node(measurer: m))
    let names = layout.classLabels.map { scene.make($0.node(measurer: m)) }
    scene.play(
      .write(quantity), .create(chart.baseline), .laggedStart(names.map { .fadeIn($0, shift: Point(0, 8)) }),
      duration: 1.0)
    for node in chart.bars + chart.plates + chart.values { scene.add(node) }
    scene.play(.setValue(trackers.grow, to: 1), duration: 1.6, rate: .linear)
    scene.wait(1.2)

    scene.section("exponentiate")
    steps.show(1, in: &scene)
    scene.play(
      .transform(quantity, into: scene.make(layout.quantities[1].node(measurer: m))),
      .setValue(trackers.stage, to: 1), duration: 2.0)
    scene.wait(1.2)

    scene.section("normalise")
    steps.show(2, in: &scene)
    scene.play(
      .transform(quantity, into: scene.make(layout.quantities[2].node(measurer: m))),
      .setValue(trackers.stage, to: 2), duration: 2.0)
    let grid = chart.gridNodes(layout: layout, theme: theme, scene: &scene, measurer: m)
    scene.play(.fadeIn(grid), duration: 0.6)
    scene.wait(1.0)

    scene.section("probabilities")
    steps.show(3, in: &scene)
    let stackParts = chart.stackFrame(layout: layout, theme: theme, scene: &scene, measurer: m)
    scene.play(.create(stackParts[0]), .fadeIn(Array(stackParts.dropFirst())), duration: 0.6)
    for node in chart.segments + [chart.sum] { scene.add(node) }
    scene.play(.setValue(trackers.fill, to: 1), duration: 1.6)
    let largest = stages.largest
    scene.play(
      .recolor([chart.bars[largest], chart.segments[largest], chart.values[largest]], fill: theme.accent),
      .indicate(chart.values[largest], color: theme.accent, scale: 1.25), duration: 0.9)
    scene.wait(1.2)

    scene.section("temperature")
    steps.show(4, in: &scene)
    let slider = chart.sliderNodes(layout: layout, theme: theme, scene: &scene, measurer: m)
    let guides = chart.temperatureGuides(layout: layout, theme: theme, scene: &scene, measurer: m)
    scene.play(
      .fadeIn(slider), .laggedStart(guides.map { .create($0) }, lagRatio: 0.2), duration: 1.0)
    scene.wait(0.4)
    scene.play(.setValue(trackers.temperature, to: 2), duration: 1.4)
    scene.wait(0.8)
    scene.play(.setValue(trackers.temperature, to: 0.25), duration: 3.2)
    scene.wait(0.8)
    scene.play(.setValue(trackers.temperature, to: 2), duration: 2.4)
    scene.wait(1.5)
  }
}

/// The numbers the scene's computed nodes follow.
struct Trackers: Sendable {
  /// 0 logits, 1 exponentials, 2 probabilities.
  let stage: ValueTracker
  let temperature: ValueTracker
  /// The bars growing in, 0…1.
  let grow: ValueTracker
  /// The stacked bar filling up, 0…1.
  let fill: ValueTracker
}
