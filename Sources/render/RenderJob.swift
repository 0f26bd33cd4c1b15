import Canvas
import Export
import Foundation
import Reel

/// One render of a recorded scene: a still, or a clip in the chosen format.
struct RenderJob {
  let renderer: FrameRenderer
  let settings: RenderSettings
  let paths: OutputPaths
  let cleanup: CleanupRegistry

  func renderStill(at still: StillTime) throws {
    let duration = renderer.timeline.duration
    let asked: Double
    switch still {
    case .end: asked = duration
    case .seconds(let seconds): asked = seconds
    }
    // The end is shown rounded to hundredths; a time that rounds to it is the end.
    guard asked >= 0, asked <= duration + 0.005 else {
      throw CLIError.usage(
        String(format: "--at %g is outside the clip, which runs from 0 to %.2f seconds (or --at end)", asked, duration))
    }
    let time = min(asked, duration)
    try paths.createFolder()
    let still = paths.still(at: time)
    let temporary = OutputPaths.temporary(for: still)
    cleanup.track(temporary)
    try PNG.write(try renderer.render(at: time), to: temporary, opaque: !renderer.transparent)
    try cleanup.commit(temporary, to: still)
    if !settings.quiet { StandardError.write("\(still)\n") }
  }

  func renderClip() throws {
    try paths.createFolder()
    let format = settings.format
    let exporter = ClipExporter(renderer: renderer, fps: settings.fps)
    let sink: FrameSink
    if format == .png {
      sink = try PNGSequenceSink(paths: paths, transparent: renderer.transparent, cleanup: cleanup)
    } else {
      var arguments = FFmpegArguments(
        width: renderer.width, height: renderer.height, fps: settings.fps,
        format: format, transparent: renderer.transparent)
      if format == .gif {
        arguments.palette = try GIFPalette.make(for: exporter, beside: paths.clip(format), cleanup: cleanup)
      }
      sink = try FFmpegSink(arguments: arguments, output: paths.clip(format), cleanup: cleanup)
    }
    let progress = ProgressReporter(total: exporter.frameCount, quiet: settings.quiet)
    try exporter.export(to: sink, cleanup: cleanup, progress: progress.update)
    progress.finish("\(paths.clip(format)): \(renderer.width)x\(renderer.height) at \(settings.fps) fps")
  }
}
