import ArgumentParser
import Canvas
import Export
import Foundation
import Reel
import Scenes

/// `render <scene>`: one subcommand per scene, made from the scene type, so its `--help`
/// lists exactly the scene's options and the shared render options.
struct SceneCommand<Scene: ReelScene>: ParsableCommand {
  static var configuration: CommandConfiguration {
    CommandConfiguration(commandName: Scene.name, abstract: Scene.summary)
  }

  @OptionGroup(title: "Scene options")
  var scene: Scene.Options

  @OptionGroup(title: "Render options")
  var render: RenderOptions

  func run() throws {
    let settings = try RenderSettings(render, scene: Scene.name)
    do {
      // Interrupts are handled from the start, so one during recording also exits cleanly.
      let cleanup = CleanupRegistry()
      defer { cleanup.finish() }  // on any exit: partials and a GIF palette deleted, lock files released
      let interrupts = InterruptHandler(cleanup: cleanup)
      defer { withExtendedLifetime(interrupts) {} }
      let timeline = try SceneCatalog.timeline(
        of: try Scene(options: scene), frameSize: settings.logicalFrame, theme: settings.theme)
      if render.sections {
        print(Self.outline(of: timeline))
        return
      }
      let job = RenderJob(
        renderer: FrameRenderer(
          timeline: timeline, width: settings.width, height: settings.height, transparent: render.transparent),
        settings: settings, paths: OutputPaths(root: render.output, scene: settings.name), cleanup: cleanup)
      if let still = render.still {
        try job.renderStill(at: still)
      } else if let slides = render.slides {
        try job.renderSlides(slides)
      } else if let range = render.frames {
        try job.renderClip(frames: try range.resolved(frameCount: job.frameCount))
      } else if let part = render.part {
        guard let range = part.resolved(frameCount: job.frameCount) else {
          if !render.quiet {
            StandardError.write("part \(part.index)/\(part.count) has no frames: the clip has \(job.frameCount)\n")
          }
          return
        }
        try job.renderClip(frames: range)
      } else {
        try job.renderClip()
      }
    } catch {
      throw CLIError.failure(error)
    }
  }
}

extension SceneCommand {
  /// `duration D`, then `section NAME START END` per section, times in seconds to the
  /// hundredth: for people choosing `--at` times and for scripts.
  static func outline(of timeline: Timeline) -> String {
    ([String(format: "duration %.2f", timeline.duration)]
      + timeline.sections.map { String(format: "section %@ %.2f %.2f", $0.name, $0.start, $0.end) })
      .joined(separator: "\n")
  }
}

/// The subcommand for a scene type from the catalog.
func sceneCommand<Scene: ReelScene>(_ type: Scene.Type) -> ParsableCommand.Type {
  SceneCommand<Scene>.self
}
