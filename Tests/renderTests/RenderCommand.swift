import Foundation
import Testing

/// Runs the built `render` binary, as a user would.
struct RenderCommand {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// The `render` executable built beside the test bundle.
  static let executable: URL = {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [
      bundleFolder.appendingPathComponent("render"),
      bundleFolder.deletingLastPathComponent().appendingPathComponent("render"),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/render").standardized,
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
  }()

  /// Runs `render` with `arguments`; `environment` entries replace the inherited ones.
  static func run(
    _ arguments: [String], environment: [String: String] = [:],
    then action: ((Process) -> Void)? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    action?(process)
    // Read both pipes to the end before waiting, so a chatty child cannot block.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      outData = out.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Waits until `condition` holds while `process` runs, checking every 5 ms, for at most
  /// `limit` seconds. Returns whether it came true.
  static func waitUntil(_ process: Process, limit: Double = 60, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(limit)
    while process.isRunning && Date() < deadline {
      if condition() { return true }
      usleep(5_000)
    }
    return condition()
  }

  /// Whether `process` has started a child process (ffmpeg) that is still running.
  static func hasChildProcess(_ process: Process) -> Bool {
    let tasks = "/proc/\(process.processIdentifier)/task"
    let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
    return threads.contains { thread in
      let children = (try? String(contentsOfFile: "\(tasks)/\(thread)/children", encoding: .utf8)) ?? ""
      return !children.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
  }

  /// A folder holding an executable `ffmpeg` shell script with `body`, to put first on PATH.
  static func fakeFFmpeg(_ body: String) throws -> URL {
    let bin = try temporaryFolder()
    let script = bin.appendingPathComponent("ffmpeg")
    try Data("#!/bin/sh\n\(body)\n".utf8).write(to: script)
    chmod(script.path, 0o755)
    return bin
  }

  /// The PIDs of `process`'s children now.
  static func childProcesses(of process: Process) -> [Int32] {
    let tasks = "/proc/\(process.processIdentifier)/task"
    let threads = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
    return threads.flatMap { thread in
      ((try? String(contentsOfFile: "\(tasks)/\(thread)/children", encoding: .utf8)) ?? "")
        .split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
  }

  /// Whether a process (not a zombie) with this PID exists.
  static func isRunning(_ pid: Int32) -> Bool {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
    return !status.contains("State:\tZ")
  }

  /// The peak resident memory of `pid` so far, in kilobytes (VmHWM), if it is running.
  static func peakMemory(of pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
  }

  /// Whether this machine lets the tests make namespaces with `unshare` (`options`).
  static func canUnshare(_ options: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["unshare"] + options + ["true"]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// A fresh temporary folder.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reel-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every file under `folder`, relative paths, sorted.
  static func files(in folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var result: [String] = []
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(
        atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
      if exists && !isFolder.boolValue { result.append(path) }
    }
    return result.sorted()
  }
}

/// ffprobe's view of a video stream.
struct VideoProbe {
  let fields: [String: String]

  init(_ path: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
      "-show_entries", "stream=codec_name,pix_fmt,width,height,nb_read_frames,r_frame_rate,color_space:format=duration",
      "-of", "default=noprint_wrappers=1", path,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var fields: [String: String] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
      if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    self.fields = fields
  }

  subscript(_ key: String) -> String? { fields[key] }
}
