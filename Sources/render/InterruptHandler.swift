import Dispatch
import Export
import Foundation

/// On Ctrl-C (SIGINT) or SIGTERM: stop ffmpeg, delete temporary output, exit 130.
/// Final names are reached only through the cleanup registry, which refuses after this.
final class InterruptHandler {
  private var sources: [DispatchSourceSignal] = []

  init(cleanup: CleanupRegistry) {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        cleanup.abort()
        FileHandle.standardError.write(Data("\nrender: interrupted; no partial output was kept\n".utf8))
        _exit(130)
      }
      source.resume()
      sources.append(source)
    }
  }

  deinit { sources.forEach { $0.cancel() } }
}
