import Batch
import Export
import Foundation
import Reel

/// A parsed scene command that can say what it would render without rendering it.
protocol PlannableRender {
  func plan() throws -> RenderPlan
}

/// What one render makes: which kind of output, where, and roughly how much work it is.
/// The CLI renders by it; `render batch` schedules, caches and reports by it.
struct RenderPlan {
  enum Mode: Equatable {
    case clip
    case still(StillTime)
    case slides(SlideKinds)
    case frames(ClosedRange<Int>)
    /// `--part` with more parts than frames: this part has none.
    case nothing(String)
  }

  let mode: Mode
  let paths: OutputPaths
  /// Frames drawn: the clip's or range's frames, a still's one, or slides plus deck frames.
  let frames: Int
  /// Pixels drawn, for scheduling the biggest jobs first.
  let cost: Double
  /// Names the kind of output in the record's file name, so records of different kinds of
  /// output of one name do not overwrite each other.
  let modeTag: String
  /// The files (or, for slides, file patterns) this render writes: two jobs of a batch that
  /// share one would overwrite each other.
  let outputs: Set<String>

  init(options: RenderOptions, settings: RenderSettings, timeline: Timeline) throws {
    paths = OutputPaths(root: options.output, scene: settings.name)
    let clipFrames = FrameSchedule.whole(of: timeline, rate: settings.rate).count
    if let still = options.still {
      mode = .still(still)
      frames = 1
    } else if let slides = options.slides {
      mode = .slides(slides)
      let slideCount = max(1, timeline.sections.count)
      // The deck's clips together are about as long as the whole clip.
      frames =
        slideCount * ([.png, .pdf, .svg].filter(slides.contains).count) + (slides.contains(.html) ? clipFrames : 0)
    } else if let range = options.frames {
      let resolved = try range.resolved(frameCount: clipFrames)
      mode = .frames(resolved)
      frames = resolved.count
    } else if let part = options.part {
      if let resolved = part.resolved(frameCount: clipFrames) {
        mode = .frames(resolved)
        frames = resolved.count
      } else {
        mode = .nothing("part \(part.index)/\(part.count) has no frames: the clip has \(clipFrames)")
        frames = 0
      }
    } else {
      mode = .clip
      frames = clipFrames
    }
    cost = Double(frames) * Double(settings.width * settings.height)
    modeTag = Self.tag(mode, format: settings.format)
    outputs = Self.outputs(mode, format: settings.format, paths: paths)
  }

  private static func tag(_ mode: Mode, format: OutputFormat) -> String {
    switch mode {
    case .clip: return format.rawValue
    case .still(.end): return "at-end"
    case .still(.seconds(let seconds)): return "at-\(OutputPaths.timeLabel(seconds))s"
    case .slides(let kinds):
      return "slides-" + SlideKinds.Kind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: "+")
    case .frames(let range): return "\(format.rawValue)-frames-\(range.lowerBound)-\(range.upperBound)"
    case .nothing: return "nothing"
    }
  }

  private static func outputs(_ mode: Mode, format: OutputFormat, paths: OutputPaths) -> Set<String> {
    let pattern = { (ext: String) in (paths.slides as NSString).appendingPathComponent("*.\(ext)") }
    switch mode {
    case .clip: return [format == .png ? paths.frames : paths.clip(format)]
    case .still: return [(paths.folder as NSString).appendingPathComponent(Self.tag(mode, format: format))]
    case .slides(let kinds):
      var outputs: Set<String> = []
      if kinds.contains(.png) { outputs.insert(pattern("png")) }
      if kinds.contains(.svg) { outputs.insert(pattern("svg")) }
      if kinds.contains(.pdf) { outputs.insert(paths.slidesPDF) }
      if kinds.contains(.html) { outputs.formUnion([paths.deckPage, paths.deckClips]) }
      return outputs
    case .frames(let range):
      return [format == .png ? paths.frames + "/\(range)" : paths.segment(format, frames: range)]
    case .nothing: return []
    }
  }

  /// `<folder>/.<name>.<kind>.reel-record.json`: what `render batch` checks to skip a job.
  var recordPath: String {
    (paths.folder as NSString).appendingPathComponent(".\(paths.scene).\(modeTag).reel-record.json")
  }

  /// Writes the record of `outputs`, made with `key`, under a temporary name then renamed.
  func record(key: String, outputs: [String], cleanup: CleanupRegistry) throws {
    let record = try OutputRecord(key: key, outputs: outputs, folder: paths.folder)
    let temporary = try cleanup.temporary(for: recordPath)
    do {
      try record.encoded().write(to: URL(fileURLWithPath: temporary))
    } catch {
      throw ExportError.cannotWrite(path: recordPath, reason: OutputPaths.reason(error))
    }
    try cleanup.commit(temporary, to: recordPath)
  }
}
