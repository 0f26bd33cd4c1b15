import Foundation
import Testing

/// Outputs that never break: renders sharing a folder, across PID namespaces; hostile
/// ffmpegs; every signal; full disks; odd numbers. Tiny sizes and frame rates keep them fast.
@Suite struct RobustnessTests {
  static let tiny = ["--resolution", "64x36", "--fps", "2", "--quiet"]
  static let unshareFlags = ["-pf", "--mount-proc"]

  /// Two containers (each render is PID 1 in its own PID namespace) render into one folder
  /// at once: both succeed, the file is valid, nothing else is left.
  @Test(.enabled(if: RenderCommand.canUnshare(unshareFlags), "needs unshare -pf (not permitted here)"))
  func rendersInSeparatePIDNamespacesShareAFolder() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let renders = (0..<2).map { index in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments =
        ["unshare"] + Self.unshareFlags + [RenderCommand.executable.path, "attention-heatmap", "--output", output.path]
        + ["--resolution", index == 0 ? "64x36" : "128x72", "--fps", "2", "--quiet"]
      process.standardError = FileHandle.nullDevice
      return process
    }
    for render in renders { try render.run() }
    for render in renders { render.waitUntilExit() }
    #expect(renders.map(\.terminationStatus) == [0, 0])
    #expect(RenderCommand.files(in: output) == ["attention-heatmap/attention-heatmap.mp4"])
    let probe = try VideoProbe(output.appendingPathComponent("attention-heatmap/attention-heatmap.mp4").path)
    #expect(probe["codec_name"] == "h264" && (probe["width"] == "64" || probe["width"] == "128"))
  }

  /// Eight PNG-sequence renders of one scene into one folder at once: all succeed, one
  /// complete frames folder remains.
  @Test func concurrentPNGRendersAllSucceed() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let renders = (0..<8).map { _ in
      let process = Process()
      process.executableURL = RenderCommand.executable
      process.arguments = ["attention-heatmap", "--format", "png", "--output", output.path] + Self.tiny
      process.standardError = FileHandle.nullDevice
      return process
    }
    for render in renders { try render.run() }
    for render in renders { render.waitUntilExit() }
    #expect(renders.map(\.terminationStatus) == Array(repeating: 0, count: 8))
    let files = RenderCommand.files(in: output)
    #expect(files.count == 24 && files.allSatisfy { $0.hasPrefix("attention-heatmap/frames/") }, "\(files)")
  }

  /// An ffmpeg that prints without end: the render's memory stays flat, and it reports the
  /// last of what was printed.
  @Test func chattyFFmpegCannotGrowTheRender() throws {
    let bin = try RenderCommand.fakeFFmpeg(
      "yes 'garbage garbage garbage' >&2 &\ncat > /dev/null\nsleep 1\nkill $!\nexit 1")
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    var peak = 0
    let result = try RenderCommand.run(
      ["attention-heatmap", "--output", output.path] + Self.tiny, environment: ["PATH": "\(bin.path):/usr/bin:/bin"]
    ) { process in
      _ = RenderCommand.waitUntil(process) {
        peak = max(peak, RenderCommand.peakMemory(of: process.processIdentifier) ?? 0)
        return false
      }
    }
    #expect(result.status == 1)
    #expect(result.stderr.contains("garbage garbage"), "\(result.stderr)")
    #expect(peak > 0 && peak < 200_000, "peak \(peak) kB while ffmpeg printed without end")
    #expect(RenderCommand.files(in: output).isEmpty)
  }

  /// SIGHUP (the terminal closed) and SIGQUIT stop a render like SIGINT and SIGTERM do: exit
  /// 128 + the signal, one line, nothing left, and ffmpeg gone with it.
  @Test(arguments: [(SIGHUP, "SIGHUP"), (SIGQUIT, "SIGQUIT"), (SIGINT, "SIGINT")])
  func everySignalStopsCleanly(_ signal: Int32, _ name: String) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    var ffmpeg: [Int32] = []
    let result = try RenderCommand.run(["attention-heatmap", "-qh", "--output", output.path]) { process in
      _ = RenderCommand.waitUntil(process) {
        ffmpeg = RenderCommand.childProcesses(of: process)
        return !ffmpeg.isEmpty
      }
      kill(process.processIdentifier, signal)
    }
    #expect(result.status == 128 + signal, "\(name): \(result.stderr)")
    #expect(
      result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("interrupted"), "\(result.stderr)")
    #expect(RenderCommand.files(in: output).isEmpty, "\(RenderCommand.files(in: output))")
    #expect(!ffmpeg.isEmpty)
    for pid in ffmpeg {
      let deadline = Date().addingTimeInterval(10)
      while RenderCommand.isRunning(pid) && Date() < deadline { usleep(10_000) }
      #expect(!RenderCommand.isRunning(pid), "ffmpeg \(pid) outlived the render")
    }
  }

  /// A render killed outright (SIGKILL, nothing to catch): the kernel takes ffmpeg with it,
  /// and the next render into the folder sweeps what was left, since the lock is free.
  @Test func killedRenderTakesFFmpegAlongAndItsLeftoversAreSwept() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    var ffmpeg: [Int32] = []
    _ = try RenderCommand.run(["attention-heatmap", "-qh", "--output", output.path]) { process in
      _ = RenderCommand.waitUntil(process) {
        ffmpeg = RenderCommand.childProcesses(of: process)
        return !ffmpeg.isEmpty
      }
      kill(process.processIdentifier, SIGKILL)
    }
    #expect(!ffmpeg.isEmpty)
    for pid in ffmpeg {
      let deadline = Date().addingTimeInterval(10)
      while RenderCommand.isRunning(pid) && Date() < deadline { usleep(10_000) }
      #expect(!RenderCommand.isRunning(pid), "ffmpeg \(pid) outlived a killed render")
    }
    let folder = output.appendingPathComponent("attention-heatmap")
    let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    #expect(left.contains { $0.contains(".partial-") }, "a killed render cannot clean up: \(left)")
    #expect(try RenderCommand.run(["attention-heatmap", "--at", "1", "--output", output.path] + Self.tiny).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["attention-heatmap-at-1s.png"])
  }

  /// An ffmpeg that never reads ends the render with a clear error once the timeout passes,
  /// and is stopped.
  @Test func stuckFFmpegEndsTheRender() throws {
    let bin = try RenderCommand.fakeFFmpeg("exec sleep 300")
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    let result = try RenderCommand.run(
      ["attention-heatmap", "--output", output.path, "--ffmpeg-timeout", "1", "--resolution", "640x360", "--fps", "2"],
      environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("stopped reading frames for 1 s"), "\(result.stderr)")
    #expect(RenderCommand.files(in: output).isEmpty)
  }

  /// GIF delays are whole hundredths of a second: at any asked rate the GIF lasts as long
  /// as the clip, within a frame.
  @Test(arguments: [15, 30, 60])
  func gifPlaysInRealTime(_ fps: Int) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(
      ["attention-heatmap", "--format", "gif", "--resolution", "64x36", "--fps", "\(fps)", "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    if fps != 25 { #expect(result.stderr.contains("note: GIF frames last whole hundredths")) }
    let probe = try VideoProbe(output.appendingPathComponent("attention-heatmap/attention-heatmap.gif").path)
    let duration = try #require(Double(probe["duration"] ?? ""))
    #expect(abs(duration - 11.8) <= 1.0 / 14, "\(fps) fps: \(duration) s")
  }

  /// `%d` in a folder name is a folder name, not an image-sequence pattern.
  @Test func gifIntoAFolderNamedWithPercentD() throws {
    let parent = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("run-%d")
    let result = try RenderCommand.run(
      ["attention-heatmap", "--format", "gif", "--resolution", "64x36", "--fps", "5", "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(RenderCommand.files(in: parent) == ["run-%d/attention-heatmap/attention-heatmap.gif"])
  }

  /// A file that has the execute bit but is not a program: one line naming it.
  @Test func ffmpegThatCannotRunIsAClearError() throws {
    let bin = try RenderCommand.temporaryFolder()
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    let broken = bin.appendingPathComponent("ffmpeg")
    try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 0]).write(to: broken)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: broken.path)
    let result = try RenderCommand.run(
      ["attention-heatmap", "--output", output.path, "--ffmpeg", broken.path] + Self.tiny)
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot run \(broken.path): Exec format error"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(RenderCommand.files(in: output).isEmpty)
  }

  @Test func folderNamedFFmpegOnPathIsSkipped() throws {
    let bin = try RenderCommand.temporaryFolder()
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    try FileManager.default.createDirectory(at: bin.appendingPathComponent("ffmpeg"), withIntermediateDirectories: true)
    let result = try RenderCommand.run(
      ["attention-heatmap", "--output", output.path] + Self.tiny, environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
    #expect(result.status == 0, "\(result.stderr)")
    let named = try RenderCommand.run(
      ["attention-heatmap", "--output", output.path, "--ffmpeg", bin.appendingPathComponent("ffmpeg").path] + Self.tiny)
    #expect(named.status == 1 && named.stderr.contains("is not an executable file"), "\(named.stderr)")
  }

  @Test func nearbyStillTimesKeepTheirOwnFiles() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    for time in ["2.996", "3", "-0"] {
      #expect(
        try RenderCommand.run(["attention-heatmap", "--at=\(time)", "--output", output.path] + Self.tiny).status == 0)
    }
    #expect(
      RenderCommand.files(in: output) == [
        "attention-heatmap/attention-heatmap-at-0s.png", "attention-heatmap/attention-heatmap-at-2.996s.png",
        "attention-heatmap/attention-heatmap-at-3s.png",
      ])
  }

  /// The output folder vanishes while ffmpeg writes: a clear error and nothing left.
  @Test func vanishedOutputFolderIsAClearError() throws {
    let bin = try RenderCommand.fakeFFmpeg(
      "for last; do :; done\ncat > /dev/null\nrm -rf \"$(dirname \"$last\")\"\nexit 0")
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    let result = try RenderCommand.run(
      ["attention-heatmap", "--output", output.path] + Self.tiny, environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot write") && result.stderr.contains("disappeared"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  /// A disk that fills up: a clear error, nothing under the final name, and the earlier
  /// output untouched. Runs in a mount namespace with a 64 KB tmpfs (PNG frames fill it).
  @Test(.enabled(if: RenderCommand.canUnshare(["-m"]), "needs unshare -m and mount (not permitted here)"))
  func fullDiskKeepsTheEarlierOutput() throws {
    let scratch = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let disk = scratch.appendingPathComponent("disk").path
    let script = """
      set -e
      mkdir -p \(disk)
      mount -t tmpfs -o size=64k tmpfs \(disk)
      mkdir -p \(disk)/attention-heatmap/frames
      printf earlier > \(disk)/attention-heatmap/frames/attention-heatmap-00000.png
      set +e
      \(RenderCommand.executable.path) attention-heatmap --format png --resolution 1280x720 --fps 4 --quiet --output \(disk) 2>&1
      echo "status $?"
      ls -A \(disk)/attention-heatmap \(disk)/attention-heatmap/frames
      cat \(disk)/attention-heatmap/frames/attention-heatmap-00000.png
      echo
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["unshare", "-m", "sh", "-c", script]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.contains("status 1"), "\(text)")
    #expect(lines.first?.hasPrefix("render: error:") == true && text.lowercased().contains("space"), "\(text)")
    #expect(text.contains("No space left on device"), "\(text)")
    #expect(lines.last == "earlier", "the earlier frames, unchanged: \(text)")
    let listing = lines.drop { $0 != "status 1" }
    #expect(!listing.contains { $0.contains(".partial") || $0.contains(".reel-") }, "nothing left behind: \(text)")
  }

  @Test func numbersAndPathsGetPlainMessages() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    for (arguments, words) in [
      (["--fps", "-1"], "--fps must be between 1 and 240; got -1"),
      (["--resolution", "-16x16"], "--resolution must be between 16 and 8192"),
      (["--seed", "-1"], "--seed"),
      (["--at", "-1"], "--at must be between 0 and"),
    ] {
      let result = try RenderCommand.run(["attention-heatmap"] + arguments + ["--output", output.path])
      #expect(result.status == 2 && result.stderr.contains(words), "\(arguments): \(result.stderr)")
      #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
    }
    let file = output.appendingPathComponent("file")
    try Data("x".utf8).write(to: file)
    let result = try RenderCommand.run(["attention-heatmap", "--at", "1", "--output", file.path])
    #expect(result.status == 1 && result.stderr.contains("is a file, not a folder"), "\(result.stderr)")
    #expect(!result.stderr.contains("NSCocoaErrorDomain"))
  }
}
