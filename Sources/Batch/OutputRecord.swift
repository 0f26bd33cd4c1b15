import Foundation

/// What a render made and from what: its content key and each output file with its size
/// and modification time, stored as JSON beside the outputs. A batch skips a job whose
/// record has the job's key and whose outputs are all still as recorded; anything else (a
/// changed option, another Reel, a file edited or rendered over by hand) renders again.
public struct OutputRecord: Codable, Sendable, Equatable {
  public struct File: Codable, Sendable, Equatable {
    /// Relative to the record's folder.
    public let path: String
    public let size: Int64
    /// Seconds since 1970, to the nanosecond.
    public let modified: Double
  }

  public let key: String
  public let files: [File]

  /// The record of `outputs` (absolute or relative paths, inside `folder`) made with `key`.
  /// An output that is a folder (a PNG sequence) is recorded file by file, so a frame
  /// edited or deleted inside it is noticed.
  public init(key: String, outputs: [String], folder: String) throws {
    self.key = key
    self.files = try outputs.flatMap(Self.filesUnder).sorted().map { path in
      guard let file = Self.file(path, folder: folder) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
      }
      return file
    }
  }

  /// Whether the outputs are all still there, unchanged, and were made with `key`.
  public func isCurrent(key: String, folder: String) -> Bool {
    guard key == self.key, !files.isEmpty else { return false }
    return files.allSatisfy { recorded in
      Self.file((folder as NSString).appendingPathComponent(recorded.path), folder: folder) == recorded
    }
  }

  /// The output paths, absolute.
  public func paths(in folder: String) -> [String] {
    files.map { (folder as NSString).appendingPathComponent($0.path) }
  }

  /// The record stored at `path`, or nil when there is none or it cannot be read (a
  /// record from an older Reel, a file cut short): either way the job renders again.
  public static func read(_ path: String) -> OutputRecord? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? JSONDecoder().decode(OutputRecord.self, from: data)
  }

  /// The JSON to store.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return try encoder.encode(self)
  }

  /// `path` itself, or the files inside it when it is a folder.
  private static func filesUnder(_ path: String) -> [String] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
      return [path]
    }
    let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
    return names.map { (path as NSString).appendingPathComponent($0) }.filter { file in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
    }
  }

  private static func file(_ path: String, folder: String) -> File? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    return File(
      path: relative, size: Int64(info.st_size),
      modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
  }
}
