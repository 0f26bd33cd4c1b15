import Foundation

/// Finds the ffmpeg executable on `PATH`.
public enum FFmpegLocator {
  public static func find(
    named name: String = "ffmpeg",
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> String {
    let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    for folder in folders {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw ExportError.ffmpegMissing
  }
}
