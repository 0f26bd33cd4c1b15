import Canvas
import Foundation

/// Streams frames straight into ffmpeg's stdin (no temporary PNGs) and moves the encoded
/// file to its final name when ffmpeg succeeds.
///
/// ffmpeg runs in a process group of its own and dies with the render. Its stderr is
/// drained on its own thread into a fixed-size tail, so a chatty ffmpeg can neither block
/// the render nor grow its memory, and the tail explains any failure. An ffmpeg that stops
/// reading for `stallTimeout` seconds is stopped with a clear error. SIGPIPE must be
/// ignored by the process (the CLI does so at start-up) so that a dead ffmpeg shows up as
/// EPIPE here.
public final class FFmpegSink: OrderedFrameSink {
  private let child: ChildProcess
  private let tail = StderrTail()
  private let stderrDone = DispatchSemaphore(value: 0)
  private let temporary: String
  private let final: String
  private let cleanup: CleanupRegistry
  public let encoding: FrameEncoding
  private let stallTimeout: Double
  private var termination: ChildProcess.Termination?  // guarded by `exitLock`
  private let exitLock = NSLock()

  /// Encodes a clip as `arguments` describe into `output`.
  public convenience init(arguments: FFmpegArguments, output: String, ffmpeg: FFmpeg, cleanup: CleanupRegistry) throws {
    try self.init(
      commandLine: arguments.arguments(output:), input: arguments.input, width: arguments.width,
      height: arguments.height, output: output, suffix: "", ffmpeg: ffmpeg, cleanup: cleanup)
  }

  /// Runs ffmpeg with `commandLine(temporaryOutput)`, feeding it frames as `input`; the
  /// temporary output's name ends in `suffix`.
  init(
    commandLine: (String) -> [String], input: RawFrameFormat, width: Int, height: Int, output: String,
    suffix: String, ffmpeg: FFmpeg, cleanup: CleanupRegistry
  ) throws {
    self.final = output
    self.temporary = try cleanup.temporary(for: output, suffix: suffix)
    self.cleanup = cleanup
    self.encoding = FrameEncoding(format: input, width: width, height: height)
    self.stallTimeout = ffmpeg.stallTimeout
    do {
      child = try ChildProcess(executable: ffmpeg.path, arguments: commandLine(temporary))
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      cleanup.untrack(temporary)
      throw error
    }
    cleanup.track(child)
    tail.drain(child.errors, done: stderrDone)
  }

  /// The path ffmpeg writes to until the output is complete.
  var temporaryPath: String { temporary }

  /// Sends one encoded frame to ffmpeg. A frame kept until the next write and at least
  /// twice as large as the pipe is spliced into it, without a copy: once the next frame is
  /// written, ffmpeg has read all of this one.
  public func write(_ frame: UnsafeRawBufferPointer, index: Int, keptUntilNextWrite: Bool) throws {
    precondition(frame.count == encoding.byteCount, "an encoded frame has the wrong size")
    let capacity = child.inputCapacity
    try write(frame, byReference: keptUntilNextWrite && capacity > 0 && frame.count >= 2 * capacity)
  }

  private func write(_ bytes: UnsafeRawBufferPointer, byReference: Bool) throws {
    switch try child.write(bytes, stall: stallTimeout, byReference: byReference) {
    case .written: return
    case .closed:
      if cleanup.isAborted { throw cleanup.interruptedError }
      throw ExportError.ffmpegExitedEarly(tail: finishedTail())
    case .stalled:
      stop()
      throw ExportError.ffmpegStalled(seconds: stallTimeout)
    }
  }

  /// Closes ffmpeg's input (it finishes the file only then) and waits for it and its
  /// stderr — at most `stallTimeout` seconds, after which it is killed. Safe to call more
  /// than once, from any thread.
  @discardableResult
  private func waitForExit() -> ChildProcess.Termination? {
    exitLock.withLock {
      if let termination { return termination }
      child.closeInput()
      var ended = child.wait(timeout: stallTimeout)
      if ended == nil {
        child.signalGroup(SIGKILL)
        ended = child.wait(timeout: 10)
      }
      child.signalGroup(SIGKILL)  // anything ffmpeg left running in its group
      child.reap()
      _ = stderrDone.wait(timeout: .now() + 5)
      cleanup.untrack(child)
      termination = ended
      return ended
    }
  }

  /// Kills ffmpeg's process group now.
  private func stop() {
    child.signalGroup(SIGKILL)
    waitForExit()
  }

  private func finishedTail() -> String {
    waitForExit()
    return tail.text
  }

  public func finish() throws {
    try checkSucceeded()
    try cleanup.commit(temporary, to: final)
  }

  /// Waits for ffmpeg and checks it succeeded, leaving its output under the temporary
  /// name (a GIF's palette, used and then deleted by the render).
  func finishKeepingTemporary() throws {
    try checkSucceeded()
  }

  private func checkSucceeded() throws {
    let ended = waitForExit()
    guard ended == .exited(0) else {
      discard()
      if cleanup.isAborted { throw cleanup.interruptedError }
      guard let ended else { throw ExportError.ffmpegStalled(seconds: stallTimeout) }
      switch ended {
      case .exited(let status): throw ExportError.ffmpegFailed(status: status, tail: tail.text)
      case .signalled(let signal): throw ExportError.ffmpegFailed(status: 128 + signal, tail: tail.text)
      }
    }
  }

  public func cancel() {
    child.signalGroup(SIGTERM)
    if child.wait(timeout: 2) == nil { child.signalGroup(SIGKILL) }
    waitForExit()
    discard()
  }

  private func discard() {
    try? FileManager.default.removeItem(atPath: temporary)
    cleanup.untrack(temporary)
  }
}
