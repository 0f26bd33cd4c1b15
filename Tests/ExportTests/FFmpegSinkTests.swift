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

  /// A frame that repeats the previous one is sent as the same bytes, without converting
  /// it again: the stream is what converting every frame gives.
  @Test func repeatedFramesSendTheSameBytes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("clip.yuv").path
    let sink = try FFmpegSink(
      commandLine: { ["-c", "cat > '\($0)'"] }, input: .yuv420p, width: 64, height: 48, output: output,
      suffix: ".yuv", ffmpeg: FFmpeg(path: "/bin/sh"), cleanup: CleanupRegistry())
    let (a, b) = (try frame(.white), try frame(Color(rgb: 0xE4572E)))
    try sink.consume(a, index: 0)
    try sink.consume(a, index: 1, repeatsPrevious: true)
    try sink.consume(b, index: 2, repeatsPrevious: false)
    try sink.consume(b, index: 3, repeatsPrevious: true)
    try sink.finish()
    let converter = YUV420Converter(width: 64, height: 48)
    var (yuvA, yuvB) = ([UInt8](), [UInt8]())
    converter.convert(a, into: &yuvA)
    converter.convert(b, into: &yuvB)
    let sent = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(sent == yuvA + yuvA + yuvB + yuvB)
  }
}
