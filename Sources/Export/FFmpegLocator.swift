import Foundation

/// Finds the ffmpeg program: `--ffmpeg PATH` if given, else `REEL_FFMPEG`, else the first
/// executable regular file called `ffmpeg` on `PATH` (a folder of that name is skipped).
public enum FFmpegLocator {
  public static func find(
    explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String {
    if let chosen = explicit ?? environment["REEL_FFMPEG"], !chosen.isEmpty {
      guard isExecutableFile(chosen) else { throw ExportError.ffmpegNotExecutable(path: chosen) }
      return chosen
    }
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for folder in folders where isExecutableFile("\(folder)/ffmpeg") {
      return "\(folder)/ffmpeg"
    }
    throw ExportError.ffmpegMissing
  }

  /// Whether `path` is a regular file (after links) that may be executed.
  static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
  }
}

/// The ffmpeg a render runs, and how long it may go without reading a frame before the
/// render gives up on it.
public struct FFmpeg: Sendable, Equatable {
  public let path: String
  public let stallTimeout: Double

  public init(path: String, stallTimeout: Double = 60) {
    self.path = path
    self.stallTimeout = stallTimeout
  }

  /// The ffmpeg found by `FFmpegLocator` (`explicit` first).
  public static func locate(explicit: String? = nil, stallTimeout: Double = 60) throws -> FFmpeg {
    FFmpeg(path: try FFmpegLocator.find(explicit: explicit), stallTimeout: stallTimeout)
  }
}
