import Foundation
import TensorMath
import Testing

@testable import AttentionData

/// Every fixture, mutated many ways (cut short, bytes flipped, bytes inserted, numbers in
/// the header changed), read and selected: each gives a tensor or an `AttentionFileError`,
/// never a crash, a hang or another kind of error. Mutations come from a seeded generator,
/// so a failure names one that can be replayed.
@Suite struct FuzzCorpusTests {
  static let seeds = [
    "v1-f4-2d.npy", "v2-f8-big-3d.npy", "v3-f2-4d.npy", "fortran-f4-3d.npy", "hf-5d.npy", "one.safetensors",
    "two.safetensors", "bf16.safetensors", "header.csv", "nested.json", "object.json",
  ]

  /// `data` changed by mutation number `k`.
  static func mutate(_ data: Data, _ k: Int, using random: inout SeededGenerator) -> Data {
    var bytes = [UInt8](data)
    guard !bytes.isEmpty else { return data }
    switch k % 5 {
    case 0: bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
    case 1:
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
      }
    case 2:
      bytes.insert(
        contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) },
        at: Int.random(in: 0...bytes.count, using: &random))
    case 3:
      // A digit in the first 128 bytes (a header's shape or length) made another digit.
      let digits = bytes.prefix(128).indices.filter { (48...57).contains(bytes[$0]) }
      if let index = digits.randomElement(using: &random) { bytes[index] = UInt8.random(in: 48...57, using: &random) }
    default:
      // The length fields of .npy and .safetensors set to large values.
      for index in [8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6, 7] where index < bytes.count && Bool.random(using: &random) {
        bytes[index] = 0xFF
      }
    }
    return Data(bytes)
  }

  @Test(arguments: seeds)
  func mutatedFilesNeverCrash(seed: String) throws {
    let original = try Data(contentsOf: URL(fileURLWithPath: try fixture(seed)))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SeededGenerator(seed: UInt64(seed.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
    var outcomes = (read: 0, refused: 0)
    for k in 0..<300 {
      let path = folder.appendingPathComponent("m\(k).\((seed as NSString).pathExtension)").path
      try Self.mutate(original, k, using: &random).write(to: URL(fileURLWithPath: path))
      do {
        let (tensor, _) = try AttentionFile.read(path, tensor: seed == "two.safetensors" ? "layer0" : nil)
        for selection in [
          AttentionSelection(), AttentionSelection(head: .max), AttentionSelection(layer: 0, head: .index(1)),
        ] {
          _ = try? tensor.select(selection)
        }
        outcomes.read += 1
      } catch is AttentionFileError {
        outcomes.refused += 1
      }
    }
    #expect(outcomes.read + outcomes.refused == 300)
    #expect(outcomes.refused > 0, "mutations that break the file are refused")
  }
}
