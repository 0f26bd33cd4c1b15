import Dispatch
import Export
import Foundation

/// On Ctrl-C (SIGINT) or SIGTERM: stops ffmpeg and marks the render aborted, so it unwinds,
/// deletes its temporary output and exits with 130. Should it not finish within a few
/// seconds, the handler deletes what is left and exits itself.
final class InterruptHandler {
  private var sources: [DispatchSourceSignal] = []
  static let grace: DispatchTimeInterval = .seconds(3)

  init(cleanup: CleanupRegistry) {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        cleanup.abort()
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.grace) {
          cleanup.killChildren()
          cleanup.removeTemporaries()
          StandardError.write("\nrender: error: \(ExportError.interrupted)\n")
          _exit(130)
        }
      }
      source.resume()
      sources.append(source)
    }
  }

  deinit {
    for source in sources { source.cancel() }
  }
}
