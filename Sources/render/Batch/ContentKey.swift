import Batch
import Canvas
import Export
import Foundation
import Reel

/// The content key of a render: a SHA-256 over everything that decides its outputs — the
/// scene and its options, the render settings (both in the command line), Reel's version
/// and build, the drawing libraries, the installed fonts and the ffmpeg that encodes.
/// Equal keys mean equal outputs, on any machine and in any process.
struct ContentKey {
  /// The part every job shares, hashed once per batch.
  let environment: String

  init(ffmpeg: String?) {
    var hasher = SHA256()
    hasher.update("reel \(ReelVersion.current)\n")
    hasher.update("render \(Self.identity(of: Self.executable))\n")
    hasher.update(RenderingLibraries.versions + "\n")
    hasher.update(RenderingLibraries.fonts + "\n")
    let encoder = ffmpeg ?? (try? FFmpegLocator.find())
    hasher.update("ffmpeg \(encoder.map { "\($0) \(Self.identity(of: $0))" } ?? "none")\n")
    environment = hasher.finalizeHex()
  }

  /// The key of the render `arguments` describe.
  func key(for arguments: [String]) -> String {
    SHA256.hex(([environment] + arguments).joined(separator: "\n"))
  }

  /// This program's path.
  static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// A file's size and modification time: another build of Reel, another ffmpeg.
  static func identity(of path: String) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else { return "missing" }
    return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
  }
}
