import ArgumentParser

/// Manim's quality presets: resolution and frame rate in one flag.
enum Quality: String, EnumerableFlag, CaseIterable {
  case low, medium, high, production, fourK

  /// Width, height, frames per second and the flag's letter (`-ql` …).
  private var preset: (width: Int, height: Int, fps: Int, letter: String) {
    switch self {
    case .low: return (854, 480, 15, "l")
    case .medium: return (1280, 720, 30, "m")
    case .high: return (1920, 1080, 60, "h")
    case .production: return (2560, 1440, 60, "p")
    case .fourK: return (3840, 2160, 60, "k")
    }
  }

  var width: Int { preset.width }
  var height: Int { preset.height }
  var fps: Int { preset.fps }

  static func name(for value: Quality) -> NameSpecification {
    [.customLong("q\(value.preset.letter)", withSingleDash: true)]
  }

  static func help(for value: Quality) -> ArgumentHelp? {
    ArgumentHelp("\(value.width)x\(value.height) at \(value.fps) fps")
  }
}
