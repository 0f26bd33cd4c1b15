/// How raw frames travel to ffmpeg's stdin.
public enum RawFrameFormat: Sendable, Equatable {
  /// Planar 4:2:0, converted by Reel (BT.709, limited range).
  case yuv420p
  /// Cairo's pixels as they are: fine for opaque frames, whose alpha is 255.
  case opaqueBGRA
  /// BGRA with straight alpha, for transparent output.
  case straightBGRA

  var pixelFormat: String { self == .yuv420p ? "yuv420p" : "bgra" }
}

/// The ffmpeg command line for encoding raw frames from stdin into `format`.
///
/// Opaque MP4 and WebM frames arrive already converted to yuv420p by Reel, so ffmpeg only
/// encodes; transparent WebM and GIF take BGRA. A GIF maps its colours through `palette`,
/// a palette PNG made beforehand from sample frames (see `GIFPalette`).
public struct FFmpegArguments: Sendable, Equatable {
  public var width: Int
  public var height: Int
  public var rate: FrameRate
  public var format: OutputFormat
  public var transparent: Bool
  public var palette: String?
  /// Written into the file's metadata (a segment's `SegmentLabel`).
  public var comment: String?
  /// x264's preset, for MP4.
  public var preset = X264Preset.standard
  /// The constant rate factor (lower: better and larger); nil for the format's default,
  /// `defaultCRF`.
  public var crf: Int?

  /// CRF when none is asked for: visually lossless for flat-colour animation (MP4), or
  /// good at a fraction of the size (WebM).
  public static func defaultCRF(for format: OutputFormat) -> Int { format == .webm ? 32 : 18 }

  /// The CRFs each encoder accepts.
  public static func crfRange(for format: OutputFormat) -> ClosedRange<Int> { format == .webm ? 0...63 : 0...51 }

  public init(
    width: Int, height: Int, rate: FrameRate, format: OutputFormat, transparent: Bool, palette: String? = nil
  ) {
    self.width = width
    self.height = height
    self.rate = rate
    self.format = format
    self.transparent = transparent
    self.palette = palette
  }

  /// How frames are sent.
  public var input: RawFrameFormat {
    if transparent { return .straightBGRA }
    return format == .mp4 || format == .webm ? .yuv420p : .opaqueBGRA
  }

  /// ffmpeg's options for reading raw frames of this size from stdin.
  static func rawInput(_ format: RawFrameFormat, width: Int, height: Int, rate: FrameRate) -> [String] {
    [
      "-hide_banner", "-loglevel", "error", "-nostats", "-y",
      "-f", "rawvideo", "-pix_fmt", format.pixelFormat, "-s", "\(width)x\(height)",
      "-framerate", "\(rate)", "-i", "-", "-an",
    ]
  }

  public func arguments(output: String) -> [String] {
    let input = Self.rawInput(self.input, width: width, height: height, rate: rate)
    // Tagged BT.709, limited range, so players do not shift colours.
    let bt709 =
      ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"]
      + (comment.map { ["-metadata", "comment=\($0)"] } ?? [])
    switch format {
    case .mp4:
      return input + ["-c:v", "libx264", "-preset", preset.rawValue, "-crf", "\(crf ?? Self.defaultCRF(for: .mp4))"]
        + ["-tune", "animation"]
        + bt709 + ["-movflags", "+faststart", "-f", "mp4", output]
    case .webm:
      let convert = transparent ? ["-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuva420p"] : []
      return input + convert + [
        "-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "\(crf ?? Self.defaultCRF(for: .webm))", "-deadline", "good",
        "-cpu-used", "5", "-row-mt", "1",
      ] + bt709 + ["-f", "webm", output]
    case .gif:
      let dither = "paletteuse=dither=sierra2_4a:diff_mode=rectangle"
      guard let palette else {
        // Without a palette made beforehand ffmpeg must hold every frame: small clips only.
        return input + [
          "-filter_complex", "[0:v]split[a][b];[a]palettegen[p];[b][p]\(dither)", "-loop", "0", "-f", "gif", output,
        ]
      }
      // Read as one image, not a pattern: `%d` in a folder name stays literal.
      return input + ["-f", "image2", "-pattern_type", "none", "-i", palette, "-filter_complex", "[0:v][1:v]\(dither)"]
        + ["-loop", "0", "-f", "gif", output]
    case .png:
      return input + ["-f", "image2", output]
    }
  }
}
