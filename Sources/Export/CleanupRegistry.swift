import Foundation

/// Tracks what an interrupted render must undo: temporary files and folders to delete and
/// child processes to stop. A final name is only ever reached by `commit`, which refuses
/// once the render has been aborted, so an interruption never leaves a partial file there.
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

  public func track(_ process: Process) {
    lock.withLock { processes[ObjectIdentifier(process)] = process }
  }

  public func untrack(_ process: Process) {
    lock.withLock { _ = processes.removeValue(forKey: ObjectIdentifier(process)) }
  }

  /// Forgets a temporary path that was deleted or renamed by its owner.
  public func untrack(_ path: String) {
    lock.withLock { _ = temporaryPaths.remove(path) }
  }

  public var isAborted: Bool { lock.withLock { aborted } }

  /// Moves a finished temporary file or folder to its final name, replacing what was there.
  public func commit(_ temporary: String, to final: String) throws {
    try lock.withLock {
      guard !aborted else { throw ExportError.interrupted }
      let manager = FileManager.default
      var isFolder: ObjCBool = false
      if manager.fileExists(atPath: final, isDirectory: &isFolder), isFolder.boolValue {
        try? manager.removeItem(atPath: final)
      }
      guard rename(temporary, final) == 0 else {
        throw ExportError.cannotWrite(path: final, reason: String(cString: strerror(errno)))
      }
      temporaryPaths.remove(temporary)
    }
  }

  /// Stops child processes and deletes temporary files; later commits fail.
  public func abort() {
    let (paths, children) = lock.withLock {
      aborted = true
      return (temporaryPaths, Array(processes.values))
    }
    for child in children where child.isRunning { child.terminate() }
    for path in paths { try? FileManager.default.removeItem(atPath: path) }
  }
}
