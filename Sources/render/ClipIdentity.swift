import Batch

/// A digest of the command-line options that decide a clip's pictures — the scene, its
/// options, size, rate, format, theme — leaving out those that only say which frames, where
/// to or how fast (`--part`, `--output`, `--threads` …). Segments of one clip share it, so
/// `render join` can refuse parts rendered with other options under the same name.
enum ClipIdentity {
  /// Options that take a value and do not change the pictures.
  static let ignoredWithValue: Set<String> = [
    "--frames", "--part", "--threads", "--output", "--ffmpeg", "--ffmpeg-timeout", "--record-key", "--name",
  ]
  /// Flags that do not change the pictures.
  static let ignoredFlags: Set<String> = ["--quiet", "--progress-lines"]

  static func digest(of arguments: [String]) -> String {
    var kept: [String] = []
    var skipValue = false
    for argument in arguments {
      if skipValue {
        skipValue = false
        continue
      }
      let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
      if ignoredFlags.contains(argument) { continue }
      if ignoredWithValue.contains(name) {
        skipValue = !argument.contains("=")
        continue
      }
      kept.append(argument)
    }
    // The scene first, the rest in any order.
    return String(SHA256.hex(([kept.first ?? ""] + kept.dropFirst().sorted()).joined(separator: "\n")).prefix(16))
  }
}
