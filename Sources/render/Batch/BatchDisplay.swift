import Foundation

/// How a batch looks while it runs, on stderr: on a terminal, a line per running job and
/// an overall line, redrawn in place, with each finished job printed above them;
/// elsewhere, a line as each job starts and ends; nothing when quiet.
final class BatchDisplay {
  enum Mode { case live, lines, quiet }

  let jobs: [BatchJob]
  let mode: Mode
  private let started = Date()
  private var announcedStart: Set<Int> = []
  private var announcedEnd: Set<Int> = []
  private var drawnLines = 0
  private let nameWidth: Int

  init(jobs: [BatchJob], quiet: Bool) {
    self.jobs = jobs
    mode = quiet ? .quiet : (isatty(STDERR_FILENO) != 0 ? .live : .lines)
    nameWidth = min(28, jobs.map(\.spec.name.count).max() ?? 4)
  }

  /// A job started or ended.
  func changed() {
    guard mode != .quiet else { return }
    var log: [String] = []
    for (index, job) in jobs.enumerated() {
      switch job.status {
      case .running where mode == .lines && !announcedStart.contains(index):
        announcedStart.insert(index)
        log.append("started  \(job.spec.name)")
      case .done, .failed, .interrupted:
        if !announcedEnd.contains(index) {
          announcedEnd.insert(index)
          log.append(endLine(job))
        }
      default: break
      }
    }
    if mode == .live {
      StandardError.write(clearBlock() + log.map { $0 + "\n" }.joined() + block())
    } else {
      StandardError.write(log.map { $0 + "\n" }.joined())
    }
  }

  /// Redraws the running jobs' progress (terminal only).
  func refresh() {
    guard mode == .live else { return }
    StandardError.write(clearBlock() + block())
  }

  /// Removes the live lines before the final table.
  func finish() {
    guard mode == .live else { return }
    StandardError.write(clearBlock())
  }

  private func endLine(_ job: BatchJob) -> String {
    let seconds = String(format: "%.1f s", job.seconds)
    switch job.status {
    case .done: return "done     \(job.spec.name) in \(seconds)"
    case .failed(let reason): return "failed   \(job.spec.name) (\(job.place)): \(reason)"
    case .interrupted: return "stopped  \(job.spec.name)"
    default: return ""
    }
  }

  /// The running jobs' lines and the overall line, ending with a newline.
  private func block() -> String {
    var lines: [String] = []
    for job in jobs where job.status == .running {
      let (done, total) = job.progress
      let width = 24
      let filled = total > 0 ? min(width, width * done / total) : 0
      let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      lines.append(
        String(
          format: "  %@ %@ %6d/%-6d %6.1f s", padded(job.spec.name), bar, done, total, job.seconds))
    }
    lines.append(summary(elapsed: Date().timeIntervalSince(started)))
    drawnLines = lines.count
    return lines.map { $0 + "\n" }.joined()
  }

  /// `batch: 2 running, 3 done, 1 skipped, 0 failed, 2 waiting · 14.2 s`.
  func summary(elapsed: Double) -> String {
    var counts = (running: 0, done: 0, skipped: 0, failed: 0, waiting: 0)
    for job in jobs {
      switch job.status {
      case .running: counts.running += 1
      case .done: counts.done += 1
      case .skipped: counts.skipped += 1
      case .failed, .interrupted: counts.failed += 1
      case .waiting: counts.waiting += 1
      }
    }
    return String(
      format: "batch: %d running, %d done, %d skipped, %d failed, %d waiting · %.1f s", counts.running, counts.done,
      counts.skipped, counts.failed, counts.waiting, elapsed)
  }

  private func clearBlock() -> String {
    defer { drawnLines = 0 }
    return drawnLines > 0 ? "\u{1B}[\(drawnLines)A\u{1B}[J" : ""
  }

  private func padded(_ name: String) -> String {
    let cut = name.count > nameWidth ? String(name.prefix(nameWidth - 1)) + "…" : name
    return cut.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
  }

  /// The closing table: job, outputs, frames, seconds, status; then why each failed job failed.
  func table(elapsed: Double) -> String {
    var rows = [["job", "outputs", "frames", "seconds", "status"]]
    var failures: [String] = []
    for job in jobs {
      let outputs = job.outputs
      let shown = outputs.first.map { outputs.count > 1 ? "\($0) +\(outputs.count - 1) more" : $0 } ?? "—"
      let status: String
      var ran = true
      switch job.status {
      case .done: status = "done"
      case .skipped: (status, ran) = ("up to date", false)
      case .failed(let reason):
        status = "FAILED"
        failures.append("  \(job.spec.name) (\(job.place)): \(reason)")
      case .interrupted: status = "stopped"
      case .waiting: (status, ran) = ("not run", false)
      case .running: status = "running"
      }
      let seconds = ran && job.seconds > 0 ? String(format: "%.1f", job.seconds) : "—"
      rows.append([job.spec.name, shown, job.plan.map { "\($0.frames)" } ?? "—", seconds, status])
    }
    let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
    let numeric: Set<Int> = [2, 3]
    var lines = rows.map { row in
      row.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return numeric.contains(column) ? pad + cell : cell + pad
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    lines.insert(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "), at: 1)
    lines.append(summary(elapsed: elapsed).replacingOccurrences(of: "batch: 0 running, ", with: "batch: "))
    if !failures.isEmpty { lines += ["failed:"] + failures }
    return lines.joined(separator: "\n")
  }
}
