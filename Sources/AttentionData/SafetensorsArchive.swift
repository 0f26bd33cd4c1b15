import Foundation

/// All the tensors of a `.safetensors` file, by name: a model's weights. The file is
/// memory-mapped; a tensor's numbers are decoded when it is asked for.
public struct SafetensorsArchive: Sendable {
  public let file: String
  private let data: Data
  private let entries: [String: SafetensorsFile.Entry]
  private let dataStart: Int

  public init(path: String) throws {
    data = try AttentionFile.contents(of: path)
    file = (path as NSString).lastPathComponent
    let (list, start) = try SafetensorsFile.entries(data, file: file)
    entries = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    dataStart = start
  }

  public var names: [String] { entries.keys.sorted() }

  /// The tensor called `name`, its numbers as `Float` in row-major order, and its shape.
  public func floats(_ name: String) throws -> (values: [Float], shape: [Int]) {
    guard let entry = entries[name] else { throw AttentionFileError(file, "has no tensor '\(name)'") }
    let type = try SafetensorsFile.elementType(entry.type, file: file)
    let count = entry.shape.reduce(1, *)
    guard count * type.size == entry.end - entry.begin else {
      throw AttentionFileError(
        file, "tensor '\(name)' has \(entry.end - entry.begin) bytes for shape \(shapeText(entry.shape))")
    }
    let values = data.withUnsafeBytes { raw -> [Float] in
      guard let base = raw.baseAddress?.advanced(by: dataStart + entry.begin) else { return [] }
      if type.kind == .float32 && !type.bigEndian && UInt32(littleEndian: 1) == 1 {
        // Little-endian floats on a little-endian machine: the bytes as they are.
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
          UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(start: base, count: count * 4))
          initialized = count
        }
      }
      return (0..<count).map { Float(type.value(at: base + $0 * type.size)) }
    }
    return (values, entry.shape)
  }

  /// Rows `indices` of the two-dimensional tensor called `name`, decoded alone: an
  /// embedding table's few rows without reading all of it.
  public func rows(_ name: String, _ indices: [Int]) throws -> [[Float]] {
    guard let entry = entries[name], entry.shape.count == 2 else {
      throw AttentionFileError(file, "has no two-dimensional tensor '\(name)'")
    }
    let type = try SafetensorsFile.elementType(entry.type, file: file)
    let (count, width) = (entry.shape[0], entry.shape[1])
    guard count * width * type.size == entry.end - entry.begin else {
      throw AttentionFileError(
        file, "tensor '\(name)' has \(entry.end - entry.begin) bytes for shape \(shapeText(entry.shape))")
    }
    if let bad = indices.first(where: { !(0..<count).contains($0) }) {
      throw AttentionFileError(file, "row \(bad) of '\(name)' is out of range (it has \(count))")
    }
    return data.withUnsafeBytes { raw in
      guard let base = raw.baseAddress?.advanced(by: dataStart + entry.begin) else { return [] }
      return indices.map { row in
        (0..<width).map { Float(type.value(at: base + (row * width + $0) * type.size)) }
      }
    }
  }
}
