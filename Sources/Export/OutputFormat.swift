/// The kinds of output a clip can be written as.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// H.264 in MP4, yuv420p, BT.709, index first for the web.
  case mp4
  /// The frames as numbered PNG files.
  case png
  /// VP9 in WebM; keeps transparency with `--transparent`.
  case webm
  /// An animated GIF whose palette is computed from frames sampled across the clip.
  case gif

  /// Whether the format can keep an alpha channel.
  public var supportsTransparency: Bool { self == .png || self == .webm }

  /// Whether the format goes through ffmpeg.
  public var needsFFmpeg: Bool { self != .png }

  /// Whether the encoder needs even width and height (chroma subsampling).
  public var needsEvenSize: Bool { self == .mp4 || self == .webm }
}
