import ArgumentParser
import Foundation

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
        render attention-heatmap --at 3        one still at t = 3 s
        render attention-heatmap --causal --colormap magma --tokens "I saw her duck"
        render list                            the scenes, one line each
      """,
    subcommands: [RenderScene.self, ListScenes.self],
    defaultSubcommand: RenderScene.self
  )

  /// Parses and runs, turning every failure into one line on stderr and an exit code:
  /// 2 for bad usage, 1 for a failed render, 130 for an interruption.
  static func main() {
    signal(SIGPIPE, SIG_IGN)  // a dead ffmpeg must surface as EPIPE, not kill us
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as CLIError {
      printError(error.description)
      Foundation.exit(error.exitCode)
    } catch {
      if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
      if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
      let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
      printError("\(message) (see 'render --help')")
      Foundation.exit(2)
    }
  }

  static func printError(_ message: String) {
    let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
    // On a terminal, first clear a progress bar the error interrupts.
    let clearLine = isatty(STDERR_FILENO) != 0 ? "\r\u{1B}[K" : ""
    StandardError.write("\(clearLine)render: error: \(text)\n")
  }
}
