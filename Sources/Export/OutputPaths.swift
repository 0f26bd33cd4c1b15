import Foundation

/// Where a scene's outputs go: `<output>/<scene>/<scene>.mp4`, `<output>/<scene>/frames/`,
/// `<output>/<scene>/<scene>-at-1.50s.png`.
public struct OutputPaths: Sendable {
  public let folder: String
  public let scene: String

  public init(root: String, scene: String) {
    self.folder = (root as NSString).appendingPathComponent(scene)
    self.scene = scene
  }

  public func clip(_ format: OutputFormat) -> String {
    format == .png ? frames : (folder as NSString).appendingPathComponent("\(scene).\(format.rawValue)")
  }

  public var frames: String { (folder as NSString).appendingPathComponent("frames") }

  public func frame(_ index: Int, in folder: String) -> String {
    (folder as NSString).appendingPathComponent(String(format: "%@-%05d.png", scene, index))
  }

  public func still(at seconds: Double) -> String {
    (folder as NSString).appendingPathComponent(String(format: "%@-at-%.2fs.png", scene, seconds))
  }

  /// A temporary name beside `path` that keeps its extension (ffmpeg picks the muxer by it).
  public static func temporary(for path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let ext = url.pathExtension
    let name = ".\(url.deletingPathExtension().lastPathComponent).partial-\(getpid())" + (ext.isEmpty ? "" : ".\(ext)")
    return url.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// Creates the scene folder, with a clear error when that is impossible.
  public func createFolder() throws {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ExportError.cannotCreateFolder(path: folder, reason: Self.reason(error))
    }
    guard access(folder, W_OK) == 0 else {
      throw ExportError.cannotCreateFolder(path: folder, reason: "permission denied")
    }
    removeStalePartials()
  }

  /// Deletes temporary outputs left in the scene folder by renders that were killed
  /// outright (SIGKILL, power loss): `.name.partial-PID…` whose process no longer exists,
  /// or whose PID is now ours (this render has written nothing yet). Those of other renders
  /// still running on this machine are left alone.
  func removeStalePartials() {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(".") {
      guard let marker = name.range(of: ".partial-") else { continue }
      let digits = name[marker.upperBound...].prefix { $0.isNumber }
      guard let pid = Int32(digits), pid > 0 else { continue }
      guard pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
      try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
    }
  }

  static func reason(_ error: Error) -> String {
    if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return (error as NSError).localizedDescription
  }
}
