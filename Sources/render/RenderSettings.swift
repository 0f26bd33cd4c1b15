import Canvas
import Export
import Reel
import Scenes

/// The checked, resolved render options of one render.
struct RenderSettings {
  static let sizeLimit = 16...8192
  static let fpsLimit = 1...240

  let width: Int
  let height: Int
  /// Frames per second of a clip: the preset's or `--fps`; for a GIF, 100/k.
  let rate: FrameRate
  /// Said before rendering when the rate differs from the one asked for.
  let rateNote: String?
  let format: OutputFormat
  let theme: Theme
  let quiet: Bool
  /// `--ffmpeg`, and how long ffmpeg may stall.
  let ffmpeg: String?
  let ffmpegTimeout: Double

  /// The scene's logical frame: 1080 units high, as wide as the output's aspect ratio.
  var logicalFrame: Size { SceneCatalog.logicalFrame(width: width, height: height) }

  init(_ command: RenderOptions) throws {
    var (width, height) = (command.quality.width, command.quality.height)
    if let text = command.resolution {
      (width, height) = try Self.parseResolution(text)
    }
    let fps = command.fps ?? command.quality.fps
    guard Self.fpsLimit.contains(fps) else {
      throw CLIError.usage(
        "--fps must be between \(Self.fpsLimit.lowerBound) and \(Self.fpsLimit.upperBound); got \(fps)")
    }
    if command.lastFrame && command.at != nil {
      throw CLIError.usage("-s renders the last frame and --at a chosen time; use one of them")
    }
    let stillOnly = command.still != nil
    if !stillOnly && command.format.needsEvenSize && (width % 2 != 0 || height % 2 != 0) {
      throw CLIError.usage(
        "\(command.format.rawValue) needs an even width and height (yuv420p); got \(width)x\(height), try \(width + width % 2)x\(height + height % 2)"
      )
    }
    if command.transparent && !stillOnly && !command.format.supportsTransparency {
      throw CLIError.usage(
        "--transparent works with --format png or webm (or a still with --at), not \(command.format.rawValue)")
    }
    self.width = width
    self.height = height
    if command.format == .gif {
      let gifRate = FrameRate.gif(requested: command.fps)
      rate = gifRate
      if let asked = command.fps, Double(asked) != gifRate.value {
        rateNote = "GIF frames last whole hundredths of a second: \(asked) fps plays at \(gifRate) fps"
      } else {
        rateNote = nil
      }
    } else {
      rate = FrameRate(fps)
      rateNote = nil
    }
    self.format = command.format
    self.theme = command.theme.theme
    self.quiet = command.quiet
    self.ffmpeg = command.ffmpeg
    self.ffmpegTimeout = command.ffmpegTimeout
  }

  /// Parses `WIDTHxHEIGHT` (an `x` or `X` between two whole numbers).
  static func parseResolution(_ text: String) throws -> (Int, Int) {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
      throw CLIError.usage("--resolution must look like 1920x1080; got '\(text)'")
    }
    guard sizeLimit.contains(width), sizeLimit.contains(height) else {
      throw CLIError.usage(
        "--resolution must be between \(sizeLimit.lowerBound) and \(sizeLimit.upperBound) pixels each way; got \(width)x\(height)"
      )
    }
    return (width, height)
  }
}
