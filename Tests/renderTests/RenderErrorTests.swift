import Foundation
import Testing

/// Bad input gets one clear line and a non-zero exit code, never a crash.
@Suite struct RenderErrorTests {
  func expectUsageError(
    _ arguments: [String], mentions text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(arguments + ["--output", output.path])
    #expect(result.status == 2, "exit status for \(arguments)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("render: error: "), sourceLocation: sourceLocation)
    #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(RenderCommand.files(in: output).isEmpty, sourceLocation: sourceLocation)
  }

  @Test func listsScenes() throws {
    let result = try RenderCommand.run(["list"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("attention-heatmap"))
  }

  @Test func unknownSceneShowsTheListAndExitsTwo() throws {
    let result = try RenderCommand.run(["no-such-scene"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown scene 'no-such-scene'"))
    #expect(result.stderr.contains("attention-heatmap"))
  }

  @Test(arguments: ["abc", "0x0", "-5x10", "1920x", "1920x1080x3", "100000x100"])
  func rejectsBadResolutions(_ value: String) throws {
    try expectUsageError(["attention-heatmap", "--resolution", value], mentions: "--resolution")
  }

  @Test func rejectsOddSizesForMP4() throws {
    try expectUsageError(["attention-heatmap", "--resolution", "855x480"], mentions: "even width and height")
  }

  @Test(arguments: ["0", "-3", "100000"])
  func rejectsBadFrameRates(_ value: String) throws {
    try expectUsageError(["attention-heatmap", "--fps=\(value)"], mentions: "fps")
  }

  @Test func rejectsUnparsableFrameRate() throws {
    try expectUsageError(["attention-heatmap", "--fps", "fast"], mentions: "fast")
  }

  @Test func rejectsStillOutsideTheClip() throws {
    try expectUsageError(["attention-heatmap", "--at", "100"], mentions: "outside the clip")
    try expectUsageError(["attention-heatmap", "--at=-1"], mentions: "outside the clip")
  }

  @Test func rejectsUnknownColormapAndFormat() throws {
    try expectUsageError(["attention-heatmap", "--colormap", "jet"], mentions: "viridis")
    try expectUsageError(["attention-heatmap", "--format", "avi"], mentions: "avi")
  }

  @Test func rejectsTransparentMP4() throws {
    try expectUsageError(["attention-heatmap", "--transparent"], mentions: "--transparent")
  }

  @Test func rejectsAFrameTooNarrowForTheTokens() throws {
    let tokens = (0..<64).map { "t\($0)" }.joined(separator: " ")
    try expectUsageError(
      ["attention-heatmap", "--resolution", "480x1080", "--at", "1", "--tokens", tokens],
      mentions: "too narrow")
  }

  @Test func rejectsTooFewTokens() throws {
    try expectUsageError(["attention-heatmap", "--tokens", "alone"], mentions: "2 to 64 tokens")
  }

  @Test func unwritableOutputFolderIsOneLine() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let blocker = folder.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let result = try RenderCommand.run(["attention-heatmap", "-ql", "--at", "1", "--output", blocker.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot create output folder"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func missingFFmpegNamesThePackage() throws {
    let empty = try RenderCommand.temporaryFolder()
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: empty)
      try? FileManager.default.removeItem(at: output)
    }
    let result = try RenderCommand.run(
      ["attention-heatmap", "-ql", "--output", output.path],
      environment: ["PATH": empty.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("apt-get install ffmpeg"))
    #expect(!RenderCommand.files(in: output).contains { $0.hasSuffix(".mp4") })
  }

  @Test func ffmpegFailingMidStreamShowsItsErrorAndLeavesNoFile() throws {
    let bin = try RenderCommand.temporaryFolder()
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    // A stand-in ffmpeg that reads one frame's worth of input, complains and dies.
    let fake = bin.appendingPathComponent("ffmpeg")
    try Data("#!/bin/sh\nhead -c 100000 >/dev/null\necho 'Conversion failed: disk on fire' >&2\nexit 1\n".utf8).write(
      to: fake)
    chmod(fake.path, 0o755)
    let result = try RenderCommand.run(
      ["attention-heatmap", "-ql", "--output", output.path],
      environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("disk on fire"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(RenderCommand.files(in: output).isEmpty, "\(RenderCommand.files(in: output))")
  }

  @Test(arguments: [("mp4", 1.5), ("png", 1.0), ("gif", 0.8), ("gif", 3.0)])
  func interruptLeavesNoPartialFile(_ format: String, after seconds: Double) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(["attention-heatmap", "-qh", "--format", format, "--output", output.path]) {
      process in
      Thread.sleep(forTimeInterval: seconds)
      process.terminate()  // SIGTERM, as a job scheduler would send
    }
    #expect(result.status == 130, "\(result.stderr)")
    #expect(result.stderr.contains("interrupted"))
    #expect(RenderCommand.files(in: output).isEmpty, "\(RenderCommand.files(in: output))")
  }

}
