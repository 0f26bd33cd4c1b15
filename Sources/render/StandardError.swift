import Foundation

/// Writes to stderr with POSIX `write`, ignoring failures: a closed stderr (SIGPIPE is
/// ignored) must not turn into a crash, as Foundation's non-throwing `FileHandle.write` would.
enum StandardError {
  static func write(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      bytes = bytes.dropFirst(written)
    }
  }
}
