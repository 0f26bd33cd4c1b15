import Foundation

/// What ffprobe says about one video file: the facts `render join` checks before it
/// concatenates segments.
public struct SegmentProbe: Sendable, Equatable {
  public let path: String
  public let codec: String
  public let width: Int
  public let height: Int
  /// Frames per second as ffprobe writes it, `60/1`.
  public let rate: String
  public let pixelFormat: String
  /// The container: `mp4` or `webm`, from the file's extension.
  public let container: String
  /// The label Reel wrote into a segment, if any.
  public let label: SegmentLabel?

  /// Runs `ffprobe` on `path`.
  public static func probe(_ path: String, ffprobe: String) throws -> SegmentProbe {
    guard FileManager.default.fileExists(atPath: path) else { throw ExportError.joinRefused("\(path): no such file") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ffprobe)
    process.arguments = [
      "-v", "error", "-select_streams", "v:0", "-show_entries",
      "stream=codec_name,width,height,r_frame_rate,pix_fmt:format_tags=comment", "-of", "json", path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw ExportError.cannotStart(path: ffprobe, reason: OutputPaths.reason(error))
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let stream = (json["streams"] as? [[String: Any]])?.first,
      let codec = stream["codec_name"] as? String, let width = stream["width"] as? Int,
      let height = stream["height"] as? Int
    else { throw ExportError.joinRefused("\(path): not a video file ffprobe can read") }
    // MP4 keeps the tag as `comment`; Matroska (WebM) writes it as `COMMENT`.
    let tags = (json["format"] as? [String: Any])?["tags"] as? [String: Any] ?? [:]
    let comment = tags.first { $0.key.lowercased() == "comment" }?.value as? String
    return SegmentProbe(
      path: path, codec: codec, width: width, height: height, rate: stream["r_frame_rate"] as? String ?? "?",
      pixelFormat: stream["pix_fmt"] as? String ?? "?", container: (path as NSString).pathExtension.lowercased(),
      label: comment.flatMap(SegmentLabel.init))
  }
}
