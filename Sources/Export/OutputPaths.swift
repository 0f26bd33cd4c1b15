import Foundation

/// Where a scene's outputs go: `<output>/<scene>/<scene>.mp4`, `<output>/<scene>/frames/`,
/// `<output>/<scene>/<scene>-at-1.5s.png`.
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

  /// The still at `seconds`, named to the millisecond without trailing zeros
  /// (`-at-3s.png`, `-at-2.996s.png`), so nearby times do not overwrite each other.
  public func still(at seconds: Double) -> String {
    (folder as NSString).appendingPathComponent("\(scene)-at-\(Self.timeLabel(seconds))s.png")
  }

  public static func timeLabel(_ seconds: Double) -> String {
    var text = String(format: "%.3f", max(seconds, 0) == 0 ? 0 : seconds)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// Creates the scene folder and claims it for this render (`CleanupRegistry.claim`),
  /// with a clear error when that is impossible.
  public func createFolder(cleanup: CleanupRegistry) throws {
    try Self.createFolder(folder, cleanup: cleanup)
  }

  /// Creates `folder` (and its parents) and claims it for this render.
  public static func createFolder(_ folder: String, cleanup: CleanupRegistry) throws {
    var isFolder: ObjCBool = false
    for path in [(folder as NSString).deletingLastPathComponent, folder] {
      if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
        throw ExportError.cannotCreateFolder(path: folder, reason: "\(path) is a file, not a folder")
      }
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ExportError.cannotCreateFolder(path: folder, reason: reason(error))
    }
    guard access(folder, W_OK) == 0 else {
      throw ExportError.cannotCreateFolder(path: folder, reason: "permission denied")
    }
    do {
      try cleanup.claim(folder)
    } catch let error as ExportError {
      if case .cannotWrite(_, let reason) = error { throw ExportError.cannotCreateFolder(path: folder, reason: reason) }
      throw error
    }
  }

  /// The POSIX reason inside a Foundation file error, in words.
  public static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    switch nsError.code {
    case NSFileWriteOutOfSpaceError: return "no space left on the device"
    case NSFileWriteNoPermissionError, NSFileReadNoPermissionError: return "permission denied"
    case NSFileWriteFileExistsError: return "a file is in the way"
    default: return nsError.localizedDescription
    }
  }
}

extension OutputPaths {
  /// The slide images and SVGs: `<output>/<name>/slides/`.
  public var slides: String { (folder as NSString).appendingPathComponent("slides") }

  /// `slides/01-title.png` (or `.svg`).
  public func slide(_ slide: Slide, extension ext: String) -> String {
    (slides as NSString).appendingPathComponent("\(slide.stem).\(ext)")
  }

  /// The PDF deck, one page per slide: `<name>-slides.pdf`.
  public var slidesPDF: String { (folder as NSString).appendingPathComponent("\(scene)-slides.pdf") }

  /// The click-through HTML deck, `<name>-deck.html`, and the folder of its section clips.
  public var deckPage: String { (folder as NSString).appendingPathComponent("\(scene)-deck.html") }
  public var deckClips: String { (folder as NSString).appendingPathComponent("deck") }

  /// A section's clip in the HTML deck: `deck/01-title.mp4`.
  public func deckClip(_ slide: Slide) -> String {
    (deckClips as NSString).appendingPathComponent("\(slide.stem).mp4")
  }

  /// A clip of frames `range` only (`--frames`), for `render join`:
  /// `<name>-frames-00000-00119.mp4`.
  public func segment(_ format: OutputFormat, frames range: ClosedRange<Int>) -> String {
    let name = String(format: "%@-frames-%05d-%05d.%@", scene, range.lowerBound, range.upperBound, format.rawValue)
    return (folder as NSString).appendingPathComponent(name)
  }
}
