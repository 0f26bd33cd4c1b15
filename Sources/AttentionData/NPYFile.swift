import Foundation

/// NumPy's `.npy` format, versions 1.0, 2.0 and 3.0: a magic string, a header that is a
/// Python dict literal (`{'descr': '<f4', 'fortran_order': False, 'shape': (12, 16, 16), }`)
/// and the raw numbers.
enum NPYFile {
  static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

  /// The tensor in `data`, the contents of the file called `file`.
  static func read(_ data: Data, file: String) throws -> AttentionTensor {
    func fail(_ problem: String) -> AttentionFileError { AttentionFileError(file, problem) }
    guard data.count >= 10, Array(data.prefix(6)) == magic else {
      throw fail("not a NumPy .npy file (it does not start with \\x93NUMPY)")
    }
    let major = data[data.startIndex + 6]
    let headerLength: Int
    let headerStart: Int
    switch major {
    case 1:
      headerLength = Int(data[data.startIndex + 8]) | Int(data[data.startIndex + 9]) << 8
      headerStart = 10
    case 2, 3:
      guard data.count >= 12 else { throw fail("truncated .npy header") }
      headerLength = (0..<4).reduce(0) { $0 | Int(data[data.startIndex + 8 + $1]) << (8 * $1) }
      headerStart = 12
    default:
      throw fail("unsupported .npy version \(major).\(data[data.startIndex + 7]) (Reel reads 1.0, 2.0 and 3.0)")
    }
    guard headerStart + headerLength <= data.count else {
      throw fail(
        "truncated .npy header (it claims \(headerLength) bytes, the file has \(data.count - headerStart) left)")
    }
    let headerBytes = data[(data.startIndex + headerStart)..<(data.startIndex + headerStart + headerLength)]
    guard let header = String(bytes: headerBytes, encoding: major == 3 ? .utf8 : .isoLatin1) else {
      throw fail("the .npy header is not text")
    }
    let fields: [String: PythonLiteral]
    do {
      guard case .dict(let dict) = try PythonLiteral.parse(header) else { throw PythonLiteral.Failure() }
      fields = dict
    } catch {
      throw fail("malformed .npy header: \(header.trimmingCharacters(in: .whitespacesAndNewlines).prefix(120))")
    }
    guard case .string(let descr) = fields["descr"] else { throw fail("the .npy header has no 'descr'") }
    guard case .bool(let fortran) = fields["fortran_order"] else {
      throw fail("the .npy header has no 'fortran_order'")
    }
    guard case .tuple(let dimensions) = fields["shape"] else { throw fail("the .npy header has no 'shape'") }
    let type = try elementType(descr, file: file)
    let shape = try dimensions.map { dimension -> Int in
      guard case .integer(let size) = dimension, size >= 0 else { throw fail("malformed shape in the .npy header") }
      return size
    }
    let offset = headerStart + headerLength
    try checkSize(shape: shape, type: type, available: data.count - offset, file: file)
    return AttentionTensor(
      file: file, shape: shape, storage: .bytes(data, offset: offset, type: type, columnMajor: fortran))
  }

  /// The element type a NumPy type string names: `<f4`, `>f8`, `<f2`, `=f4`.
  static func elementType(_ descr: String, file: String) throws -> ElementType {
    let order = descr.first
    let code = order == "<" || order == ">" || order == "=" || order == "|" ? String(descr.dropFirst()) : descr
    let bigEndian = order == ">"
    switch code {
    case "f2": return ElementType(.float16, bigEndian: bigEndian)
    case "f4": return ElementType(.float32, bigEndian: bigEndian)
    case "f8": return ElementType(.float64, bigEndian: bigEndian)
    default:
      throw AttentionFileError(
        file,
        "unsupported dtype '\(descr)' (attention must be float16, float32 or float64; in NumPy: a.astype('float32'))")
    }
  }

  /// Throws unless `available` bytes hold a tensor of `shape` (checked without overflow,
  /// so a header claiming terabytes is refused before anything is read).
  static func checkSize(shape: [Int], type: ElementType, available: Int, file: String) throws {
    var bytes = type.size
    for size in shape {
      let (product, overflow) = bytes.multipliedReportingOverflow(by: size)
      guard !overflow else {
        throw AttentionFileError(file, "shape \(shapeText(shape)) of \(type) is larger than any file can be")
      }
      bytes = product
    }
    guard bytes <= available else {
      throw AttentionFileError(
        file, "truncated: shape \(shapeText(shape)) of \(type) needs \(bytes) bytes, the file has \(available)")
    }
  }
}

/// A shape as people write it: `[12, 16, 16]`.
func shapeText(_ shape: [Int]) -> String {
  "[" + shape.map(String.init).joined(separator: ", ") + "]"
}
