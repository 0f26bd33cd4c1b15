import Foundation
import Testing

/// Frames drawn on several threads at once are the frames one thread draws, byte for byte.
@Suite struct ParallelRenderTests {
  @Test func parallelFramesEqualSerialFrames() throws {
    var folders: [URL] = []
    defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
    var frames: [[String: Data]] = []
    for threads in ["1", "2", "4"] {
      let output = try RenderCommand.temporaryFolder()
      folders.append(output)
      let result = try RenderCommand.run(
        [
          "qkv-flow", "--resolution", "320x180", "--fps", "6", "--format", "png", "--frames", "0-60",
          "--threads", threads, "--quiet", "--output", output.path,
        ])
      #expect(result.status == 0, "\(result.stderr)")
      let folder = output.appendingPathComponent("qkv-flow/frames")
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      frames.append(
        Dictionary(
          uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }))
    }
    #expect(frames[0].count == 61)
    #expect(frames[1] == frames[0] && frames[2] == frames[0])
  }
}
