import Dispatch
import Export
import Foundation

/// On SIGINT (Ctrl-C), SIGTERM (a job scheduler), SIGHUP (the terminal closed) or SIGQUIT
/// (Ctrl-\): stops ffmpeg's process group and marks the render aborted, so it unwinds,
/// deletes its temporary output and exits with 128 + the signal's number (130, 143, 129,
/// 131), as shells expect. Should it not finish within a few seconds, the handler deletes
/// what is left and exits itself.
final class InterruptHandler {
  private var sources: [DispatchSourceSignal] = []
  /// How long a render gets to stop on its own before the handler ends it.
  static let grace: DispatchTimeInterval = .seconds(3)

  /// `grace`: longer for a batch, whose renders need their own grace to stop.
  init(cleanup: CleanupRegistry, grace: DispatchTimeInterval = InterruptHandler.grace) {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        cleanup.abort(signal: signalNumber)
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) {
          cleanup.killChildren()
          cleanup.finish()
          Render.printError(cleanup.interruptedError.description)
          _exit(128 + signalNumber)
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
