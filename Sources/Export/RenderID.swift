import Foundation

/// Who is rendering: host name, process ID and 64 random bits. Unique across hosts sharing
/// a folder, containers whose first process is PID 1 on each, and runs reusing a PID; it
/// names a render's temporary outputs and its lock file.
public struct RenderID: Sendable, Hashable, CustomStringConvertible {
  public let host: String
  public let pid: Int32
  public let random: UInt64

  public init(host: String, pid: Int32, random: UInt64) {
    // ASCII letters, digits and dashes only, so the name parses back and is a safe file name.
    let cleaned = String(host.prefix(40).map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    self.host = cleaned.isEmpty ? "host" : cleaned
    self.pid = pid
    self.random = random
  }

  /// This process, with fresh random bits.
  public static func current() -> RenderID {
    var name = [UInt8](repeating: 0, count: 256)
    let found = name.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        guard let base = chars.baseAddress else { return false }
        return gethostname(base, chars.count - 1) == 0
      }
    }
    let host = found ? String(decoding: name.prefix { $0 != 0 }, as: UTF8.self) : "host"
    return RenderID(host: host, pid: getpid(), random: UInt64.random(in: 1...UInt64.max))
  }

  /// `host_pid_random` (random as 16 hex digits).
  public var description: String {
    let hex = String(random, radix: 16)
    return "\(host)_\(pid)_\(String(repeating: "0", count: 16 - hex.count) + hex)"
  }

  /// The ID at the start of `text` (as written by `description`), if there is one.
  public init?(parsingPrefixOf text: Substring) {
    let parts = text.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
      let pid = Int32(parts[1]), parts[2].count >= 16, let random = UInt64(parts[2].prefix(16), radix: 16)
    else { return nil }
    self.init(host: String(parts[0]), pid: pid, random: random)
  }
}
