import ArgumentParser
import Canvas
import Export
import Foundation
import Reel
import Scenes

extension OutputFormat: ExpressibleByArgument {}

/// `render <scene>`: records the scene once, then writes a clip, frames or one still.
struct RenderScene: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scene", abstract: "Render a scene (the default: `render attention-heatmap`).")

  @Argument(help: "The scene to render; `render list` shows them.")
  var scene: String

  @Flag(help: "Quality preset (Manim's).")
  var quality: Quality = .high

  @Option(help: "Output size as WIDTHxHEIGHT, e.g. 1600x900 (overrides the preset's).")
  var resolution: String?

  @Option(help: "Frames per second (overrides the preset's).")
  var fps: Int?

  @Option(help: "Output format; png writes the numbered frames.")
  var format: OutputFormat = .mp4

  @Option(help: "Render one still at this time in seconds, as a PNG.")
  var at: Double?

  @Flag(help: "Keep the background transparent (png and webm, and stills).")
  var transparent = false

  @Option(help: "Folder for outputs; each scene writes into its own subfolder.")
  var output = "Output"

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  @Option(help: "The sentence to show, split at spaces (attention-heatmap).")
  var tokens: String?

  @Option(help: "Seed for the example data.")
  var seed: UInt64 = 89

  @Flag(help: "Causal mask: each query sees only itself and earlier keys.")
  var causal = false

  @Option(help: "Colormap: \(Colormap.all.map(\.name).joined(separator: ", ")).")
  var colormap = "viridis"

  func run() throws {
    guard let sceneType = SceneCatalog.scene(named: scene) else {
      throw CLIError.usage("unknown scene '\(scene)'; the scenes are:\n" + ListScenes.listing)
    }
    let settings = try RenderSettings(self)
    do {
      let timeline = try SceneCatalog.timeline(of: sceneType, options: settings.sceneOptions,
                                               frameSize: settings.logicalFrame)
      let paths = OutputPaths(root: output, scene: sceneType.name)
      if let at {
        try renderStill(timeline, at: at, settings: settings, paths: paths)
      } else {
        try renderClip(timeline, settings: settings, paths: paths)
      }
    } catch {
      throw CLIError.failure(error)
    }
  }

  private func renderStill(_ timeline: Timeline, at time: Double, settings: RenderSettings, paths: OutputPaths) throws {
    guard time >= 0, time <= timeline.duration else {
      throw CLIError.usage(String(format: "--at %g is outside the clip, which runs from 0 to %.2f seconds", time, timeline.duration))
    }
    try paths.createFolder()
    let renderer = FrameRenderer(timeline: timeline, width: settings.width, height: settings.height,
                                 transparent: transparent)
    let still = paths.still(at: time)
    try PNG.write(try renderer.render(at: time), to: still, opaque: !transparent)
    if !quiet { FileHandle.standardError.write(Data("\(still)\n".utf8)) }
  }

  private func renderClip(_ timeline: Timeline, settings: RenderSettings, paths: OutputPaths) throws {
    try paths.createFolder()
    let cleanup = CleanupRegistry()
    let interrupts = InterruptHandler(cleanup: cleanup)
    defer { withExtendedLifetime(interrupts) {} }
    let renderer = FrameRenderer(timeline: timeline, width: settings.width, height: settings.height,
                                 transparent: transparent)
    let exporter = ClipExporter(renderer: renderer, fps: settings.fps)
    let sink: FrameSink
    if format == .png {
      sink = try PNGSequenceSink(paths: paths, transparent: transparent, cleanup: cleanup)
    } else {
      let arguments = FFmpegArguments(width: settings.width, height: settings.height, fps: settings.fps,
                                      format: format, transparent: transparent)
      sink = try FFmpegSink(arguments: arguments, output: paths.clip(format), cleanup: cleanup)
    }
    let progress = ProgressReporter(total: exporter.frameCount, quiet: quiet)
    try exporter.export(to: sink, cleanup: cleanup, progress: progress.update)
    progress.finish("\(paths.clip(format)): \(settings.width)x\(settings.height) at \(settings.fps) fps")
  }
}
