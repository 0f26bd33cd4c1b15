import CProcess
import Foundation

/// A child process (ffmpeg, or a batch's render) in a process group of its own, killed with the render: its
/// whole group is signalled, and the kernel sends it SIGKILL should the render die first.
///
/// Its stdin and stderr are pipes; stdin is non-blocking, so a child that stops reading
/// can be noticed instead of hanging the render.
public final class ChildProcess: @unchecked Sendable {
  public let pid: pid_t
  /// Where to write the child's input; closed by `closeInput`.
  private(set) var input: Int32
  /// Bytes the input pipe holds at most (0 if unknown).
  private(set) var inputCapacity = 0
  /// Where to read the child's stderr.
  public let errors: Int32
  private let exited = DispatchSemaphore(value: 0)
  // Set once by the waiting thread before it signals `exited`.
  private var ended: Termination = .exited(0)
  // Guarded by `reapLock`: whether the exited child has been removed from the process
  // table. Until then its PID and group cannot be reused, so signalling the group is safe.
  private let reapLock = NSLock()
  private var reaped = false

  /// Starts `executable` with `arguments`; its stdout goes nowhere.
  public init(executable: String, arguments: [String]) throws {
    var stdinPipe: [Int32] = [0, 0]
    var stderrPipe: [Int32] = [0, 0]
    guard reel_pipe(&stdinPipe) == 0 else {
      throw ExportError.cannotStart(path: executable, reason: String(cString: strerror(errno)))
    }
    guard reel_pipe(&stderrPipe) == 0 else {
      let reason = String(cString: strerror(errno))
      close(stdinPipe[0])
      close(stdinPipe[1])
      throw ExportError.cannotStart(path: executable, reason: reason)
    }
    let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
    var child: pid_t = 0
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    let error = argv.withUnsafeBufferPointer { pointers in
      reel_spawn(executable, pointers.baseAddress, stdinPipe[0], null, stderrPipe[1], &child)
    }
    close(stdinPipe[0])
    close(stderrPipe[1])
    close(null)
    guard error == 0 else {
      close(stdinPipe[1])
      close(stderrPipe[0])
      if error == ENOENT { throw ExportError.ffmpegMissing }
      throw ExportError.cannotStart(path: executable, reason: String(cString: strerror(error)))
    }
    pid = child
    input = stdinPipe[1]
    errors = stderrPipe[0]
    _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK)
    // A 1 MB pipe instead of 64 KB: a frame goes through in a few writes, not fifty, and
    // both sides wake up less (2026-11-26, `attention-heatmap` 1080p60 to a reader that
    // discards: 2.2-2.4 s instead of 2.8-3.1 s). Harmless if refused.
    inputCapacity = Int(max(reel_resize_pipe(input, 1 << 20), 0))
    // One thread waits for the child, so waiting with a timeout is waiting on an event. It
    // leaves the child in the process table (WNOWAIT) until `reap`, so its group can still
    // be signalled safely.
    let exited = self.exited
    Thread.detachNewThread { [self] in
      var info = siginfo_t()
      while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
      let status = info._sifields._sigchld.si_status
      ended = info.si_code == CLD_EXITED ? .exited(status) : .signalled(status)
      exited.signal()
    }
  }

  /// Writes all of `bytes` to the child's stdin, waiting for it to read; fails if it reads
  /// nothing for `stall` seconds, or has exited (EPIPE).
  /// With `byReference`, the bytes are spliced into the pipe (the reader gets the very
  /// pages, with no copy): the caller keeps them unchanged until the reader has read them.
  /// Where splicing is not allowed (EINVAL, ENOSYS, EPERM), the bytes are copied.
  func write(_ bytes: UnsafeRawBufferPointer, stall: Double, byReference: Bool = false) throws -> WriteResult {
    guard let base = bytes.baseAddress else { return .written }
    var byReference = byReference
    var offset = 0
    while offset < bytes.count {
      let written =
        byReference
        ? reel_vmsplice(input, base + offset, UInt(bytes.count - offset))
        : Foundation.write(input, base + offset, bytes.count - offset)
      if written >= 0 {
        offset += written
        continue
      }
      let error = errno
      if byReference && [EINVAL, ENOSYS, EPERM].contains(error) {
        byReference = false
        continue
      }
      switch error {
      case EINTR: continue
      case EPIPE: return .closed
      case EAGAIN:
        var poll = pollfd(fd: input, events: Int16(POLLOUT), revents: 0)
        let ready = Foundation.poll(&poll, 1, Int32(min(stall, 1e6) * 1000))
        if ready == 0 { return .stalled }
        if ready < 0 && errno != EINTR { return .closed }
      default:
        throw ExportError.cannotWrite(path: "ffmpeg's input", reason: String(cString: strerror(error)))
      }
    }
    return .written
  }

  enum WriteResult { case written, closed, stalled }

  /// Closes the child's stdin: its input is complete.
  public func closeInput() {
    guard input >= 0 else { return }
    close(input)
    input = -1
  }

  /// Sends `signal` to the child's whole process group (while the child is not reaped, so
  /// the group is still its own).
  public func signalGroup(_ signal: Int32) {
    reapLock.withLock {
      if !reaped { _ = kill(-pid, signal) }
    }
  }

  /// Removes the ended child from the process table, once.
  public func reap() {
    reapLock.withLock {
      guard !reaped, exited.wait(timeout: .now()) == .success else { return }
      exited.signal()
      var raw: Int32 = 0
      while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
      reaped = true
    }
  }

  /// Waits for the child to end, for at most `timeout` seconds; `nil` if it has not.
  public func wait(timeout: Double) -> Termination? {
    guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
    exited.signal()  // later calls return at once
    return ended
  }

  /// How a child process ended.
  public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)
  }

  deinit {
    closeInput()
    close(errors)
  }
}
