import ArgumentParser
import Foundation
import Scenes

/// `render`: turns a scene from the catalog into a clip, a frame sequence or a still.
@main
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render Reel scenes — transformer concepts as pictures and video.",
    discussion: """
      Examples:
        render attention-heatmap               1080p60 MP4 into Output/
        render attention-heatmap -ql           quick 480p15 preview
        render attention-heatmap --at end      the last frame as a still (also -s)
        render attention-heatmap --at 3        one still at t = 3 s
        render softmax --theme dark            for a dark lecture hall
        render softmax --logits 3,1,0.2,-1 --labels cat,dog,car,sky
        render attention-heatmap --slides      PNG slides and a vector PDF, one per section
        render softmax --slides html           a click-through deck that plays each section
        render batch course.yaml               many renders, cached, on all cores, with a gallery
        render attention-heatmap --part 2/4    one of four frame ranges (then: render join)
        render tex 'e^{i\\pi}+1=0' -o e.svg    one formula as a PNG, SVG or PDF, no LaTeX needed
        render list                            the scenes, one line each
        render <scene> --help                  a scene's own options
      """,
    subcommands: [ListScenes.self, BatchCommand.self, JoinSegments.self, TexCommand.self, ExportAttentionCommand.self]
      + SceneCatalog.all.map { sceneCommand($0) }
  )

  /// Parses and runs, turning every failure into one line on stderr and an exit code:
  /// 2 for bad usage, 1 for a failed render, 130 for an interruption.
  static func main() {
    signal(SIGPIPE, SIG_IGN)  // a dead ffmpeg must surface as EPIPE, not kill us
    let arguments = withSlidesDefault(Array(CommandLine.arguments.dropFirst()))
    do {
      try checkSceneName(arguments.first)
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let error as CLIError {
      printError(error.description)
      Foundation.exit(error.exitCode)
    } catch {
      if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
      if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
      let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      if let scene = arguments.first, SceneCatalog.scene(named: scene) != nil {
        printError("\(scene): \(lowercasingFirst(message)) (see 'render \(scene) --help')")
      } else {
        printError("\(message) (see 'render --help')")
      }
      Foundation.exit(2)
    }
  }

  /// A bare `--slides` (last, or followed by another option) means `--slides png,pdf`.
  static func withSlidesDefault(_ arguments: [String]) -> [String] {
    arguments.enumerated().map { index, argument in
      guard argument == "--slides" else { return argument }
      let next = arguments.indices.contains(index + 1) ? arguments[index + 1] : nil
      return next == nil || next?.hasPrefix("-") == true ? "--slides=\(SlideKinds.defaultValue)" : argument
    }
  }

  /// A first argument that is neither an option nor a command must be a scene.
  static func checkSceneName(_ first: String?) throws {
    guard let first, !first.hasPrefix("-") else { return }
    let commands = configuration.subcommands.map { $0._commandName } + ["help"]
    guard !commands.contains(first) else { return }
    throw CLIError.usage("unknown scene '\(first)'; the scenes are:\n" + ListScenes.listing)
  }

  static func lowercasingFirst(_ text: String) -> String {
    let text = text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text
    guard let first = text.first, first.isUppercase, !text.dropFirst().prefix(1).allSatisfy(\.isUppercase) else {
      return text
    }
    return first.lowercased() + text.dropFirst()
  }

  static func printError(_ message: String) {
    let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    // On a terminal, first clear a progress bar the error interrupts.
    let clearLine = isatty(STDERR_FILENO) != 0 ? "\r\u{1B}[K" : ""
    StandardError.write("\(clearLine)render: error: \(text)\n")
  }
}
