/// Why an output could not be written, as the one line the user sees.
public enum ExportError: Error, CustomStringConvertible, Equatable {
  case ffmpegMissing
  case ffmpegFailed(status: Int32, tail: String)
  case ffmpegExitedEarly(tail: String)
  case cannotCreateFolder(path: String, reason: String)
  case cannotWrite(path: String, reason: String)
  case interrupted

  public var description: String {
    switch self {
    case .ffmpegMissing:
      return
        "ffmpeg is not installed or not on PATH; install it with: sudo apt-get install ffmpeg (or use --format png)"
    case .ffmpegFailed(let status, let tail):
      return "ffmpeg failed with exit status \(status)" + (tail.isEmpty ? "" : ": \(tail)")
    case .ffmpegExitedEarly(let tail):
      return "ffmpeg exited before all frames were written" + (tail.isEmpty ? "" : ": \(tail)")
    case .cannotCreateFolder(let path, let reason):
      return "cannot create output folder \(path): \(reason); choose another with --output"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    case .interrupted:
      return "interrupted; no partial output was kept"
    }
  }
}
