import Canvas
import Reel

/// A scene in the catalog: a name to render it by, a one-line summary, and the code that
/// records it. Recording runs once; frames are then computed from the timeline.
public protocol ReelScene {
  /// The name on the command line, e.g. `attention-heatmap`.
  static var name: String { get }
  /// One line for `render list`.
  static var summary: String { get }
  /// Checks the options and prepares data; throws `SceneError` for options that cannot work.
  init(options: SceneOptions) throws
  /// Records the scene into `scene`, measuring text with `measurer`.
  func record(into scene: inout SceneRecorder, measurer: TextMeasurer) throws
}

/// Every scene `render` knows, by name.
public enum SceneCatalog {
  public static let all: [any ReelScene.Type] = [AttentionHeatmapScene.self]

  public static func scene(named name: String) -> (any ReelScene.Type)? {
    all.first { $0.name == name }
  }

  /// Builds the timeline of scene `type` for a logical frame of `frameSize`.
  public static func timeline(
    of type: any ReelScene.Type, options: SceneOptions,
    frameSize: Size
  ) throws -> Timeline {
    let scene = try type.init(options: options)
    var recorder = SceneRecorder(frameSize: frameSize, background: Palette.background)
    try scene.record(into: &recorder, measurer: TextMeasurer())
    return recorder.timeline
  }
}
