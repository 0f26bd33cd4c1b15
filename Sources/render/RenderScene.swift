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
      // Interrupts are handled from the start, so one during recording also exits cleanly.
      let cleanup = CleanupRegistry()
      defer { cleanup.removeTemporaries() }  // whatever is left on any exit: partials, a GIF palette
      let interrupts = InterruptHandler(cleanup: cleanup)
      defer { withExtendedLifetime(interrupts) {} }
      let timeline = try SceneCatalog.timeline(
        of: sceneType, options: settings.sceneOptions,
        frameSize: settings.logicalFrame)
      let paths = OutputPaths(root: output, scene: sceneType.name)
      let renderer = FrameRenderer(
        timeline: timeline, width: settings.width, height: settings.height,
        transparent: transparent)
      if let at {
        try renderStill(renderer, at: at, paths: paths, cleanup: cleanup)
      } else {
        try renderClip(renderer, fps: settings.fps, paths: paths, cleanup: cleanup)
      }
    } catch {
      throw CLIError.failure(error)
    }
  }

  private func renderStill(
    _ renderer: FrameRenderer, at time: Double, paths: OutputPaths,
    cleanup: CleanupRegistry
  ) throws {
    let duration = renderer.timeline.duration
    guard time >= 0, time <= duration else {
      throw CLIError.usage(
        String(format: "--at %g is outside the clip, which runs from 0 to %.2f seconds", time, duration))
    }
    try paths.createFolder()
    let still = paths.still(at: time)
    let temporary = OutputPaths.temporary(for: still)
    cleanup.track(temporary)
    try PNG.write(try renderer.render(at: time), to: temporary, opaque: !transparent)
    try cleanup.commit(temporary, to: still)
    if !quiet { StandardError.write("\(still)\n") }
  }

  private func renderClip(_ renderer: FrameRenderer, fps: Int, paths: OutputPaths, cleanup: CleanupRegistry) throws {
    try paths.createFolder()
    let exporter = ClipExporter(renderer: renderer, fps: fps)
    let sink: FrameSink
    if format == .png {
      sink = try PNGSequenceSink(paths: paths, transparent: transparent, cleanup: cleanup)
    } else {
      var arguments = FFmpegArguments(
        width: renderer.width, height: renderer.height, fps: fps,
        format: format, transparent: transparent)
      if format == .gif {
        arguments.palette = try GIFPalette.make(for: exporter, beside: paths.clip(format), cleanup: cleanup)
      }
      sink = try FFmpegSink(arguments: arguments, output: paths.clip(format), cleanup: cleanup)
    }
    let progress = ProgressReporter(total: exporter.frameCount, quiet: quiet)
    try exporter.export(to: sink, cleanup: cleanup, progress: progress.update)
    progress.finish("\(paths.clip(format)): \(renderer.width)x\(renderer.height) at \(fps) fps")
  }
}
