import Foundation

/// Writes `.npy` files (version 1.0, little-endian float32, C order): what NumPy's
/// `np.load` reads back exactly.
public enum NPYWriter {
  /// The bytes of a `.npy` file holding `values` (row-major) with `shape`.
  public static func data(shape: [Int], values: [Float]) -> Data {
    precondition(shape.reduce(1, *) == values.count, "values for shape \(shape)")
    let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
    // Magic (6) + version (2) + length (2) + header + newline, padded to 64 bytes.
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    var data = Data(NPYFile.magic + [1, 0])
    let length = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
    data.append(contentsOf: Array(header.utf8))
    data.reserveCapacity(data.count + values.count * 4)
    for value in values {
      let bits = value.bitPattern.littleEndian
      withUnsafeBytes(of: bits) { data.append(contentsOf: $0) }
    }
    return data
  }
}
