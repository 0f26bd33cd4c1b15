import ArgumentParser
import Batch
import Canvas
import Export
import Foundation
import Reel
import Scenes

/// `render <scene>`: one subcommand per scene, made from the scene type, so its `--help`
/// lists exactly the scene's options and the shared render options.
struct SceneCommand<Scene: ReelScene>: ParsableCommand, PlannableRender {
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
      let timeline = try self.timeline(settings)
      if render.sections {
        print(Self.outline(of: timeline))
        return
      }
      let plan = try RenderPlan(options: render, settings: settings, timeline: timeline)
      let job = RenderJob(
        renderer: FrameRenderer(
          timeline: timeline, width: settings.width, height: settings.height, transparent: render.transparent),
        settings: settings, paths: plan.paths, cleanup: cleanup,
        clipIdentity: ClipIdentity.digest(of: Array(CommandLine.arguments.dropFirst())))
      switch plan.mode {
      case .still(let still): try job.renderStill(at: still)
      case .slides(let kinds): try job.renderSlides(kinds)
      case .frames(let range): try job.renderClip(frames: range)
      case .clip: try job.renderClip()
      case .nothing(let reason):
        if !settings.quiet { StandardError.write("\(reason)\n") }
      }
      if let key = render.recordKey { try plan.record(key: key, outputs: cleanup.committed, cleanup: cleanup) }
    } catch {
      throw CLIError.failure(error)
    }
  }

  /// The plan `render batch` schedules and caches by, made without rendering.
  func plan() throws -> RenderPlan {
    let settings = try RenderSettings(render, scene: Scene.name)
    return try RenderPlan(options: render, settings: settings, timeline: try timeline(settings))
  }

  private func timeline(_ settings: RenderSettings) throws -> Timeline {
    let made = try Scene(options: scene)
    if !settings.quiet {
      for warning in made.warnings { StandardError.write("render: warning: \(warning)\n") }
    }
    return try SceneCatalog.timeline(of: made, frameSize: settings.logicalFrame, theme: settings.theme)
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
