import Canvas
import Foundation

/// Streams frames straight into ffmpeg's stdin (no temporary PNGs) and moves the encoded
/// file to its final name when ffmpeg succeeds.
///
/// ffmpeg's stderr is drained on its own thread into a bounded tail, so a chatty ffmpeg can
/// never block us, and the tail explains any failure. SIGPIPE must be ignored by the
/// process (the CLI does so at start-up) so that a dead ffmpeg shows up as EPIPE here.
public final class FFmpegSink: FrameSink {
  private let process = Process()
  private let stdin = Pipe()
  private let stderr = Pipe()
  private let tail = StderrTail()
  private let stderrDone = DispatchSemaphore(value: 0)
  private let temporary: String
  private let final: String
  private let cleanup: CleanupRegistry
  private let input: RawFrameFormat
  /// Converts opaque frames to yuv420p when ffmpeg is told to expect that.
  private let converter: YUV420Converter?
  private var scratch: [UInt8] = []
  private var exited = false  // guarded by `exitLock`
  private let exitLock = NSLock()

  /// Encodes a clip as `arguments` describe into `output`.
  public convenience init(arguments: FFmpegArguments, output: String, cleanup: CleanupRegistry) throws {
    try self.init(
      commandLine: arguments.arguments(output:), input: arguments.input, width: arguments.width,
      height: arguments.height, output: output, cleanup: cleanup)
  }

  /// Runs ffmpeg with `commandLine(temporaryOutput)`, feeding it frames as `input`.
  init(
    commandLine: (String) -> [String], input: RawFrameFormat, width: Int, height: Int, output: String,
    cleanup: CleanupRegistry
  ) throws {
    let executable = try FFmpegLocator.find()
    self.final = output
    self.temporary = OutputPaths.temporary(for: output)
    self.cleanup = cleanup
    self.input = input
    self.converter = input == .yuv420p ? YUV420Converter(width: width, height: height) : nil
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = commandLine(temporary)
    process.standardInput = stdin
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    cleanup.track(temporary)
    do {
      try process.run()
    } catch {
      cleanup.untrack(temporary)
      throw ExportError.ffmpegMissing
    }
    cleanup.track(process)
    // Drain stderr with POSIX reads (Foundation's `availableData` traps on a read error).
    let fd = stderr.fileHandleForReading.fileDescriptor
    let tail = self.tail
    let done = stderrDone
    Thread.detachNewThread {
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        tail.append(Data(chunk[0..<count]))
      }
      done.signal()
    }
  }

  public func consume(_ frame: ImageSurface, index: Int) throws {
    let fd = stdin.fileHandleForWriting.fileDescriptor
    switch input {
    case .yuv420p:
      converter?.convert(frame, into: &scratch)
      try scratch.withUnsafeBytes { try write(fd, $0) }
    case .straightBGRA:
      // ffmpeg's `bgra` means straight alpha; Cairo's is premultiplied.
      frame.pack(.straightBGRA, into: &scratch)
      try scratch.withUnsafeBytes { try write(fd, $0) }
    case .opaqueBGRA:
      try frame.withUnsafePixels { try write(fd, $0) }
    }
  }

  /// Writes all of `bytes`, retrying partial writes and interruptions.
  private func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(fd, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw ExportError.ffmpegExitedEarly(tail: finishedTail()) }
        throw ExportError.cannotWrite(path: temporary, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
  }

  /// Closes ffmpeg's input (it finishes the file only then) and waits for it and its stderr.
  /// Safe to call more than once, from any thread.
  private func waitForExit() {
    exitLock.withLock {
      guard !exited else { return }
      exited = true
      try? stdin.fileHandleForWriting.close()
      process.waitUntilExit()
      stderrDone.wait()
      cleanup.untrack(process)
    }
  }

  private func finishedTail() -> String {
    waitForExit()
    return tail.text
  }

  public func finish() throws {
    waitForExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      cleanup.untrack(temporary)
      if cleanup.isAborted { throw ExportError.interrupted }
      throw ExportError.ffmpegFailed(status: process.terminationStatus, tail: tail.text)
    }
    try cleanup.commit(temporary, to: final)
  }

  public func cancel() {
    if process.isRunning { process.terminate() }
    waitForExit()
    try? FileManager.default.removeItem(atPath: temporary)
    cleanup.untrack(temporary)
  }
}

/// The last few kilobytes of a stream, as text.
final class StderrTail: @unchecked Sendable {
  // Guarded by `lock`: appended on the drain thread, read on the render thread.
  private let lock = NSLock()
  private var bytes = Data()
  private let limit = 4096

  func append(_ chunk: Data) {
    lock.withLock {
      bytes.append(chunk)
      if bytes.count > limit { bytes = bytes.suffix(limit) }
    }
  }

  /// The last non-empty lines, joined into one line.
  var text: String {
    let all = lock.withLock { String(decoding: bytes, as: UTF8.self) }
    let lines = all.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    return lines.suffix(3).joined(separator: " | ")
  }
}
