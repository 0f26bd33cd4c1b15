import Canvas
import Export
import Foundation
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
  /// Progress as `progress DONE TOTAL` lines, for `render batch`.
  let progressLines: Bool
  /// `--ffmpeg`, and how long ffmpeg may stall.
  let ffmpeg: String?
  let ffmpegTimeout: Double
  /// Frames drawn at once.
  let threads: Int
  /// The outputs' base name: `--name`, else the scene's.
  let name: String
  /// x264's preset and the CRF (nil: the format's default) of an MP4 or WebM clip.
  let preset: X264Preset
  let crf: Int?

  /// The scene's logical frame: 1080 units high, as wide as the output's aspect ratio.
  var logicalFrame: Size { SceneCatalog.logicalFrame(width: width, height: height) }

  init(_ command: RenderOptions, scene: String) throws {
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
    try Self.checkCombinations(command)
    let stillOnly = command.still != nil || command.slides != nil
    let encodesMP4 = command.slides?.contains(.html) == true
    if (encodesMP4 || !stillOnly && command.format.needsEvenSize) && (width % 2 != 0 || height % 2 != 0) {
      throw CLIError.usage(
        "\(encodesMP4 ? "an HTML deck's mp4" : command.format.rawValue) needs an even width and height (yuv420p); got \(width)x\(height), try \(width + width % 2)x\(height + height % 2)"
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
    self.progressLines = command.progressLines
    self.ffmpeg = command.ffmpeg
    self.ffmpegTimeout = command.ffmpegTimeout
    self.threads = command.threads ?? ProcessInfo.processInfo.activeProcessorCount
    guard (1...256).contains(threads) else {
      throw CLIError.usage("--threads must be between 1 and 256; got \(threads)")
    }
    self.name = try Self.checkName(command.name ?? scene)
    (preset, crf) = try Self.checkEncoder(command)
  }

  /// `--preset` and `--crf`, which only an MP4 (or, for the CRF, a WebM) clip takes.
  static func checkEncoder(_ command: RenderOptions) throws -> (X264Preset, Int?) {
    let clip = command.still == nil && command.slides == nil
    if command.preset != nil && !(clip && command.format == .mp4) {
      throw CLIError.usage("--preset chooses x264's speed for an mp4 clip; leave it out for \(what(command))")
    }
    guard let crf = command.crf else { return (command.preset ?? .standard, nil) }
    guard clip && (command.format == .mp4 || command.format == .webm) else {
      throw CLIError.usage("--crf sets the quality of an mp4 or webm clip; leave it out for \(what(command))")
    }
    let range = FFmpegArguments.crfRange(for: command.format)
    guard range.contains(crf) else {
      throw CLIError.usage(
        "--crf must be between \(range.lowerBound) and \(range.upperBound) for \(command.format.rawValue); got \(crf)")
    }
    return (command.preset ?? .standard, crf)
  }

  /// What a command renders, for messages: a still, slides, or a clip's format.
  private static func what(_ command: RenderOptions) -> String {
    if command.still != nil { return "a still" }
    if command.slides != nil { return "slides" }
    return "--format \(command.format.rawValue)"
  }

  /// Options that cannot go together, each refused with what to do instead.
  static func checkCombinations(_ command: RenderOptions) throws {
    let ranged = command.frames != nil || command.part != nil
    if command.frames != nil && command.part != nil {
      throw CLIError.usage("--frames and --part both choose frames; use one of them")
    }
    if command.slides != nil && (command.still != nil || ranged) {
      throw CLIError.usage("--slides renders one picture per section; leave out --at, -s, --frames and --part")
    }
    if command.still != nil && ranged {
      throw CLIError.usage("--at renders one still; --frames and --part render part of a clip; use one of them")
    }
    if ranged && command.format == .gif {
      throw CLIError.usage("--frames and --part work with png, mp4 and webm; a GIF cannot be joined")
    }
    if let slides = command.slides, slides.contains(.html), command.transparent {
      throw CLIError.usage("--slides html plays MP4 clips, which have no transparency; leave out --transparent")
    }
  }

  /// A base name for output files: not empty, no `/`, not hidden.
  static func checkName(_ name: String) throws -> String {
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.contains("\0") else {
      throw CLIError.usage("--name must be a file name without '/' that does not start with '.'; got '\(name)'")
    }
    return name
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
