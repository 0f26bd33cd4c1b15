import Canvas
import Foundation
import Reel

/// Writes the click-through HTML deck: each section's animation as its own short MP4 in
/// `deck/`, ending on exactly the section's slide, and the page that plays them
/// (`DeckPage`). The folder works offline and from any web server.
public struct DeckWriter {
  public let renderer: FrameRenderer
  public let slides: [Slide]
  public let rate: FrameRate
  public let paths: OutputPaths
  public let ffmpeg: FFmpeg
  public let cleanup: CleanupRegistry
  public let workers: Int
  /// The page's colours: the theme's background and ink.
  public let background: Color
  public let ink: Color

  public init(
    renderer: FrameRenderer, rate: FrameRate, paths: OutputPaths, ffmpeg: FFmpeg, cleanup: CleanupRegistry,
    workers: Int = ProcessInfo.processInfo.activeProcessorCount, background: Color, ink: Color
  ) {
    self.renderer = renderer
    self.slides = Slide.slides(of: renderer.timeline)
    self.rate = rate
    self.paths = paths
    self.ffmpeg = ffmpeg
    self.cleanup = cleanup
    self.workers = workers
    self.background = background
    self.ink = ink
  }

  /// The frames of each slide's clip.
  public func schedule(of slide: Slide) -> FrameSchedule {
    .span(from: slide.start, to: slide.end, rate: rate)
  }

  /// Frames in all the clips together, for progress.
  public var frameCount: Int { slides.reduce(0) { $0 + schedule(of: $1).count } }

  /// Encodes the clips and writes the page; returns the page's path.
  public func write(progress: (Int) -> Void) throws -> String {
    try OutputPaths.createFolder(paths.deckClips, cleanup: cleanup)
    var done = 0
    for slide in slides {
      let exporter = ClipExporter(renderer: renderer, schedule: schedule(of: slide), workers: workers)
      let arguments = FFmpegArguments(
        width: renderer.width, height: renderer.height, rate: rate, format: .mp4, transparent: false)
      let sink = try FFmpegSink(arguments: arguments, output: paths.deckClip(slide), ffmpeg: ffmpeg, cleanup: cleanup)
      try exporter.export(to: sink, cleanup: cleanup) { progress(done + $0) }
      done += exporter.frameCount
    }
    Slide.removeStale("mp4", in: paths.deckClips, keeping: slides)
    let folder = paths.folder + "/"
    let page = DeckPage.html(
      title: paths.scene,
      entries: slides.map { DeckPage.Entry(clip: String(paths.deckClip($0).dropFirst(folder.count)), title: $0.title) },
      background: background, ink: ink, aspect: Double(renderer.width) / Double(renderer.height))
    let temporary = try cleanup.temporary(for: paths.deckPage)
    do {
      try Data(page.utf8).write(to: URL(fileURLWithPath: temporary))
    } catch {
      throw ExportError.cannotWrite(path: paths.deckPage, reason: OutputPaths.reason(error))
    }
    try cleanup.commit(temporary, to: paths.deckPage)
    return paths.deckPage
  }
}
