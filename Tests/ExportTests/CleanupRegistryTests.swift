import Foundation
import Testing

@testable import Export

@Suite struct CleanupRegistryTests {
  let folder: URL

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-cleanup-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  func write(_ text: String, to name: String) throws {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }

  func read(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
  }

  func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

  @Test func commitReplacesAFile() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let registry = CleanupRegistry()
    try write("old", to: "clip.mp4")
    let temporary = try registry.temporary(for: path("clip.mp4"))
    try Data("new".utf8).write(to: URL(fileURLWithPath: temporary))
    try registry.commit(temporary, to: path("clip.mp4"))
    #expect(try read("clip.mp4") == "new")
    #expect(try names() == ["clip.mp4"])
  }

  @Test func commitReplacesAFolderWhole() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let registry = CleanupRegistry()
    try FileManager.default.createDirectory(atPath: path("frames"), withIntermediateDirectories: true)
    try write("stale", to: "frames/old.png")
    let temporary = try registry.temporary(for: path("frames"), folder: true)
    try Data("fresh".utf8).write(to: URL(fileURLWithPath: temporary).appendingPathComponent("new.png"))
    try registry.commit(temporary, to: path("frames"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: path("frames")) == ["new.png"])
    #expect(try names() == ["frames"])
  }

  /// Eight renders commit the same frames folder at once: all succeed, one complete
  /// folder remains, nothing else.
  @Test func concurrentFolderCommitsAllSucceed() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: 8) { render in
      do {
        let registry = CleanupRegistry()
        let temporary = try registry.temporary(for: path("frames"), folder: true)
        for frame in 0..<5 {
          try Data("\(render)".utf8).write(to: URL(fileURLWithPath: temporary).appendingPathComponent("f\(frame).png"))
        }
        try registry.commit(temporary, to: path("frames"))
      } catch {
        failures.add("\(error)")
      }
    }
    #expect(failures.all.isEmpty, "\(failures.all)")
    let frames = try FileManager.default.contentsOfDirectory(atPath: path("frames")).sorted()
    #expect(frames == (0..<5).map { "f\($0).png" })
    // Every frame from the same render: nobody saw or left a mix.
    #expect(Set(try frames.map { try read("frames/\($0)") }).count == 1)
    #expect(try names() == ["frames"])
  }

  @Test func neverReplacesAFolderWithAFile() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let registry = CleanupRegistry()
    try FileManager.default.createDirectory(atPath: path("clip.mp4"), withIntermediateDirectories: true)
    let temporary = try registry.temporary(for: path("clip.mp4"))
    #expect(throws: ExportError.self) { try registry.commit(temporary, to: path("clip.mp4")) }
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: path("clip.mp4"), isDirectory: &isFolder) && isFolder.boolValue)
  }

  @Test func refusesToCommitAfterAnInterruptionAndRemovesTemporaries() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let registry = CleanupRegistry()
    let temporary = try registry.temporary(for: path("clip.mp4"))
    registry.abort(signal: SIGHUP)
    #expect(registry.isAborted)
    #expect(throws: ExportError.interrupted(signal: SIGHUP)) { try registry.commit(temporary, to: path("clip.mp4")) }
    #expect(ExportError.interrupted(signal: SIGHUP).exitCode == 129)
    registry.finish()
    #expect(try names().isEmpty)
  }

  @Test func temporaryNamesAreUniqueHiddenAndKeepTheExtension() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try CleanupRegistry().temporary(for: path("clip.mp4"))
    let second = try CleanupRegistry().temporary(for: path("clip.mp4"))
    #expect(first != second, "two renders in one folder never share a name")
    for name in [first, second].map({ ($0 as NSString).lastPathComponent }) {
      #expect(name.hasPrefix(".clip.partial-") && name.hasSuffix(".mp4"))
      #expect(FileManager.default.fileExists(atPath: path(name)), "created at once, so nobody else takes it")
    }
    let id = RenderID(host: "box-7.lan", pid: 1, random: 0xABC)
    #expect(id.description == "box-7-lan_1_0000000000000abc")
    #expect(RenderID(parsingPrefixOf: "\(id).mp4") == id)
    #expect(RenderID(parsingPrefixOf: "1234.mp4") == nil)
  }

  @Test func pathsNameStillsToTheMillisecond() {
    let paths = OutputPaths(root: "Output", scene: "attention-heatmap")
    #expect(paths.clip(.webm) == "Output/attention-heatmap/attention-heatmap.webm")
    #expect(paths.still(at: 1.5) == "Output/attention-heatmap/attention-heatmap-at-1.5s.png")
    #expect(paths.still(at: 2.996) != paths.still(at: 3))
    #expect(paths.still(at: 3).hasSuffix("-at-3s.png") && paths.still(at: -0.0).hasSuffix("-at-0s.png"))
    #expect(paths.frame(7, in: "f") == "f/attention-heatmap-00007.png")
  }

  /// Leftovers of a render that is gone (its lock file can be locked) are swept; those of a
  /// live render (its lock held — by any process, in any namespace) are kept.
  @Test func sweepJudgesByLocksNotByPIDs() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let gone = RenderID(host: "other", pid: 1, random: 1)
    let alive = RenderID(host: "other", pid: 1, random: 2)
    try write("x", to: ".clip.partial-\(gone).mp4")
    try write("", to: ".reel-\(gone).lock")  // nobody holds it
    try write("x", to: ".clip.partial-\(alive).mp4")
    let held = open(path(".reel-\(alive).lock"), O_CREAT | O_RDWR, 0o644)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)
    let registry = CleanupRegistry()
    try registry.claim(folder.path)
    let left = try names()
    #expect(!left.contains(".clip.partial-\(gone).mp4") && !left.contains(".reel-\(gone).lock"))
    #expect(left.contains(".clip.partial-\(alive).mp4") && left.contains(".reel-\(alive).lock"))
    #expect(left.contains(".reel-\(registry.id).lock"), "the render holds its own lock")
    registry.finish()
    #expect(try !names().contains(".reel-\(registry.id).lock"))
  }

  @Test func leftoversWithoutALockAreSweptOnlyWhenOld() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try write("x", to: ".clip.partial-4242.mp4")  // an older Reel's name
    try write("x", to: ".frames.partial-77")
    var old = [timeval(tv_sec: 1_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000, tv_usec: 0)]
    #expect(utimes(path(".frames.partial-77"), &old) == 0)
    let registry = CleanupRegistry()
    try registry.claim(folder.path)
    #expect(try names().contains(".clip.partial-4242.mp4"))
    #expect(try !names().contains(".frames.partial-77"))
    registry.finish()
  }

  @Test func stderrTailStaysTheSameSizeWhateverIsPrinted() {
    let tail = StderrTail(capacity: 64)
    let chunk = [UInt8](repeating: UInt8(ascii: "y"), count: 10_000)
    for _ in 0..<100 { chunk.withUnsafeBytes { tail.append($0) } }
    let last = Array("disk on fire\n".utf8)
    last.withUnsafeBytes { tail.append($0) }
    #expect(tail.bytes.count == 64)
    #expect(tail.text.hasSuffix("disk on fire"))
  }

  @Test func ffmpegLookupSkipsFoldersAndChecksTheChosenPath() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(atPath: path("bin/ffmpeg"), withIntermediateDirectories: true)
    let found = try FFmpegLocator.find(environment: ["PATH": "\(path("bin")):/usr/bin:/bin"])
    #expect(found.hasSuffix("/ffmpeg") && !found.hasPrefix(path("bin")))
    #expect(throws: ExportError.ffmpegNotExecutable(path: path("bin/ffmpeg"))) {
      try FFmpegLocator.find(explicit: path("bin/ffmpeg"))
    }
    #expect(throws: ExportError.ffmpegMissing) { try FFmpegLocator.find(environment: ["PATH": path("bin")]) }
    #expect(try FFmpegLocator.find(environment: ["REEL_FFMPEG": found, "PATH": ""]) == found)
  }
}

/// Error texts collected from several threads.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func add(_ item: String) { lock.withLock { items.append(item) } }
  var all: [String] { lock.withLock { items } }
}
