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
        String(format: "--at must be between 0 and %.2f s, the length of the clip (or 'end'); got %g", duration, asked))
    }
    let time = min(asked, duration)
    try paths.createFolder(cleanup: cleanup)
    let still = paths.still(at: time)
    let temporary = try cleanup.temporary(for: still)
    try PNG.write(try renderer.render(at: time), to: temporary, opaque: !renderer.transparent)
    try cleanup.commit(temporary, to: still)
    if !settings.quiet { StandardError.write("\(still)\n") }
  }

  func renderClip() throws {
    let format = settings.format
    // Found before anything is written, so a missing ffmpeg costs nothing.
    let ffmpeg =
      format.needsFFmpeg ? try FFmpeg.locate(explicit: settings.ffmpeg, stallTimeout: settings.ffmpegTimeout) : nil
    try paths.createFolder(cleanup: cleanup)
    if let note = settings.rateNote, !settings.quiet { StandardError.write("note: \(note)\n") }
    let exporter = ClipExporter(renderer: renderer, rate: settings.rate)
    let sink: FrameSink
    if let ffmpeg {
      var arguments = FFmpegArguments(
        width: renderer.width, height: renderer.height, rate: settings.rate, format: format,
        transparent: renderer.transparent)
      if format == .gif {
        arguments.palette = try GIFPalette.make(
          for: exporter, beside: paths.clip(format), ffmpeg: ffmpeg, cleanup: cleanup)
      }
      sink = try FFmpegSink(arguments: arguments, output: paths.clip(format), ffmpeg: ffmpeg, cleanup: cleanup)
    } else {
      sink = try PNGSequenceSink(paths: paths, transparent: renderer.transparent, cleanup: cleanup)
    }
    let progress = ProgressReporter(total: exporter.frameCount, quiet: settings.quiet)
    try exporter.export(to: sink, cleanup: cleanup, progress: progress.update)
    progress.finish("\(paths.clip(format)): \(renderer.width)x\(renderer.height) at \(settings.rate) fps")
  }
}
