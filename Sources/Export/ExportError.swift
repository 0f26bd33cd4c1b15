import Foundation

/// Why an output could not be written, as the one line the user sees.
public enum ExportError: Error, CustomStringConvertible, Equatable {
  case ffmpegMissing
  /// `--ffmpeg` or `REEL_FFMPEG` names something that is not an executable file.
  case ffmpegNotExecutable(path: String)
  /// ffmpeg was found but could not be started.
  case cannotStart(path: String, reason: String)
  case ffmpegFailed(status: Int32, tail: String)
  /// `render join` found segments that do not fit together; the text says how.
  case joinRefused(String)
  case ffmpegExitedEarly(tail: String)
  /// ffmpeg read none of its input for this many seconds.
  case ffmpegStalled(seconds: Double)
  case cannotCreateFolder(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  /// Stopped by a signal (SIGINT, SIGTERM, SIGHUP or SIGQUIT).
  case interrupted(signal: Int32)

  public var description: String {
    switch self {
    case .ffmpegMissing:
      return
        "ffmpeg is not installed or not on PATH; install it with: sudo apt-get install ffmpeg (or use --format png, or name it with --ffmpeg PATH)"
    case .ffmpegNotExecutable(let path):
      return "\(path) is not an executable file; point --ffmpeg (or REEL_FFMPEG) at the ffmpeg program"
    case .cannotStart(let path, let reason):
      return "cannot run \(path): \(reason); point --ffmpeg at a working ffmpeg"
    case .joinRefused(let reason):
      return reason
    case .ffmpegFailed(let status, let tail):
      return "ffmpeg failed with exit status \(status)" + (tail.isEmpty ? "" : ": \(tail)")
    case .ffmpegExitedEarly(let tail):
      return "ffmpeg exited before all frames were written" + (tail.isEmpty ? "" : ": \(tail)")
    case .ffmpegStalled(let seconds):
      return String(
        format:
          "ffmpeg stopped reading frames for %g s and was stopped; check the ffmpeg in use, or allow longer with --ffmpeg-timeout",
        seconds)
    case .cannotCreateFolder(let path, let reason):
      return "cannot create output folder \(path): \(reason); choose another with --output"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    case .interrupted:
      return "interrupted; no partial output was kept"
    }
  }

  /// The exit status a shell expects after a signal: 128 + its number.
  public var exitCode: Int32? {
    if case .interrupted(let signal) = self { return 128 + signal }
    return nil
  }
}
