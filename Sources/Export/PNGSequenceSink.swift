import Canvas
import Foundation

/// Writes frames as `<scene>-00000.png`, … into a temporary folder that replaces the
/// frames folder only when every frame is written. Frames may arrive from any thread.
public final class PNGSequenceSink: ConcurrentFrameSink {
  private let paths: OutputPaths
  private let temporary: String
  private let transparent: Bool
  private let cleanup: CleanupRegistry

  public init(paths: OutputPaths, transparent: Bool, cleanup: CleanupRegistry) throws {
    self.paths = paths
    self.transparent = transparent
    self.cleanup = cleanup
    temporary = OutputPaths.temporary(for: paths.frames)
    try? FileManager.default.removeItem(atPath: temporary)
    do {
      try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    } catch {
      throw ExportError.cannotWrite(path: temporary, reason: OutputPaths.reason(error))
    }
    cleanup.track(temporary)
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
