import Canvas
import Foundation
import Reel

/// The 256-colour palette of a GIF, made from a handful of frames sampled across the clip.
///
/// Because any frame can be drawn on its own, the palette is computed before encoding and
/// the GIF is then streamed through it: ffmpeg never has to hold the whole clip in memory
/// (its one-pass palette filter does, several gigabytes for a 1080p60 clip).
public enum GIFPalette {
  /// How many frames the palette is computed from.
  public static let sampleCount = 16

  /// Renders sample frames and returns the path of a palette PNG beside `output`: a
  /// temporary file, tracked by `cleanup`, which the caller deletes with
  /// `cleanup.removeTemporaries()` when the GIF is done.
  public static func make(
    for exporter: ClipExporter, beside output: String, ffmpeg: FFmpeg, cleanup: CleanupRegistry
  ) throws -> String {
    let renderer = exporter.renderer
    let sink = try FFmpegSink(
      commandLine: { temporary in
        FFmpegArguments.rawInput(.opaqueBGRA, width: renderer.width, height: renderer.height, rate: FrameRate(1))
          // One image, not a numbered sequence: `%d` in a folder name stays literal.
          + ["-vf", "palettegen=stats_mode=full", "-frames:v", "1", "-update", "1", "-f", "image2", temporary]
      }, input: .opaqueBGRA, width: renderer.width, height: renderer.height, output: output,
      suffix: "-palette", ffmpeg: ffmpeg, cleanup: cleanup)
    // The palette stays a temporary: used by the GIF's ffmpeg, deleted when the render ends.
    let palette = sink.temporaryPath
    let frames = exporter.frameCount
    let surface = try renderer.makeSurface()
    let encoded = EncodedFrames(count: 1, bytes: sink.encoding.byteCount)
    do {
      for sample in 0..<min(sampleCount, frames) {
        if cleanup.isAborted { throw cleanup.interruptedError }
        let index = sampleCount >= frames ? sample : sample * (frames - 1) / (sampleCount - 1)
        try renderer.render(at: exporter.schedule.time(of: exporter.schedule.first + index), into: surface)
        sink.encoding.encode(surface, into: encoded[0])
        try sink.write(UnsafeRawBufferPointer(encoded[0]), index: sample, keptUntilNextWrite: false)
      }
      try sink.finishKeepingTemporary()
    } catch {
      sink.cancel()
      throw cleanup.isAborted ? cleanup.interruptedError : error
    }
    return palette
  }
}
