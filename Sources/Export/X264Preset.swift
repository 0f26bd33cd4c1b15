/// x264's speed presets, fastest first: a slower preset spends more time to make a
/// smaller file at the same quality (CRF).
public enum X264Preset: String, Sendable, CaseIterable {
  case ultrafast, superfast, veryfast, faster, fast, medium, slow, slower, veryslow

  /// Reel's default for MP4s, chosen by measurement (see `Benchmarks/x264-presets`).
  public static let standard = X264Preset.veryfast
}
