import ArgumentParser
import Canvas
import Reel

/// A scene in the catalog: a name to render it by, a one-line summary, its own options,
/// and the code that records it. Recording runs once; frames are then computed from the
/// timeline.
///
/// `render <name> --help` lists the scene's `Options` beside the render options every
/// scene shares (size, quality, format, theme, …); an option a scene does not declare is
/// refused.
public protocol ReelScene: Sendable {
  /// The scene's command-line options; `init()` gives the defaults.
  associatedtype Options: ParsableArguments
  /// The name on the command line, e.g. `attention-heatmap`.
  static var name: String { get }
  /// One line for `render list` and `--help`.
  static var summary: String { get }
  /// Checks the options and prepares data; throws `SceneError` for options that cannot work.
  init(options: Options) throws
  /// Records the scene into `scene` (its frame size and theme are there), measuring text
  /// with `measurer`.
  func record(into scene: inout SceneRecorder, measurer: TextMeasurer) throws
  /// What the user should know about the options or data that does not stop the render
  /// (printed as warnings).
  var warnings: [String] { get }
}

extension ReelScene {
  public var warnings: [String] { [] }

  /// The scene with options parsed from `arguments`, as `render <name> …` would parse
  /// them (`[]` for the defaults): how options are given in code and in tests.
  public init(arguments: [String]) throws {
    try self.init(options: Options.parse(arguments))
  }
}

/// Every scene `render` knows, by name.
public enum SceneCatalog {
  public static var all: [any ReelScene.Type] {
    [
      AttentionHeatmapScene.self, SoftmaxScene.self, QKVFlowScene.self, PositionalEncodingScene.self,
      NeuronDiagramScene.self,
    ]
  }

  /// Names that are commands of `render` and can never be scene names.
  public static let reservedNames: Set<String> = ["list", "batch", "join", "tex", "export-attention", "help"]

  public static func scene(named name: String) -> (any ReelScene.Type)? {
    all.first { $0.name == name }
  }

  /// Records `scene` for a logical frame of `frameSize` in `theme`.
  public static func timeline(of scene: some ReelScene, frameSize: Size, theme: Theme = .light) throws -> Timeline {
    var recorder = SceneRecorder(frameSize: frameSize, theme: theme)
    try scene.record(into: &recorder, measurer: TextMeasurer())
    return recorder.timeline
  }

  /// The logical frame for an output of `width` × `height` pixels: 1080 units high, as
  /// wide as the aspect ratio makes it.
  public static func logicalFrame(width: Int, height: Int) -> Size {
    Size(1080 * Double(width) / Double(height), 1080)
  }
}

/// Why a scene could not be built from the options given, in words for the user.
public struct SceneError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
