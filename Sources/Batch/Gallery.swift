import Export
import Foundation

/// `OUTPUT/index.html`: a page showing everything rendered into an output folder — each
/// clip with its poster frame and a player, each slide deck with thumbnails linking to the
/// PNGs, the PDF, the SVGs and the HTML deck, stills, and frame folders. It is made by
/// looking at the folder, so it shows renders made by hand as well as by `render batch`.
/// Poster frames (a clip's last frame, which is where a scene ends up) are made with ffmpeg
/// into `OUTPUT/.gallery/` and made again only when their clip changes.
public struct Gallery {
  public let root: String
  public let ffmpeg: FFmpeg?

  public init(root: String, ffmpeg: FFmpeg?) {
    self.root = root
    self.ffmpeg = ffmpeg
  }

  /// What one output folder holds, as paths relative to the gallery's root.
  public struct Entry: Sendable, Equatable {
    public let name: String
    public var clips: [String] = []
    public var posters: [String: String] = [:]
    public var segments: [String] = []
    public var stills: [String] = []
    public var slides: [String] = []
    public var vectorSlides: [String] = []
    public var slidesPDF: String?
    public var deck: String?
    public var frames: FrameFolder?

    var isEmpty: Bool {
      clips.isEmpty && segments.isEmpty && stills.isEmpty && slides.isEmpty && vectorSlides.isEmpty
        && slidesPDF == nil && deck == nil && frames == nil
    }
  }

  /// A folder of PNG frames: where, its first frame, how many.
  public struct FrameFolder: Sendable, Equatable {
    public let folder: String
    public let first: String
    public let count: Int
  }

  /// Writes the page (and any missing poster frames); returns its path.
  public func write() throws -> String {
    var entries = scan()
    for index in entries.indices {
      for clip in entries[index].clips where !clip.hasSuffix(".gif") {
        if let poster = poster(for: clip) { entries[index].posters[clip] = poster }
      }
    }
    let page = (root as NSString).appendingPathComponent("index.html")
    let html = GalleryPage.html(title: (Self.absolute(root) as NSString).lastPathComponent, entries: entries)
    let temporary = (root as NSString).appendingPathComponent(".index.html.partial-\(RenderID.current())")
    do {
      try Data(html.utf8).write(to: URL(fileURLWithPath: temporary))
      guard rename(temporary, page) == 0 else {
        throw ExportError.cannotWrite(path: page, reason: String(cString: strerror(errno)))
      }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      if let error = error as? ExportError { throw error }
      throw ExportError.cannotWrite(path: page, reason: OutputPaths.reason(error))
    }
    return page
  }

  /// The output folders under the root, each with what it holds; empty ones left out.
  public func scan() -> [Entry] {
    let manager = FileManager.default
    let folders = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    return folders.compactMap { name -> Entry? in
      let folder = (root as NSString).appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard manager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { return nil }
      var entry = Entry(name: name)
      let files = Self.visible(in: folder)
      for file in files {
        let path = "\(name)/\(file)"
        let ext = (file as NSString).pathExtension.lowercased()
        if ["mp4", "webm", "gif"].contains(ext) {
          if file.range(of: #"-frames-\d+-\d+\."#, options: .regularExpression) != nil {
            entry.segments.append(path)
          } else {
            entry.clips.append(path)
          }
        } else if ext == "png", file.contains("-at-") {
          entry.stills.append(path)
        } else if ext == "pdf", file.hasSuffix("-slides.pdf") {
          entry.slidesPDF = path
        } else if ext == "html", file.hasSuffix("-deck.html") {
          entry.deck = path
        }
      }
      for file in Self.visible(in: (folder as NSString).appendingPathComponent("slides")) {
        let ext = (file as NSString).pathExtension.lowercased()
        if ext == "png" { entry.slides.append("\(name)/slides/\(file)") }
        if ext == "svg" { entry.vectorSlides.append("\(name)/slides/\(file)") }
      }
      let frames = Self.visible(in: (folder as NSString).appendingPathComponent("frames")).filter {
        $0.hasSuffix(".png")
      }
      if let first = frames.first {
        entry.frames = FrameFolder(folder: "\(name)/frames", first: "\(name)/frames/\(first)", count: frames.count)
      }
      return entry.isEmpty ? nil : entry
    }
  }

  /// The poster of `clip` (relative to the root), made if missing or older than the clip.
  private func poster(for clip: String) -> String? {
    guard let ffmpeg else { return nil }
    // Named by a digest of the clip's path: one poster per clip, whatever its name.
    let relative = ".gallery/" + SHA256.hex(clip).prefix(24) + ".png"
    let poster = (root as NSString).appendingPathComponent(relative)
    let source = (root as NSString).appendingPathComponent(clip)
    if let made = Self.modified(poster), let changed = Self.modified(source), made >= changed { return relative }
    try? FileManager.default.createDirectory(
      atPath: (poster as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let temporary = poster + ".partial-\(RenderID.current()).png"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ffmpeg.path)
    // The last frame: seek near the end, keep overwriting one image.
    process.arguments = [
      "-hide_banner", "-loglevel", "error", "-y", "-sseof", "-0.5", "-i", source, "-vf", "scale=640:-2", "-update", "1",
      "-f", "image2", temporary,
    ]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    guard process.terminationStatus == 0, rename(temporary, poster) == 0 else {
      try? FileManager.default.removeItem(atPath: temporary)
      return nil
    }
    return relative
  }

  private static func visible(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
  }

  private static func modified(_ path: String) -> Double? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
  }

  private static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
  }
}
