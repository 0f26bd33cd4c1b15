import Canvas
import Foundation

/// Writes frames as `<scene>-00000.png`, … .
///
/// A whole clip goes into a folder of this render's own, which then replaces the frames
/// folder in one atomic step (see `CleanupRegistry.commit`): readers see the old frames or
/// the new, and renders writing the same folder at once all succeed. A range of frames
/// (`--frames`) goes into the shared frames folder file by file, each written under a
/// temporary name and renamed, so many workers can fill one folder. Frames may arrive from
/// any thread.
public final class PNGSequenceSink: ConcurrentFrameSink {
  private let paths: OutputPaths
  /// Where frames are written: this render's own folder, or the frames folder itself.
  private let folder: String
  private let wholeClip: Bool
  private let transparent: Bool
  private let cleanup: CleanupRegistry

  public init(paths: OutputPaths, wholeClip: Bool = true, transparent: Bool, cleanup: CleanupRegistry) throws {
    self.paths = paths
    self.wholeClip = wholeClip
    self.transparent = transparent
    self.cleanup = cleanup
    if wholeClip {
      folder = try cleanup.temporary(for: paths.frames, folder: true)
    } else {
      folder = paths.frames
      try OutputPaths.createFolder(paths.frames, cleanup: cleanup)
    }
  }

  public func consume(_ frame: ImageSurface, index: Int) throws {
    try write(paths.frame(index, in: folder)) { try PNG.write(frame, to: $0, opaque: !transparent) }
  }

  public func repeatFrame(_ index: Int, of source: Int) throws {
    let target = paths.frame(index, in: folder)
    try write(target) { temporary in
      do {
        try FileManager.default.copyItem(atPath: paths.frame(source, in: folder), toPath: temporary)
      } catch {
        throw ExportError.cannotWrite(path: target, reason: OutputPaths.reason(error))
      }
    }
  }

  /// Writes one frame file with `body`: straight into a whole clip's own folder, or under
  /// a temporary name then renamed into the shared folder.
  private func write(_ path: String, _ body: (String) throws -> Void) throws {
    guard !wholeClip else { return try body(path) }
    // The temporary's name must not be a frame's: a copy of a repeated frame reads the
    // final file, which exists by then.
    let temporary = try cleanup.temporary(for: path)
    try? FileManager.default.removeItem(atPath: temporary)
    try body(temporary)
    try cleanup.commit(temporary, to: path)
  }

  public func finish() throws {
    if wholeClip { try cleanup.commit(folder, to: paths.frames) }
  }

  public func cancel() {
    if wholeClip {
      try? FileManager.default.removeItem(atPath: folder)
      cleanup.untrack(folder)
    }
  }
}
