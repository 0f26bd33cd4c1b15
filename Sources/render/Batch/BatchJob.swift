import Batch
import Foundation

/// One job of a running batch: what it renders and how it is going. Its state is read by
/// the display while the job's threads update it.
final class BatchJob: @unchecked Sendable {
  enum Status: Equatable {
    case waiting, running, done, skipped
    case failed(String)
    case interrupted
  }

  let spec: JobSpec
  /// `file:line`, for messages.
  let place: String
  /// The render's command line (scene first), without the batch's own flags.
  let arguments: [String]
  let plan: RenderPlan?
  let key: String

  private let lock = NSLock()
  private var state = (status: Status.waiting, done: 0, total: 0, started: Date?.none, seconds: 0.0)
  private var lastError: String?

  init(spec: JobSpec, place: String, arguments: [String], plan: RenderPlan?, key: String, status: Status) {
    self.spec = spec
    self.place = place
    self.arguments = arguments
    self.plan = plan
    self.key = key
    state.status = status
    state.total = plan?.frames ?? 0
  }

  var status: Status { lock.withLock { state.status } }
  /// Frames done and in all, as the render last reported.
  var progress: (done: Int, total: Int) { lock.withLock { (state.done, state.total) } }
  /// Seconds it ran, or has been running.
  var seconds: Double {
    lock.withLock { state.started.map { state.status == .running ? Date().timeIntervalSince($0) : state.seconds } ?? 0 }
  }

  func start() {
    lock.withLock {
      state.status = .running
      state.started = Date()
    }
  }

  /// Takes one line the render printed on stderr.
  func read(_ line: String) {
    let words = line.split(separator: " ")
    lock.withLock {
      if words.count == 3, words[0] == "progress", let done = Int(words[1]), let total = Int(words[2]) {
        state.done = done
        state.total = total
      } else if line.hasPrefix("render: error: ") {
        lastError = String(line.dropFirst("render: error: ".count))
      } else if !line.isEmpty {
        lastError = lastError ?? line
      }
    }
  }

  /// The render ended with `status` (its exit status, or 128 + a signal); `interrupted`
  /// when the batch itself was interrupted and told it to stop.
  func finish(exitStatus: Int32, interrupted: Bool = false) {
    lock.withLock {
      state.seconds = state.started.map { Date().timeIntervalSince($0) } ?? 0
      switch exitStatus {
      case 0:
        state.status = .done
        state.done = state.total
      case _ where interrupted: state.status = .interrupted
      case 129...159 where lastError == nil:
        state.status = .failed("render ended by signal \(exitStatus - 128) (\(Self.signalName(exitStatus - 128)))")
      default: state.status = .failed(lastError ?? "render exited with status \(exitStatus)")
      }
    }
  }

  static func signalName(_ signal: Int32) -> String {
    [
      SIGKILL: "killed, perhaps out of memory", SIGSEGV: "a crash", SIGILL: "a crash", SIGTRAP: "a crash",
      SIGABRT: "aborted", SIGTERM: "terminated", SIGINT: "interrupted",
    ][signal] ?? "a signal"
  }

  /// The outputs as the render recorded them, for done and skipped jobs.
  var outputs: [String] {
    guard let plan, let record = OutputRecord.read(plan.recordPath) else { return [] }
    return record.paths(in: plan.paths.folder)
  }
}
