import Foundation

/// A lock file a live render holds in each output folder it writes to: `.reel-<id>.lock`,
/// kept `flock`ed until the render ends. Another render that can take the lock knows the
/// owner is gone — in any PID namespace, and on another host where the file system passes
/// locks on (NFS does) — and may delete its leftovers. Whether a PID is alive is never
/// asked: PIDs mean nothing across containers and hosts.
final class OutputLock: @unchecked Sendable {
  let path: String
  private var fd: Int32

  /// Creates and locks the lock file of render `id` in `folder`. It is locked under a name
  /// sweeps ignore, then renamed into view: no sweep ever sees it unlocked.
  init(folder: String, id: RenderID) throws {
    path = (folder as NSString).appendingPathComponent(".reel-\(id).lock")
    let hidden = path + ".new"
    fd = open(hidden, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0, rename(hidden, path) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      unlink(hidden)
      throw ExportError.cannotWrite(path: path, reason: reason)
    }
  }

  /// Deletes the lock file and lets go of it (the render is done with the folder).
  func release() {
    guard fd >= 0 else { return }
    unlink(path)
    close(fd)
    fd = -1
  }

  deinit { release() }

  /// How long a temporary with no lock file beside it must be left alone: it may belong to
  /// a render that has not created its lock yet, or to an older Reel.
  static let unlockedGrace: TimeInterval = 24 * 3600

  /// Deletes, in `folder`, the temporary outputs of renders that are gone: those whose
  /// lock file can be locked (its owner no longer holds it), and those with no lock file
  /// that are older than a day. `own` is never touched.
  static func sweep(_ folder: String, own: RenderID) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
    var owners: [RenderID: [String]] = [:]
    var unowned: [String] = []
    for name in names where name.hasPrefix(".") {
      guard let marker = name.range(of: ".partial-") else { continue }
      if let id = RenderID(parsingPrefixOf: name[marker.upperBound...]) {
        if id != own { owners[id, default: []].append(name) }
      } else {
        unowned.append(name)  // an older Reel's `.partial-PID` names
      }
    }
    func remove(_ name: String) { try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(name)) }
    for (id, leftovers) in owners {
      let lock = (folder as NSString).appendingPathComponent(".reel-\(id).lock")
      let fd = open(lock, O_RDWR | O_CLOEXEC)
      if fd >= 0 {
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0, isStill(lock, fd) else { continue }  // alive: leave everything
        leftovers.forEach(remove)
        unlink(lock)
      } else {
        unowned += leftovers
      }
    }
    for name in unowned {
      let path = (folder as NSString).appendingPathComponent(name)
      let modified = (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
      if Date().timeIntervalSince(modified) > unlockedGrace { remove(name) }
    }
    // Lock files of renders that are gone, with nothing else left behind.
    for name in names where name.hasPrefix(".reel-") && name.hasSuffix(".lock") {
      guard let id = RenderID(parsingPrefixOf: name.dropFirst(6).dropLast(5)), id != own, owners[id] == nil else {
        continue
      }
      let path = (folder as NSString).appendingPathComponent(name)
      let fd = open(path, O_RDWR | O_CLOEXEC)
      guard fd >= 0 else { continue }
      if flock(fd, LOCK_EX | LOCK_NB) == 0 && isStill(path, fd) { unlink(path) }
      close(fd)
    }
  }

  /// Whether `path` still names the file open as `fd` (another render may have replaced
  /// it between our open and our lock).
  private static func isStill(_ path: String, _ fd: Int32) -> Bool {
    var named = stat()
    var opened = stat()
    return stat(path, &named) == 0 && fstat(fd, &opened) == 0 && named.st_ino == opened.st_ino
      && named.st_dev == opened.st_dev
  }
}
