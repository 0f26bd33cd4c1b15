import Foundation

/// A file of saved attention weights: `.npy`, `.safetensors`, `.csv` or `.json`, read by
/// its extension (or, without one Reel knows, by its first bytes).
public enum AttentionFile {
  /// The tensor in the file at `path`, and the tokens the file itself names (a CSV header
  /// row, a JSON object's `tokens`). `tensor` picks one tensor of a `.safetensors` file.
  public static func read(_ path: String, tensor name: String? = nil) throws -> (
    tensor: AttentionTensor, tokens: [String]?
  ) {
    let data = try contents(of: path)
    let file = (path as NSString).lastPathComponent
    let kind = (path as NSString).pathExtension.lowercased()
    if kind == "npy" || (kind != "safetensors" && data.starts(with: NPYFile.magic)) {
      return (try NPYFile.read(data, file: file), nil)
    }
    if kind == "safetensors" { return (try SafetensorsFile.read(data, file: file, tensor: name), nil) }
    if kind == "json"
      || (kind != "csv" && data.first.map { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") } == true)
    {
      return try JSONFile.read(data, file: file)
    }
    if kind == "csv" || kind == "txt" || kind == "tsv" {
      guard let text = String(data: data, encoding: .utf8) else { throw AttentionFileError(file, "not UTF-8 text") }
      return try CSVFile.read(text, file: file)
    }
    throw AttentionFileError(
      file, "unknown kind of file; Reel reads attention from .npy, .safetensors, .csv and .json files")
  }

  /// The bytes of the file at `path`, memory-mapped, or a clear error when it is missing,
  /// a directory or unreadable.
  static func contents(of path: String) throws -> Data {
    let file = (path as NSString).lastPathComponent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw AttentionFileError(path, "no such file")
    }
    guard !isDirectory.boolValue else { throw AttentionFileError(path, "is a directory, not a file") }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw AttentionFileError(path, "cannot be read (check its permissions)")
    }
    // An empty file is refused before reading (Foundation leaks a buffer mapping one).
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    guard size != 0 else { throw AttentionFileError(file, "empty file") }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw AttentionFileError(file, "cannot be read (\(error.localizedDescription))")
    }
  }
}
