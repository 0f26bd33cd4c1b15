import ArgumentParser

/// Manim's quality presets: resolution and frame rate in one flag.
enum Quality: String, EnumerableFlag, CaseIterable {
  case low, medium, high, production, fourK

  var width: Int { [854, 1280, 1920, 2560, 3840][index] }
  var height: Int { [480, 720, 1080, 1440, 2160][index] }
  var fps: Int { [15, 30, 60, 60, 60][index] }
  private var index: Int { Self.allCases.firstIndex(of: self)! }

  static func name(for value: Quality) -> NameSpecification {
    let letter = ["l", "m", "h", "p", "k"][value.index]
    return [.customLong("q\(letter)", withSingleDash: true)]
  }

  static func help(for value: Quality) -> ArgumentHelp? {
    ArgumentHelp("\(value.width)x\(value.height) at \(value.fps) fps")
  }
}
