import CProcess
import Foundation

/// What one render leaves in the file system and must undo: the temporary outputs it
/// creates (under names unique to it, `RenderID`), the lock files it holds in its output
/// folders, and the child processes it runs. A final name is reached only through
/// `commit`, which refuses once the render has been interrupted, so an interruption never
/// leaves a partial file there.
public final class CleanupRegistry: @unchecked Sendable {
  /// This render, as its temporary names and lock files say.
  public let id: RenderID
  // All state below is guarded by `lock`.
  private let lock = NSLock()
  private var temporaryPaths: Set<String> = []
  private var children: [ObjectIdentifier: ChildProcess] = [:]
  private var locks: [String: OutputLock] = [:]
  private var signal: Int32?
  private var committedPaths: [String] = []

  public init(id: RenderID = .current()) {
    self.id = id
  }

  /// A new temporary name beside `final` (same folder, so the commit is one rename),
  /// `.name.partial-<id>[-suffix].ext`, created at once — an empty file, or a folder — so
  /// no other render can take it. It is deleted if the render does not finish.
  public func temporary(for final: String, suffix: String = "", folder: Bool = false) throws -> String {
    let url = URL(fileURLWithPath: final)
    let ext = url.pathExtension
    let name =
      ".\(url.deletingPathExtension().lastPathComponent).partial-\(id)\(suffix)" + (ext.isEmpty ? "" : ".\(ext)")
    let path = url.deletingLastPathComponent().appendingPathComponent(name).path
    let created: Bool
    if folder {
      created = mkdir(path, 0o755) == 0
    } else {
      let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
      created = fd >= 0
      if fd >= 0 { close(fd) }
    }
    guard created else { throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    track(path)
    return path
  }

  /// Locks `folder` for this render (see `OutputLock`) and deletes leftovers there of
  /// renders that are gone. Held until `finish`.
  public func claim(_ folder: String) throws {
    let held = lock.withLock { locks[folder] != nil }
    if !held {
      let claimed = try OutputLock(folder: folder, id: id)
      lock.withLock { locks[folder] = claimed }
    }
    OutputLock.sweep(folder, own: id)
  }

  /// Remembers a temporary path to delete if the render does not finish.
  public func track(_ path: String) {
    lock.withLock { _ = temporaryPaths.insert(path) }
  }

  /// Forgets a temporary path that its owner deleted or renamed.
  public func untrack(_ path: String) {
    lock.withLock { _ = temporaryPaths.remove(path) }
  }

  /// Stops `child` with the render: signalled by `abort`, killed by `killChildren`.
  public func track(_ child: ChildProcess) {
    let signal = lock.withLock {
      children[ObjectIdentifier(child)] = child
      return self.signal
    }
    if signal != nil { child.signalGroup(SIGTERM) }  // interrupted while it started
  }

  public func untrack(_ child: ChildProcess) {
    lock.withLock { _ = children.removeValue(forKey: ObjectIdentifier(child)) }
  }

  /// Whether the render was interrupted.
  public var isAborted: Bool { lock.withLock { signal != nil } }

  /// The signal that interrupted the render, if one did.
  public var interruption: Int32? { lock.withLock { signal } }

  /// The error to end the render with after an interruption.
  public var interruptedError: ExportError { .interrupted(signal: interruption ?? SIGINT) }

  /// Moves a finished temporary file or folder to its final name in one step.
  ///
  /// A file replaces a file by `rename`. A folder (PNG frames) replaces a folder by an
  /// atomic exchange (`renameat2` with `RENAME_EXCHANGE`), then the old one, now under the
  /// temporary name, is deleted: a reader sees the old frames or the new, never a mix, and
  /// renders committing the same folder at once all succeed — the last one wins. Where the
  /// file system cannot exchange (some network file systems), the old folder is moved aside
  /// first.
  public func commit(_ temporary: String, to final: String) throws {
    try move(temporary, to: final)
    lock.withLock { committedPaths.append(final) }
  }

  /// Every final path this render has committed, in order.
  public var committed: [String] { lock.withLock { committedPaths } }

  private func move(_ temporary: String, to final: String) throws {
    if let signal = interruption { throw ExportError.interrupted(signal: signal) }
    var temporaryIsFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: temporary, isDirectory: &temporaryIsFolder) else {
      throw ExportError.cannotWrite(path: final, reason: "its temporary output \(temporary) has disappeared")
    }
    guard temporaryIsFolder.boolValue else {
      try Self.replace(final, with: temporary)
      untrack(temporary)
      return
    }
    for _ in 0..<8 {
      if rename(temporary, final) == 0 {
        untrack(temporary)
        return
      }
      guard errno == EEXIST || errno == ENOTEMPTY else { break }
      var finalIsFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: final, isDirectory: &finalIsFolder), !finalIsFolder.boolValue {
        throw ExportError.cannotWrite(path: final, reason: "a file is in the way; move it or choose another --output")
      }
      if reel_rename_exchange(temporary, final) == 0 {
        try? FileManager.default.removeItem(atPath: temporary)  // the frames it replaced
        untrack(temporary)
        return
      }
      if errno == ENOENT { continue }  // another render moved it meanwhile: try again
      guard errno == EINVAL || errno == ENOSYS else { break }
      if Self.replaceByMovingAside(final, with: temporary) {
        untrack(temporary)
        return
      }
    }
    throw ExportError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
  }

  /// `rename(temporary, final)` for a file, refusing to replace a folder.
  private static func replace(_ final: String, with temporary: String) throws {
    var finalIsFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: final, isDirectory: &finalIsFolder), finalIsFolder.boolValue {
      throw ExportError.cannotWrite(path: final, reason: "a folder is in the way; move it or choose another --output")
    }
    guard rename(temporary, final) == 0 else {
      throw ExportError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
    }
  }

  /// The fallback without an atomic exchange: the old folder is renamed aside, the new one
  /// into place, the old one deleted. If another render got in between, the old folder is
  /// put back and the caller tries again.
  private static func replaceByMovingAside(_ final: String, with temporary: String) -> Bool {
    let aside = temporary + "-old"
    guard rename(final, aside) == 0 || errno == ENOENT else { return false }
    guard rename(temporary, final) == 0 else {
      _ = rename(aside, final)
      return false
    }
    try? FileManager.default.removeItem(atPath: aside)
    return true
  }

  /// Marks the render interrupted by `signal` (later commits fail) and asks child
  /// processes to stop. The render then unwinds and deletes its own temporaries;
  /// `removeTemporaries` is the fallback.
  public func abort(signal: Int32 = SIGINT) {
    let running = lock.withLock {
      if self.signal == nil { self.signal = signal }
      return Array(children.values)
    }
    for child in running { child.signalGroup(SIGTERM) }
  }

  /// Kills child processes that ignored `abort`'s request to stop (the last resort before
  /// the process exits).
  public func killChildren() {
    let running = lock.withLock { Array(children.values) }
    for child in running { child.signalGroup(SIGKILL) }
  }

  /// Deletes every temporary path still tracked.
  public func removeTemporaries() {
    let paths = lock.withLock { temporaryPaths }
    for path in paths { try? FileManager.default.removeItem(atPath: path) }
    lock.withLock { temporaryPaths.subtract(paths) }
  }

  /// The render is over: its temporaries are deleted and its lock files released.
  public func finish() {
    removeTemporaries()
    let held = lock.withLock {
      defer { locks = [:] }
      return Array(locks.values)
    }
    for claimed in held { claimed.release() }
  }
}
