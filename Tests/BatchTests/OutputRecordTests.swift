import Batch
import Foundation
import Testing

@Suite struct OutputRecordTests {
  @Test func aRecordIsCurrentOnlyForItsKeyAndUnchangedFiles() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-record-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/slides", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let clip = folder + "/clip.mp4"
    let slide = folder + "/slides/01-title.png"
    try Data("clip".utf8).write(to: URL(fileURLWithPath: clip))
    try Data("slide".utf8).write(to: URL(fileURLWithPath: slide))
    let record = try OutputRecord(key: "k1", outputs: [slide, clip], folder: folder)
    #expect(record.files.map(\.path) == ["clip.mp4", "slides/01-title.png"])
    let stored = folder + "/record.json"
    try record.encoded().write(to: URL(fileURLWithPath: stored))
    let read = try #require(OutputRecord.read(stored))
    #expect(read == record)
    #expect(read.isCurrent(key: "k1", folder: folder))
    #expect(!read.isCurrent(key: "k2", folder: folder))
    try Data("another clip".utf8).write(to: URL(fileURLWithPath: clip))
    #expect(!read.isCurrent(key: "k1", folder: folder))
    try FileManager.default.removeItem(atPath: slide)
    #expect(!read.isCurrent(key: "k1", folder: folder))
  }

  @Test func aFolderIsRecordedFileByFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-record-\(UUID().uuidString)").path
    let frames = folder + "/frames"
    try FileManager.default.createDirectory(atPath: frames, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for index in 1...3 {
      try Data("frame \(index)".utf8).write(to: URL(fileURLWithPath: frames + "/frame-0000\(index).png"))
    }
    let record = try OutputRecord(key: "k", outputs: [frames], folder: folder)
    #expect(record.files.map(\.path) == (1...3).map { "frames/frame-0000\($0).png" })
    #expect(record.isCurrent(key: "k", folder: folder))
    try FileManager.default.removeItem(atPath: frames + "/frame-00002.png")
    #expect(!record.isCurrent(key: "k", folder: folder))
  }
}
