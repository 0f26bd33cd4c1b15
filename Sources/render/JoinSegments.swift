import ArgumentParser
import Export
import Foundation

/// `render join`: one clip from segments rendered with `--frames` or `--part`, perhaps on
/// different machines, without encoding again.
struct JoinSegments: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Join segments rendered with --frames or --part into one clip, without re-encoding.",
    discussion: """
      The segments must come from one clip rendered with the same options; they may be named in any \
      order. A gap, an overlap or a mismatch (size, frame rate, codec) is refused with what is wrong.
      Example:
        render attention-heatmap --part 1/2 & render attention-heatmap --part 2/2 & wait
        render join Output/attention-heatmap/attention-heatmap-frames-*.mp4 -o Output/attention-heatmap.mp4
      """)

  @Argument(help: ArgumentHelp("The segment files (.mp4 or .webm).", valueName: "segments"))
  var segments: [String] = []

  @Option(name: [.customShort("o"), .long], help: "The joined clip to write.")
  var output: String

  @Option(
    help: "The ffmpeg program to run (default: REEL_FFMPEG, else ffmpeg on PATH); ffprobe is looked for beside it.")
  var ffmpeg: String?

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    do {
      let cleanup = CleanupRegistry()
      defer { cleanup.finish() }
      let interrupts = InterruptHandler(cleanup: cleanup)
      defer { withExtendedLifetime(interrupts) {} }
      // Joining copies packets from files, nothing is piped: a long clip may take ffmpeg
      // minutes to finish, which is not a stall (Ctrl-C still stops it).
      let ffmpeg = try FFmpeg.locate(explicit: ffmpeg, stallTimeout: 1e7)
      let joiner = SegmentJoiner(
        ffmpeg: ffmpeg, ffprobe: try FFprobeLocator.find(besides: ffmpeg.path), cleanup: cleanup)
      let folder = (output as NSString).deletingLastPathComponent
      if !folder.isEmpty { try OutputPaths.createFolder(folder, cleanup: cleanup) }
      let frames = try joiner.join(segments, into: output)
      if !quiet { StandardError.write("\(output): \(segments.count) segments, \(frames) frames\n") }
    } catch {
      throw CLIError.failure(error)
    }
  }
}
