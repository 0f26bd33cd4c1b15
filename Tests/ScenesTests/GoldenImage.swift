import Canvas
import Foundation
import Testing

/// Compares a rendered frame with a reference PNG beside the tests.
///
/// Set `REEL_RECORD=1` to (re)write the references. A comparison passes when at most
/// `maxDifferingFraction` of the pixels differ by more than `channelTolerance` in any
/// channel; on failure an amplified difference image is written to the temporary folder.
struct GoldenImage {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  var channelTolerance = 2
  var maxDifferingFraction = 0.0001

  func check(_ frame: ImageSurface, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let reference = Self.folder.appendingPathComponent("\(name).png").path
    if ProcessInfo.processInfo.environment["REEL_RECORD"] == "1" {
      try PNG.write(frame, to: reference, opaque: true, fast: false)
      return
    }
    guard FileManager.default.fileExists(atPath: reference) else {
      Issue.record(
        "no golden image \(name).png; record it with REEL_RECORD=1 swift test", sourceLocation: sourceLocation)
      return
    }
    let expected = try PNG.read(reference)
    #expect(expected.width == frame.width && expected.height == frame.height, sourceLocation: sourceLocation)
    guard expected.width == frame.width, expected.height == frame.height else { return }
    let actualPath = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-actual-\(getpid()).png")
      .path
    try PNG.write(frame, to: actualPath, opaque: true)
    let actual = try PNG.read(actualPath)
    var differing = 0
    var diff = [UInt8](repeating: 0, count: actual.rgba.count)
    for index in stride(from: 0, to: actual.rgba.count, by: 4) {
      var worst = 0
      for k in 0..<3 { worst = max(worst, abs(Int(actual.rgba[index + k]) - Int(expected.rgba[index + k]))) }
      if worst > channelTolerance { differing += 1 }
      diff[index] = UInt8(min(255, worst * 8))
      diff[index + 3] = 255
    }
    let fraction = Double(differing) / Double(frame.width * frame.height)
    if fraction > maxDifferingFraction {
      let diffPath = try writeDiff(diff, width: frame.width, height: frame.height, name: name)
      Issue.record(
        "\(name): \(differing) pixels (\(String(format: "%.3f", fraction * 100))%) differ; actual \(actualPath), diff \(diffPath)",
        sourceLocation: sourceLocation)
    } else {
      unlink(actualPath)
    }
  }

  private func writeDiff(_ rgba: [UInt8], width: Int, height: Int, name: String) throws -> String {
    let surface = try ImageSurface(width: width, height: height)
    surface.withUnsafeMutablePixels { pixels in
      for index in stride(from: 0, to: rgba.count, by: 4) {
        pixels[index] = 0
        pixels[index + 1] = 0
        pixels[index + 2] = rgba[index]
        pixels[index + 3] = 255
      }
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-diff-\(getpid()).png").path
    try PNG.write(surface, to: path, opaque: true)
    return path
  }
}
