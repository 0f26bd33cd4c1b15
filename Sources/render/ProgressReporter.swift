import Foundation

/// Shows how a render is going on stderr: a live bar on a terminal, otherwise one summary
/// line at the end; nothing when quiet. Under `render batch` (`--progress-lines`) it
/// prints `progress DONE TOTAL` lines for the batch to read.
final class ProgressReporter {
  enum Mode { case bar, summary, quiet, lines }

  private let mode: Mode
  private let total: Int
  private let started = Date()
  private var lastDraw = Date.distantPast

  init(total: Int, quiet: Bool, lines: Bool = false) {
    self.total = total
    mode = lines ? .lines : quiet ? .quiet : (isatty(STDERR_FILENO) != 0 ? .bar : .summary)
  }

  /// Called with the number of frames done so far.
  func update(_ done: Int) {
    if mode == .lines, Date().timeIntervalSince(lastDraw) > 0.2 || done == total {
      lastDraw = Date()
      StandardError.write("progress \(done) \(total)\n")
      return
    }
    guard mode == .bar, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
    lastDraw = Date()
    let elapsed = max(Date().timeIntervalSince(started), 1e-6)
    let rate = Double(done) / elapsed
    let left = rate > 0 ? Double(total - done) / rate : 0
    let width = 30
    let filled = total > 0 ? width * done / total : width
    let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    let line = String(format: "\r%@ %d/%d frames  %.1f fps  %.1f s left ", bar, done, total, rate, left)
    StandardError.write(line)
  }

  /// The closing line, naming what was written.
  func finish(_ summary: String) {
    guard mode != .quiet && mode != .lines else { return }
    let elapsed = Date().timeIntervalSince(started)
    let prefix = mode == .bar ? "\n" : ""
    let rate = elapsed > 0 ? Double(total) / elapsed : 0
    let text = String(format: "%@%@ (%d frames in %.1f s, %.1f fps)\n", prefix, summary, total, elapsed, rate)
    StandardError.write(text)
  }
}
