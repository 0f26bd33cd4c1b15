import Canvas
import Foundation

/// Writes frames as `<scene>-00000.png`, … into a folder of this render's own, which then
/// replaces the frames folder in one atomic step (see `CleanupRegistry.commit`): readers
/// see the old frames or the new, and renders writing the same folder at once all succeed.
/// Frames may arrive from any thread.
public final class PNGSequenceSink: ConcurrentFrameSink {
  private let paths: OutputPaths
  private let temporary: String
  private let transparent: Bool
  private let cleanup: CleanupRegistry

  public init(paths: OutputPaths, transparent: Bool, cleanup: CleanupRegistry) throws {
    self.paths = paths
    self.transparent = transparent
    self.cleanup = cleanup
    temporary = try cleanup.temporary(for: paths.frames, folder: true)
  }

  public func consume(_ frame: ImageSurface, index: Int) throws {
    try PNG.write(frame, to: paths.frame(index, in: temporary), opaque: !transparent)
  }

  public func repeatFrame(_ index: Int, of source: Int) throws {
    let target = paths.frame(index, in: temporary)
    do {
      try FileManager.default.copyItem(atPath: paths.frame(source, in: temporary), toPath: target)
    } catch {
      throw ExportError.cannotWrite(path: target, reason: OutputPaths.reason(error))
    }
  }

  public func finish() throws {
    try cleanup.commit(temporary, to: paths.frames)
  }

  public func cancel() {
    try? FileManager.default.removeItem(atPath: temporary)
    cleanup.untrack(temporary)
  }
}
