import Foundation

/// Finds `ffprobe`: beside the ffmpeg a render would run, else on `PATH`.
public enum FFprobeLocator {
  /// The ffprobe to read segments with; `render join` needs it to check segments before
  /// joining them, so its absence is a refusal saying how to install it.
  public static func find(besides ffmpeg: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    throws -> String
  {
    let sibling = ((ffmpeg as NSString).deletingLastPathComponent as NSString).appendingPathComponent("ffprobe")
    if FFmpegLocator.isExecutableFile(sibling) { return sibling }
    for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    where FFmpegLocator.isExecutableFile("\(folder)/ffprobe") {
      return "\(folder)/ffprobe"
    }
    throw ExportError.joinRefused(
      "ffprobe is not installed or not on PATH; it comes with ffmpeg: sudo apt-get install ffmpeg")
  }
}
