import Foundation

/// The HuggingFace `.safetensors` format: an 8-byte little-endian header length, a JSON
/// header naming each tensor's dtype, shape and byte range, then the raw little-endian
/// numbers.
enum SafetensorsFile {
  /// One tensor the header lists.
  struct Entry {
    let name: String
    let type: String
    let shape: [Int]
    let begin: Int
    let end: Int
  }

  /// The tensors `data` (the contents of the file called `file`) lists, by name, and where
  /// their numbers start.
  static func entries(_ data: Data, file: String) throws -> (entries: [Entry], dataStart: Int) {
    func fail(_ problem: String) -> AttentionFileError { AttentionFileError(file, problem) }
    guard data.count >= 8 else { throw fail("not a .safetensors file (shorter than its 8-byte header length)") }
    let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[data.startIndex + $1]) << (8 * UInt64($1)) }
    guard length <= UInt64(data.count - 8) else {
      throw fail(
        "truncated or not a .safetensors file (its header claims \(length) bytes, the file has \(data.count - 8))")
    }
    let header = data[(data.startIndex + 8)..<(data.startIndex + 8 + Int(length))]
    guard let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
      throw fail("malformed .safetensors header (not a JSON object)")
    }
    let dataStart = 8 + Int(length)
    let available = data.count - dataStart
    var entries: [Entry] = []
    for (name, value) in object where name != "__metadata__" {
      guard let fields = value as? [String: Any], let type = fields["dtype"] as? String,
        let shape = (fields["shape"] as? [Any])?.compactMap(wholeNumber),
        shape.count == (fields["shape"] as? [Any])?.count,
        let offsets = (fields["data_offsets"] as? [Any])?.compactMap(wholeNumber),
        offsets.count == 2
      else { throw fail("malformed entry '\(name)' in the .safetensors header") }
      guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= available else {
        throw fail("truncated: tensor '\(name)' lies past the end of the file")
      }
      entries.append(Entry(name: name, type: type, shape: shape, begin: offsets[0], end: offsets[1]))
    }
    return (entries.sorted { $0.name < $1.name }, dataStart)
  }

  /// The tensor called `name` in `data`, or the only one when `name` is nil.
  static func read(_ data: Data, file: String, tensor name: String?) throws -> AttentionTensor {
    let (entries, dataStart) = try entries(data, file: file)
    let names = entries.map(\.name).joined(separator: ", ")
    let entry: Entry
    if let name {
      guard let named = entries.first(where: { $0.name == name }) else {
        throw AttentionFileError(file, "no tensor named '\(name)'; it holds: \(names)")
      }
      entry = named
    } else {
      guard entries.count == 1, let only = entries.first else {
        throw AttentionFileError(
          file,
          entries.isEmpty ? "holds no tensors" : "holds \(entries.count) tensors; pick one with --tensor NAME: \(names)"
        )
      }
      entry = only
    }
    let type = try elementType(entry.type, file: file)
    try NPYFile.checkSize(shape: entry.shape, type: type, available: entry.end - entry.begin, file: file)
    let needed = entry.shape.reduce(type.size, *)
    guard needed == entry.end - entry.begin else {
      throw AttentionFileError(
        file,
        "tensor '\(entry.name)' has \(entry.end - entry.begin) bytes, but shape \(shapeText(entry.shape)) of \(type) needs \(needed)"
      )
    }
    return AttentionTensor(
      file: file, shape: entry.shape,
      storage: .bytes(data, offset: dataStart + entry.begin, type: type, columnMajor: false))
  }

  /// A JSON number that is a whole number a file could hold, else nil (never a trap on
  /// 1e30 or 2.5).
  private static func wholeNumber(_ value: Any) -> Int? {
    guard let number = value as? NSNumber else { return nil }
    let double = number.doubleValue
    guard double.isFinite, double == double.rounded(), abs(double) < 1e15 else { return nil }
    return Int(double)
  }

  static func elementType(_ name: String, file: String) throws -> ElementType {
    switch name {
    case "F16": return ElementType(.float16)
    case "BF16": return ElementType(.bfloat16)
    case "F32": return ElementType(.float32)
    case "F64": return ElementType(.float64)
    default:
      throw AttentionFileError(file, "unsupported dtype \(name) (attention must be F16, BF16, F32 or F64)")
    }
  }
}
