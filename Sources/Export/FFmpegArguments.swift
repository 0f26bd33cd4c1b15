/// The ffmpeg command line for encoding raw frames from stdin into `format`.
///
/// Opaque MP4 and WebM frames arrive already converted to yuv420p (BT.709, limited range)
/// by Reel, in parallel with drawing; transparent WebM and GIF take BGRA with straight alpha.
public struct FFmpegArguments: Sendable, Equatable {
  public var width: Int
  public var height: Int
  public var fps: Int
  public var format: OutputFormat
  public var transparent: Bool

  public init(width: Int, height: Int, fps: Int, format: OutputFormat, transparent: Bool) {
    self.width = width
    self.height = height
    self.fps = fps
    self.format = format
    self.transparent = transparent
  }

  /// Whether frames are sent as yuv420p rather than BGRA.
  public var sendsYUV: Bool { (format == .mp4 || format == .webm) && !transparent }

  public func arguments(output: String) -> [String] {
    let input = [
      "-hide_banner", "-loglevel", "error", "-nostats", "-y",
      "-f", "rawvideo", "-pix_fmt", sendsYUV ? "yuv420p" : "bgra", "-s", "\(width)x\(height)",
      "-framerate", "\(fps)", "-i", "-", "-an",
    ]
    // Tagged BT.709, limited range, so players do not shift colours.
    let bt709 = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"]
    switch format {
    case .mp4:
      return input + ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-tune", "animation"]
        + bt709 + ["-movflags", "+faststart", "-f", "mp4", output]
    case .webm:
      let convert = transparent ? ["-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuva420p"] : []
      return input + convert + [
        "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "32", "-deadline", "good", "-cpu-used", "5", "-row-mt", "1",
      ] + bt709 + ["-f", "webm", output]
    case .gif:
      return input + [
        "-filter_complex",
        "[0:v]split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=sierra2_4a:diff_mode=rectangle",
        "-loop", "0", "-f", "gif", output,
      ]
    case .png:
      return input + ["-f", "image2", output]
    }
  }
}
