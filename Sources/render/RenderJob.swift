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
  /// The `ClipIdentity` of this render's options, for a segment's label.
  var clipIdentity = ""

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

  /// The clip, or the frames `range` of it (`--frames`, `--part`).
  func renderClip(frames range: ClosedRange<Int>? = nil) throws {
    let format = settings.format
    // Found before anything is written, so a missing ffmpeg costs nothing.
    let ffmpeg =
      format.needsFFmpeg ? try FFmpeg.locate(explicit: settings.ffmpeg, stallTimeout: settings.ffmpegTimeout) : nil
    try paths.createFolder(cleanup: cleanup)
    if let note = settings.rateNote, !settings.quiet { StandardError.write("note: \(note)\n") }
    let whole = FrameSchedule.whole(of: renderer.timeline, rate: settings.rate)
    let schedule = range.map(whole.frames) ?? whole
    let exporter = ClipExporter(renderer: renderer, schedule: schedule, workers: settings.threads)
    let output = range.map { format == .png ? paths.frames : paths.segment(format, frames: $0) } ?? paths.clip(format)
    let sink: FrameSink
    if let ffmpeg {
      var arguments = FFmpegArguments(
        width: renderer.width, height: renderer.height, rate: settings.rate, format: format,
        transparent: renderer.transparent)
      arguments.preset = settings.preset
      arguments.crf = settings.crf
      if let range {
        arguments.comment =
          SegmentLabel(
            name: paths.scene, frames: range, total: whole.count,
            options: clipIdentity
          ).description
      }
      if format == .gif {
        arguments.palette = try GIFPalette.make(for: exporter, beside: output, ffmpeg: ffmpeg, cleanup: cleanup)
      }
      sink = try FFmpegSink(arguments: arguments, output: output, ffmpeg: ffmpeg, cleanup: cleanup)
    } else {
      sink = try PNGSequenceSink(
        paths: paths, wholeClip: range == nil, transparent: renderer.transparent, cleanup: cleanup)
    }
    let progress = ProgressReporter(total: exporter.frameCount, quiet: settings.quiet, lines: settings.progressLines)
    try exporter.export(to: sink, cleanup: cleanup, progress: progress.update)
    let what = range.map { " frames \($0.lowerBound)-\($0.upperBound) of \(whole.count)," } ?? ""
    progress.finish("\(output):\(what) \(renderer.width)x\(renderer.height) at \(settings.rate) fps")
  }

  /// One slide per section, in each kind asked for.
  func renderSlides(_ kinds: SlideKinds) throws {
    let ffmpeg =
      kinds.contains(.html) ? try FFmpeg.locate(explicit: settings.ffmpeg, stallTimeout: settings.ffmpegTimeout) : nil
    try paths.createFolder(cleanup: cleanup)
    let writer = SlideWriter(renderer: renderer, paths: paths, cleanup: cleanup)
    var written: [String] = []
    if kinds.contains(.png) { written += try writer.writeImages() }
    if kinds.contains(.pdf) { written.append(try writer.writePDF()) }
    if kinds.contains(.svg) { written += try writer.writeSVGs() }
    if let ffmpeg {
      let deck = DeckWriter(
        renderer: renderer, rate: settings.rate, paths: paths, ffmpeg: ffmpeg, cleanup: cleanup,
        workers: settings.threads, background: settings.theme.background, ink: settings.theme.ink)
      let progress = ProgressReporter(total: deck.frameCount, quiet: settings.quiet, lines: settings.progressLines)
      written.append(try deck.write(progress: progress.update))
      progress.finish("\(paths.deckClips): \(writer.slides.count) clips at \(settings.rate) fps")
    }
    if !settings.quiet {
      StandardError.write(written.joined(separator: "\n") + "\n")
      StandardError.write("\(writer.slides.count) slides: \(writer.slides.map(\.title).joined(separator: ", "))\n")
    }
  }
}
