import Foundation

/// Joins segments rendered with `--frames` into one clip without re-encoding (ffmpeg's
/// concat demuxer, streams copied), after checking that they fit together: same size,
/// frame rate, codec, pixel format and container, from the same clip, and frame ranges
/// that follow each other with no gap or overlap from the first frame to the last.
public struct SegmentJoiner {
  public let ffmpeg: FFmpeg
  public let ffprobe: String
  public let cleanup: CleanupRegistry

  public init(ffmpeg: FFmpeg, ffprobe: String, cleanup: CleanupRegistry) {
    self.ffmpeg = ffmpeg
    self.ffprobe = ffprobe
    self.cleanup = cleanup
  }

  /// Probes `segments` and returns them in frame order, or says what does not fit.
  public func check(_ segments: [String], output: String) throws -> [SegmentProbe] {
    guard !segments.isEmpty else { throw ExportError.joinRefused("name the segments to join") }
    let probes = try segments.map { try SegmentProbe.probe($0, ffprobe: ffprobe) }
    for probe in probes where probe.label == nil {
      throw ExportError.joinRefused(
        "\(probe.path) is not a segment rendered with --frames or --part (it has no Reel segment label)")
    }
    let first = probes[0]
    let outputContainer = (output as NSString).pathExtension.lowercased()
    guard outputContainer == first.container else {
      throw ExportError.joinRefused(
        "the segments are .\(first.container) files; name the output something.\(first.container)")
    }
    for probe in probes.dropFirst() {
      let differences = [
        ("size", "\(first.width)x\(first.height)", "\(probe.width)x\(probe.height)"),
        ("frame rate", first.rate, probe.rate), ("codec", first.codec, probe.codec),
        ("pixel format", first.pixelFormat, probe.pixelFormat), ("container", first.container, probe.container),
        ("clip", first.label?.name ?? "", probe.label?.name ?? ""),
        ("options (a digest)", first.label?.options ?? "", probe.label?.options ?? ""),
        ("clip length", "\(first.label?.total ?? 0) frames", "\(probe.label?.total ?? 0) frames"),
      ].filter { $0.1 != $0.2 }
      if let (what, mine, theirs) = differences.first {
        throw ExportError.joinRefused(
          "\(probe.path) does not fit \(first.path): \(what) \(theirs), not \(mine); render every segment with the same options"
        )
      }
    }
    let ordered = probes.sorted { ($0.label?.frames.lowerBound ?? 0) < ($1.label?.frames.lowerBound ?? 0) }
    var expected = 0
    var previous: SegmentProbe?
    for probe in ordered {
      guard let frames = probe.label?.frames else { continue }
      if frames.lowerBound > expected {
        let after = previous.map { " between \($0.path) and \(probe.path)" } ?? " before \(probe.path)"
        throw ExportError.joinRefused("frames \(expected)-\(frames.lowerBound - 1) are missing\(after)")
      }
      if frames.lowerBound < expected, let previous {
        throw ExportError.joinRefused(
          "\(previous.path) and \(probe.path) overlap: both hold frames \(frames.lowerBound)-\(min(expected, frames.upperBound + 1) - 1)"
        )
      }
      expected = frames.upperBound + 1
      previous = probe
    }
    let total = first.label?.total ?? expected
    if expected < total {
      throw ExportError.joinRefused(
        "frames \(expected)-\(total - 1) are missing at the end (the clip has \(total) frames, 0-\(total - 1))")
    }
    return ordered
  }

  /// Checks `segments` and writes them, joined, to `output`; returns the number of frames.
  public func join(_ segments: [String], into output: String) throws -> Int {
    let ordered = try check(segments, output: output)
    let list = try cleanup.temporary(for: output, suffix: "-segments")
    // Each segment's exact length: without it the demuxer takes the container's duration,
    // rounded to the millisecond, and every seam shifts the frames after it a little.
    let lines = ordered.map { probe in
      "file '\(Self.quoted(absolute(probe.path)))'\n"
        + (Self.seconds(frames: probe.label?.frames.count ?? 0, rate: probe.rate).map {
          String(format: "duration %.9f\n", $0)
        } ?? "")
    }.joined()
    do {
      try Data(lines.utf8).write(to: URL(fileURLWithPath: list))
    } catch {
      throw ExportError.cannotWrite(path: list, reason: OutputPaths.reason(error))
    }
    let container = ordered[0].container
    let sink = try FFmpegSink(
      commandLine: { temporary in
        [
          "-hide_banner", "-loglevel", "error", "-nostats", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c",
          "copy",
        ]
          + (container == "mp4" ? ["-movflags", "+faststart"] : []) + ["-f", container, temporary]
      }, input: .opaqueBGRA, width: 1, height: 1, output: output, suffix: "", ffmpeg: ffmpeg, cleanup: cleanup)
    try sink.finish()
    return ordered.last?.label?.total ?? 0
  }

  private func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
  }

  /// How long `frames` frames last at `rate` (ffprobe's `60/1`), if the rate reads.
  static func seconds(frames: Int, rate: String) -> Double? {
    let parts = rate.split(separator: "/").compactMap { Double($0) }
    guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
    return Double(frames) * parts[1] / parts[0]
  }

  /// A path inside single quotes in a concat list: each `'` becomes `'\''`.
  static func quoted(_ path: String) -> String {
    path.replacingOccurrences(of: "'", with: "'\\''")
  }
}
