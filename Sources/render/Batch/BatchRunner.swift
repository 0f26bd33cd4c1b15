import Export
import Foundation

/// Runs a batch's jobs as `render` child processes, `slots` at once, biggest first (so
/// the last to finish is a small one), each drawing with `threads` threads. A child that
/// fails fails its job only. On an interrupt no new job starts; running ones are told to
/// stop (they delete their partial files) and finished outputs stay.
final class BatchRunner {
  let jobs: [BatchJob]
  let slots: Int
  let threads: Int
  /// The `render` executable and the options every child gets.
  let executable: String
  let sharedArguments: [String]
  let cleanup: CleanupRegistry
  let display: BatchDisplay

  init(
    jobs: [BatchJob], slots: Int, threads: Int, executable: String, sharedArguments: [String],
    cleanup: CleanupRegistry, display: BatchDisplay
  ) {
    self.jobs = jobs
    self.slots = max(1, slots)
    self.threads = max(1, threads)
    self.executable = executable
    self.sharedArguments = sharedArguments
    self.cleanup = cleanup
    self.display = display
  }

  func run() {
    var queue = jobs.filter { $0.status == .waiting }.sorted { ($0.plan?.cost ?? 0) > ($1.plan?.cost ?? 0) }
    let ended = DispatchSemaphore(value: 0)
    var running = 0
    while true {
      while !cleanup.isAborted && running < slots && !queue.isEmpty {
        let job = queue.removeFirst()
        if start(job, ended: ended) { running += 1 }
        display.changed()
      }
      if running == 0 && (queue.isEmpty || cleanup.isAborted) { break }
      if ended.wait(timeout: .now() + 0.2) == .success {
        running -= 1
        display.changed()
      } else {
        display.refresh()
      }
    }
  }

  /// Starts `job`'s render; `ended` is signalled when it is over. False if it could not start.
  private func start(_ job: BatchJob, ended: DispatchSemaphore) -> Bool {
    let arguments =
      job.arguments + sharedArguments + [
        "--quiet", "--progress-lines", "--threads=\(threads)", "--record-key=\(job.key)",
      ]
    job.start()
    let child: ChildProcess
    do {
      child = try ChildProcess(executable: executable, arguments: arguments)
    } catch {
      job.read("render: error: \(error)")
      job.finish(exitStatus: 1)
      return false
    }
    child.closeInput()
    cleanup.track(child)
    let cleanup = self.cleanup
    Thread.detachNewThread {
      Self.readLines(from: child.errors, into: job)
      let status: Int32
      switch child.wait(timeout: 1e7) {
      case .exited(let code): status = code
      case .signalled(let signal): status = 128 + signal
      case nil: status = 1
      }
      child.reap()
      cleanup.untrack(child)
      job.finish(exitStatus: status, interrupted: cleanup.isAborted)
      ended.signal()
    }
    return true
  }

  /// Reads `fd` to its end, handing each line to `job`.
  private static func readLines(from fd: Int32, into job: BatchJob) {
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      pending += buffer[0..<count]
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        job.read(String(decoding: pending[..<newline], as: UTF8.self))
        pending.removeSubrange(...newline)
      }
      if pending.count > 65_536 { pending.removeAll() }  // a line without end: drop it
    }
    if !pending.isEmpty { job.read(String(decoding: pending, as: UTF8.self)) }
  }
}
