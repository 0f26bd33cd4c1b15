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

  @Test func commitReplacesAFile() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try write("old", to: "clip.mp4")
    try write("new", to: ".clip.partial-1.mp4")
    try CleanupRegistry().commit(path(".clip.partial-1.mp4"), to: path("clip.mp4"))
    #expect(try read("clip.mp4") == "new")
    #expect(!FileManager.default.fileExists(atPath: path(".clip.partial-1.mp4")))
  }

  @Test func commitReplacesAFolderWhole() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(atPath: path("frames"), withIntermediateDirectories: true)
    try write("stale", to: "frames/old.png")
    try FileManager.default.createDirectory(atPath: path(".frames.partial-1"), withIntermediateDirectories: true)
    try write("fresh", to: ".frames.partial-1/new.png")
    try CleanupRegistry().commit(path(".frames.partial-1"), to: path("frames"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: path("frames")) == ["new.png"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["frames"])
  }

  @Test func neverReplacesAFolderWithAFile() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(atPath: path("clip.mp4"), withIntermediateDirectories: true)
    try write("new", to: ".clip.partial-1.mp4")
    #expect(throws: ExportError.self) {
      try CleanupRegistry().commit(path(".clip.partial-1.mp4"), to: path("clip.mp4"))
    }
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: path("clip.mp4"), isDirectory: &isFolder) && isFolder.boolValue)
  }

  @Test func refusesToCommitAfterAbortAndRemovesTemporaries() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let registry = CleanupRegistry()
    try write("partial", to: ".clip.partial-1.mp4")
    registry.track(path(".clip.partial-1.mp4"))
    registry.abort()
    #expect(registry.isAborted)
    #expect(throws: ExportError.interrupted) {
      try registry.commit(path(".clip.partial-1.mp4"), to: path("clip.mp4"))
    }
    registry.removeTemporaries()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func temporaryNamesAreHiddenAndKeepTheExtension() {
    let name = OutputPaths.temporary(for: "/out/attention-heatmap/attention-heatmap.mp4")
    #expect(name == "/out/attention-heatmap/.attention-heatmap.partial-\(getpid()).mp4")
    let paths = OutputPaths(root: "Output", scene: "attention-heatmap")
    #expect(paths.clip(.webm) == "Output/attention-heatmap/attention-heatmap.webm")
    #expect(paths.still(at: 1.5) == "Output/attention-heatmap/attention-heatmap-at-1.50s.png")
    #expect(paths.frame(7, in: "f") == "f/attention-heatmap-00007.png")
  }
}
