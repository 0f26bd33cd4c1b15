import Canvas
import Foundation
import Testing

@testable import Export

/// What the sink sends ffmpeg, captured by a stand-in that copies its input to the output.
@Suite struct FFmpegSinkTests {
  func frame(_ color: Color) throws -> ImageSurface {
    let surface = try ImageSurface(width: 64, height: 48)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: color)
    canvas.fill(.rectangle(Rect(x: 10, y: 5, width: 20, height: 30)), with: .solid(Color(rgb: 0x2F6FD0)))
    return surface
  }

  /// Frames larger than the pipe and kept until the next write are spliced into it by
  /// reference: ffmpeg still reads exactly the bytes of each, in order.
  @Test func splicedFramesReachFFmpegIntact() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("clip.yuv").path
    let (width, height) = (1920, 1080)
    let sink = try FFmpegSink(
      commandLine: { ["-c", "cat > '\($0)'"] }, input: .yuv420p, width: width, height: height, output: output,
      suffix: ".yuv", ffmpeg: FFmpeg(path: "/bin/sh"), cleanup: CleanupRegistry())
    // Two buffers used in turn, each rewritten only after the frame after it was written.
    let count = width * height * 3 / 2
    var buffers = [[UInt8](repeating: 0, count: count), [UInt8](repeating: 0, count: count)]
    var sent: [UInt8] = []
    for index in 0..<6 {
      var random = SystemRandomNumberGenerator()
      for offset in stride(from: 0, to: count, by: 997) { buffers[index % 2][offset] = random.next() }
      sent += buffers[index % 2]
      try buffers[index % 2].withUnsafeBytes { try sink.write($0, index: index, keptUntilNextWrite: index < 5) }
    }
    try sink.finish()
    #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(sent))
  }

  /// Frames encoded by the sink's encoding reach ffmpeg as they are, one after another.
  @Test func encodedFramesReachFFmpegInOrder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("clip.yuv").path
    let sink = try FFmpegSink(
      commandLine: { ["-c", "cat > '\($0)'"] }, input: .yuv420p, width: 64, height: 48, output: output,
      suffix: ".yuv", ffmpeg: FFmpeg(path: "/bin/sh"), cleanup: CleanupRegistry())
    let converter = YUV420Converter(width: 64, height: 48)
    var (yuvA, yuvB) = ([UInt8](), [UInt8]())
    converter.convert(try frame(.white), into: &yuvA)
    converter.convert(try frame(Color(rgb: 0xE4572E)), into: &yuvB)
    var encoded = [UInt8](repeating: 0, count: sink.encoding.byteCount)
    for (index, surface) in [try frame(.white), try frame(Color(rgb: 0xE4572E))].enumerated() {
      encoded.withUnsafeMutableBytes { sink.encoding.encode(surface, into: $0) }
      try encoded.withUnsafeBytes { try sink.write($0, index: index, keptUntilNextWrite: false) }
    }
    try sink.finish()
    let sent = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(sent == yuvA + yuvB)
  }
}
