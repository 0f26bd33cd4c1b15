import Foundation
import Testing

/// `--frames`, `--part` and `render join`: a clip rendered in pieces by separate processes
/// is the clip rendered at once.
@Suite struct FrameRangeTests {
  static let tiny = ["--resolution", "160x90", "--fps", "10", "--quiet"]

  /// Starts `render` for each argument list at once and waits for all of them.
  static func runConcurrently(_ jobs: [[String]]) -> [Int32] {
    let results = UnsafeMutableBufferPointer<Int32>.allocate(capacity: jobs.count)
    defer { results.deallocate() }
    let slots = UnsafeSendableBuffer(results)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      slots.buffer[index] = (try? RenderCommand.run(jobs[index]).status) ?? -1
    }
    return Array(results)
  }

  @Test func pngRangesFromFourProcessesAreTheWholeRenderByteForByte() throws {
    let whole = try RenderCommand.temporaryFolder()
    let parts = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: whole)
      try? FileManager.default.removeItem(at: parts)
    }
    #expect(
      try RenderCommand.run(["attention-heatmap", "--format", "png", "--output", whole.path] + Self.tiny).status == 0)
    // 118 frames in uneven ranges, one of them open-ended.
    let ranges = ["0-29", "30-63", "64-99", "100-"]
    let statuses = Self.runConcurrently(
      ranges.map { ["attention-heatmap", "--format", "png", "--frames", $0, "--output", parts.path] + Self.tiny })
    #expect(statuses == [0, 0, 0, 0])
    let files = RenderCommand.files(in: whole)
    #expect(files.count == 118)
    #expect(RenderCommand.files(in: parts) == files)
    for file in files {
      let a = try Data(contentsOf: whole.appendingPathComponent(file))
      let b = try Data(contentsOf: parts.appendingPathComponent(file))
      #expect(a == b, "\(file) differs")
    }
  }

  /// At 15 fps a frame lasts 66.67 ms, which no millisecond rounds to: a seam would show.
  @Test func fourPartsJoinIntoTheClip() throws {
    let options = ["--resolution", "160x90", "--fps", "15", "--quiet"]
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let statuses = Self.runConcurrently(
      (1...4).map { ["attention-heatmap", "--part", "\($0)/4", "--output", output.path] + options }
        + [["attention-heatmap", "--name", "whole", "--output", output.path] + options])
    #expect(statuses == [0, 0, 0, 0, 0])
    let folder = output.appendingPathComponent("attention-heatmap")
    let segments = RenderCommand.files(in: folder).filter { $0.contains("-frames-") }
    #expect(
      segments == [
        "attention-heatmap-frames-00000-00043.mp4", "attention-heatmap-frames-00044-00087.mp4",
        "attention-heatmap-frames-00088-00131.mp4", "attention-heatmap-frames-00132-00176.mp4",
      ])
    let joined = output.appendingPathComponent("joined.mp4").path
    // Named out of order: join sorts them by their frames.
    let result = try RenderCommand.run(
      ["join"] + segments.reversed().map { folder.appendingPathComponent($0).path } + ["-o", joined])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("4 segments, 177 frames"))
    let probe = try VideoProbe(joined)
    #expect(probe["nb_read_frames"] == "177")
    #expect(probe["codec_name"] == "h264" && probe["width"] == "160")
    let single = output.appendingPathComponent("whole/whole.mp4").path
    #expect(try ExternalTool.ssim(single, joined) >= 0.99)
    // No seams in time either: frame k at k/15 s.
    let times = try ExternalTool.run(
      "ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "packet=pts_time", "-of", "csv=p=0", joined]
    ).stdout.split(separator: "\n").compactMap { Double($0) }.sorted()
    #expect(times.count == 177)
    for (index, time) in times.enumerated() {
      #expect(abs(time - Double(index) / 15) < 1e-4, "frame \(index) at \(time) s")
    }
  }

  @Test func webMPartsJoinToo() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let statuses = Self.runConcurrently(
      (1...2).map {
        ["attention-heatmap", "--format", "webm", "--part", "\($0)/2", "--output", output.path] + Self.tiny
      })
    #expect(statuses == [0, 0])
    let folder = output.appendingPathComponent("attention-heatmap")
    let segments = RenderCommand.files(in: folder).filter { $0.contains("-frames-") }
    #expect(segments.count == 2)
    let joined = output.appendingPathComponent("joined.webm").path
    let result = try RenderCommand.run(
      ["join"] + segments.map { folder.appendingPathComponent($0).path } + ["-o", joined])
    #expect(result.status == 0, "\(result.stderr)")
    let probe = try VideoProbe(joined)
    #expect(probe["nb_read_frames"] == "118" && probe["codec_name"] == "vp9", "\(probe.fields)")
  }

  @Test func joinRefusesSegmentsThatDoNotFit() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let renders: [[String]] = [
      ["--frames", "0-39"], ["--frames", "40-79"], ["--frames", "35-117"], ["--frames", "80-117"],
      ["--frames", "80-117", "--resolution", "320x180", "--name", "big"],
      // Another seed, in another folder under the same name.
      ["--frames", "80-117", "--seed", "7", "--output", output.appendingPathComponent("seeded").path],
    ]
    let statuses = Self.runConcurrently(
      renders.map { ["attention-heatmap", "--output", output.path] + Self.tiny + $0 })
    #expect(statuses == [0, 0, 0, 0, 0, 0])
    let folder = output.appendingPathComponent("attention-heatmap")
    func segment(_ first: Int, _ last: Int) -> String {
      folder.appendingPathComponent(String(format: "attention-heatmap-frames-%05d-%05d.mp4", first, last)).path
    }
    let big = output.appendingPathComponent("big/big-frames-00080-00117.mp4").path
    let seeded = output.appendingPathComponent(
      "seeded/attention-heatmap/attention-heatmap-frames-00080-00117.mp4"
    ).path
    let joined = output.appendingPathComponent("joined.mp4").path
    let cases: [([String], String)] = [
      ([segment(0, 39), segment(80, 117)], "frames 40-79 are missing between"),
      ([segment(0, 39), segment(35, 117)], "overlap: both hold frames 35-39"),
      ([segment(0, 39), segment(40, 79)], "frames 80-117 are missing at the end (the clip has 118 frames"),
      ([segment(40, 79), segment(80, 117)], "frames 0-39 are missing before"),
      ([segment(0, 39), segment(40, 79), big], "size 320x180, not 160x90"),
      ([segment(0, 39), segment(40, 79), seeded], "options (a digest)"),
      ([segment(0, 39), output.appendingPathComponent("nothing.mp4").path], "nothing.mp4: no such file"),
    ]
    for (segments, message) in cases {
      let result = try RenderCommand.run(["join"] + segments + ["-o", joined])
      #expect(result.status == 1 && result.stderr.contains(message), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
      #expect(!FileManager.default.fileExists(atPath: joined))
    }
    #expect(RenderCommand.files(in: output).allSatisfy { !$0.hasPrefix(".") && !$0.contains("/.") })
  }

  @Test func rangeOptionsThatCannotWorkAreRefused() throws {
    let cases: [([String], String)] = [
      (["--frames", "100-200"], "past the end: the clip has 118 frames, 0-117"),
      (["--frames", "9-3"], "the first no larger than the last"),
      (["--frames", "0-9", "--part", "1/2"], "use one of them"),
      (["--part", "3/2"], "1 ≤ K ≤ N"),
      (["--part", "1/100000000000000000"], "1 ≤ K ≤ N ≤ 100000"),
      (["--frames", "0-9", "--format", "gif"], "a GIF cannot be joined"),
      (["--frames", "0-9", "--at", "1"], "use one of them"),
    ]
    for (arguments, message) in cases {
      let result = try RenderCommand.run(["attention-heatmap"] + Self.tiny + arguments)
      #expect(result.status == 2 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
  }
}

/// A buffer written at distinct indices by concurrent iterations.
struct UnsafeSendableBuffer: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Int32>
  init(_ buffer: UnsafeMutableBufferPointer<Int32>) { self.buffer = buffer }
}
