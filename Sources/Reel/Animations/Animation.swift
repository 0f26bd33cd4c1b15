import Canvas

/// A description of motion, handed to `SceneRecorder.play`. Animations are values: they
/// say what changes and how; the timeline decides when.
///
/// ```swift
/// scene.play(.write(title), .fadeIn(subtitle, shift: Point(0, 20)), duration: 1.5)
/// scene.play(.laggedStart(labels.map { .fadeIn($0) }, lagRatio: 0.1))
/// ```
public indirect enum Animation: Sendable, Hashable {
  /// One effect applied to some nodes, with an optional rate function of its own.
  case effect(Effect, targets: [Node], rate: RateFunction?)
  /// All at once, each over the whole duration.
  case together([Animation])
  /// Each starts `lagRatio` of a part's length after the previous one.
  case lagged([Animation], lagRatio: Double)
  /// One after another, in equal shares of the duration.
  case succession([Animation])

  public static func fadeIn(_ nodes: Node..., shift: Point = .zero) -> Animation {
    .effect(.fadeIn(shift: shift), targets: nodes, rate: nil)
  }
  public static func fadeIn(_ nodes: [Node], shift: Point = .zero) -> Animation {
    .effect(.fadeIn(shift: shift), targets: nodes, rate: nil)
  }
  public static func fadeOut(_ nodes: Node..., shift: Point = .zero) -> Animation {
    .effect(.fadeOut(shift: shift), targets: nodes, rate: nil)
  }
  public static func create(_ nodes: Node...) -> Animation { .effect(.create, targets: nodes, rate: nil) }
  public static func create(_ nodes: [Node]) -> Animation { .effect(.create, targets: nodes, rate: nil) }
  public static func write(_ nodes: Node...) -> Animation { .effect(.write, targets: nodes, rate: nil) }
  public static func transform(_ node: Node, into target: Node) -> Animation {
    .effect(.transform(into: target), targets: [node], rate: nil)
  }
  public static func move(_ nodes: Node..., to point: Point) -> Animation {
    .effect(.move(to: point), targets: nodes, rate: nil)
  }
  public static func shift(_ nodes: Node..., by offset: Point) -> Animation {
    .effect(.shift(by: offset), targets: nodes, rate: nil)
  }
  public static func move(_ nodes: [Node], to point: Point) -> Animation {
    .effect(.move(to: point), targets: nodes, rate: nil)
  }
  public static func shift(_ nodes: [Node], by offset: Point) -> Animation {
    .effect(.shift(by: offset), targets: nodes, rate: nil)
  }
  public static func fadeOut(_ nodes: [Node], shift: Point = .zero) -> Animation {
    .effect(.fadeOut(shift: shift), targets: nodes, rate: nil)
  }
  public static func write(_ nodes: [Node]) -> Animation { .effect(.write, targets: nodes, rate: nil) }
  public static func scale(_ nodes: Node..., to factor: Double) -> Animation {
    .effect(.scale(to: factor), targets: nodes, rate: nil)
  }
  public static func rotate(_ nodes: Node..., by angle: Double) -> Animation {
    .effect(.rotate(by: angle), targets: nodes, rate: nil)
  }
  public static func recolor(_ nodes: [Node], fill: Color? = nil, stroke: Color? = nil) -> Animation {
    .effect(.recolor(fill: fill, stroke: stroke), targets: nodes, rate: nil)
  }
  public static func fade(_ nodes: [Node], to opacity: Double) -> Animation {
    .effect(.fade(to: opacity), targets: nodes, rate: nil)
  }
  /// Animates a tracker's number to `value` (Manim's `tracker.animate.set_value`).
  public static func setValue(_ tracker: ValueTracker, to value: Double) -> Animation {
    .effect(.setValue(value), targets: [tracker.node], rate: nil)
  }
  /// A brief highlight pulse (Manim's `Indicate`); pass the theme's `highlight` colour.
  public static func indicate(_ nodes: Node..., color: Color = Color(rgb: 0xF2B134), scale: Double = 1.15) -> Animation
  {
    .effect(.indicate(color: color, scale: scale), targets: nodes, rate: .thereAndBack)
  }
  public static func laggedStart(_ parts: [Animation], lagRatio: Double = 0.05) -> Animation {
    .lagged(parts, lagRatio: lagRatio)
  }

  /// The same animation with its own rate function.
  public func rate(_ function: RateFunction) -> Animation {
    switch self {
    case .effect(let effect, let targets, _): return .effect(effect, targets: targets, rate: function)
    case .together(let parts): return .together(parts.map { $0.rate(function) })
    case .lagged(let parts, let lag): return .lagged(parts.map { $0.rate(function) }, lagRatio: lag)
    case .succession(let parts): return .succession(parts.map { $0.rate(function) })
    }
  }

  /// The animation laid out in time: each effect with its start and length, for a run of
  /// `duration` seconds beginning at `start`.
  func scheduled(start: Double, duration: Double, rate: RateFunction) -> [ScheduledEffect] {
    switch self {
    case .effect(let effect, let targets, let own):
      return [
        ScheduledEffect(
          start: start, duration: duration, targets: targets, effect: effect,
          rate: own ?? rate)
      ]
    case .together(let parts):
      return parts.flatMap { $0.scheduled(start: start, duration: duration, rate: rate) }
    case .lagged(let parts, let lag):
      guard !parts.isEmpty else { return [] }
      // Parts of equal length L starting lag·L apart fill the duration: L(1 + (n-1)·lag) = d.
      let length = duration / (1 + Double(parts.count - 1) * max(lag, 0))
      return parts.enumerated().flatMap { index, part in
        part.scheduled(start: start + Double(index) * length * max(lag, 0), duration: length, rate: rate)
      }
    case .succession(let parts):
      guard !parts.isEmpty else { return [] }
      let length = duration / Double(parts.count)
      return parts.enumerated().flatMap { index, part in
        part.scheduled(start: start + Double(index) * length, duration: length, rate: rate)
      }
    }
  }
}

/// One effect placed in time.
struct ScheduledEffect: Sendable, Hashable {
  var start: Double
  var duration: Double
  var targets: [Node]
  var effect: Effect
  var rate: RateFunction
}
