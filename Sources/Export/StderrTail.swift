import Foundation

/// The last few kilobytes of a stream, in a ring buffer of fixed size: however much a
/// child prints, this holds `capacity` bytes and no more.
final class StderrTail: @unchecked Sendable {
  // Guarded by `lock`: written by the draining thread, read by the render thread.
  private let lock = NSLock()
  private var ring: [UInt8]
  private var next = 0
  private var filled = false

  init(capacity: Int = 4096) {
    ring = [UInt8](repeating: 0, count: capacity)
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    lock.withLock {
      // Only the last `capacity` bytes of the chunk can survive.
      for byte in bytes.suffix(ring.count) {
        ring[next] = byte
        next += 1
        if next == ring.count {
          next = 0
          filled = true
        }
      }
    }
  }

  /// The bytes held, oldest first.
  var bytes: [UInt8] {
    lock.withLock { filled ? Array(ring[next...] + ring[..<next]) : Array(ring[..<next]) }
  }

  /// The last non-empty lines, joined into one line.
  var text: String {
    let all = String(decoding: bytes, as: UTF8.self)
    let lines = all.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    return lines.filter { !$0.isEmpty }.suffix(3).joined(separator: " | ")
  }

  /// Reads `fd` to its end on a thread of its own, keeping the tail; `done` is signalled
  /// at the end.
  func drain(_ fd: Int32, done: DispatchSemaphore) {
    Thread.detachNewThread { [self] in
      var chunk = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        chunk.withUnsafeBytes { append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
      }
      done.signal()
    }
  }
}
