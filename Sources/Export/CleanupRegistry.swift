import Foundation

/// Tracks what an interrupted render must undo: temporary files and folders to delete and
/// child processes to stop. A final name is only ever reached through `commit`, which
/// refuses once the render has been aborted, so an interruption never leaves a partial
/// file there.
public final class CleanupRegistry: @unchecked Sendable {
  // All state is guarded by `lock`.
  private let lock = NSLock()
  private var temporaryPaths: Set<String> = []
  private var processes: [ObjectIdentifier: Process] = [:]
  private var aborted = false

  public init() {}

  /// Remembers a temporary path to delete if the render is aborted.
  public func track(_ path: String) {
    lock.withLock { _ = temporaryPaths.insert(path) }
  }

  /// Forgets a temporary path that its owner deleted or renamed.
  public func untrack(_ path: String) {
    lock.withLock { _ = temporaryPaths.remove(path) }
  }

  public func track(_ process: Process) {
    lock.withLock { processes[ObjectIdentifier(process)] = process }
  }

  public func untrack(_ process: Process) {
    lock.withLock { _ = processes.removeValue(forKey: ObjectIdentifier(process)) }
  }

  public var isAborted: Bool { lock.withLock { aborted } }

  /// Moves a finished temporary file or folder to its final name. A folder replaces the
  /// folder that was there (moved aside first, deleted last); a file replaces a file.
  public func commit(_ temporary: String, to final: String) throws {
    let replaced: String? = try lock.withLock {
      guard !aborted else { throw ExportError.interrupted }
      let manager = FileManager.default
      var temporaryIsFolder: ObjCBool = false
      var finalIsFolder: ObjCBool = false
      guard manager.fileExists(atPath: temporary, isDirectory: &temporaryIsFolder) else {
        throw ExportError.cannotWrite(path: final, reason: "its temporary output \(temporary) has disappeared")
      }
      let finalExists = manager.fileExists(atPath: final, isDirectory: &finalIsFolder)
      if finalExists && finalIsFolder.boolValue != temporaryIsFolder.boolValue {
        throw ExportError.cannotWrite(
          path: final, reason: finalIsFolder.boolValue ? "a folder is in the way" : "a file is in the way")
      }
      var aside: String?
      if finalExists && finalIsFolder.boolValue {
        let oldFolder = OutputPaths.temporary(for: final) + "-old"
        try? manager.removeItem(atPath: oldFolder)
        guard rename(final, oldFolder) == 0 else {
          throw ExportError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
        }
        aside = oldFolder
      }
      guard rename(temporary, final) == 0 else {
        let reason = String(cString: strerror(errno))
        if let aside { rename(aside, final) }
        throw ExportError.cannotWrite(path: final, reason: reason)
      }
      temporaryPaths.remove(temporary)
      return aside
    }
    // The replaced folder is deleted outside the lock, so an interrupt is not held up.
    if let replaced { try? FileManager.default.removeItem(atPath: replaced) }
  }

  /// Marks the render aborted (later commits fail) and stops child processes. The render
  /// then unwinds and deletes its own temporaries; `removeTemporaries` is the fallback.
  public func abort() {
    let children = lock.withLock {
      aborted = true
      return Array(processes.values)
    }
    for child in children where child.isRunning { child.terminate() }
  }

  /// Kills child processes that ignored `abort`'s request to stop (the last resort before
  /// the process exits).
  public func killChildren() {
    let children = lock.withLock { Array(processes.values) }
    for child in children where child.isRunning { kill(child.processIdentifier, SIGKILL) }
  }

  /// Deletes every temporary path still tracked.
  public func removeTemporaries() {
    let paths = lock.withLock { temporaryPaths }
    for path in paths { try? FileManager.default.removeItem(atPath: path) }
  }
}
