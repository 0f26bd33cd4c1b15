import Foundation
import Testing

@testable import AttentionData

/// The fixture files, written by `Scripts/make-attention-fixtures`.
func fixture(_ name: String) throws -> String {
  try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)).path
}

let head0: [[Double]] = [[0.5, 0.25, 0.25], [0.125, 0.75, 0.125], [0.25, 0.25, 0.5]]
let head1: [[Double]] = [[0.25, 0.5, 0.25], [0.5, 0.25, 0.25], [0, 0.5, 0.5]]
/// The mean of the two heads, by hand.
let meanOfHeads: [[Double]] = [[0.375, 0.375, 0.25], [0.3125, 0.5, 0.1875], [0.125, 0.375, 0.5]]

@Suite struct AttentionFileTests {
  func read(_ name: String, tensor: String? = nil) throws -> AttentionTensor {
    try AttentionFile.read(try fixture(name), tensor: tensor).tensor
  }

  @Test(arguments: [
    ("v1-f4-2d.npy", [3, 3]), ("v2-f8-big-3d.npy", [2, 3, 3]), ("v3-f2-4d.npy", [2, 2, 3, 3]),
    ("fortran-f4-3d.npy", [2, 3, 3]), ("hf-5d.npy", [2, 1, 2, 3, 3]), ("one.safetensors", [2, 3, 3]),
    ("bf16.safetensors", [2, 3, 3]), ("f16.safetensors", [3, 3]), ("header.csv", [3, 3]), ("plain.csv", [3, 3]),
    ("nested.json", [2, 3, 3]), ("object.json", [3, 3]),
  ])
  func everyVariantReadsItsShape(file: String, shape: [Int]) throws {
    #expect(try read(file).shape == shape)
  }

  @Test func numbersComeOutInTheirPlaces() throws {
    // The fixtures' numbers are exact in every type, so every variant gives them exactly.
    #expect(try read("v1-f4-2d.npy").matrix(at: []) == head0)
    for file in ["v2-f8-big-3d.npy", "fortran-f4-3d.npy", "one.safetensors", "bf16.safetensors", "nested.json"] {
      let tensor = try read(file)
      #expect(tensor.matrix(at: [0]) == head0, "\(file)")
      #expect(tensor.matrix(at: [1]) == head1, "\(file)")
    }
    let fourD = try read("v3-f2-4d.npy")
    #expect(fourD.matrix(at: [1, 0]) == head1 && fourD.matrix(at: [1, 1]) == head0)
    let fiveD = try read("hf-5d.npy")
    #expect(fiveD.matrix(at: [1, 0, 1]) == head0)
    #expect(try read("f16.safetensors").matrix(at: []) == head0)
    #expect(try read("plain.csv").matrix(at: []) == head0)
  }

  @Test func theFileNamesItsTokensWhenItCan() throws {
    #expect(try AttentionFile.read(try fixture("header.csv")).tokens == ["[CLS]", "Ġcat", "##s"])
    #expect(try AttentionFile.read(try fixture("object.json")).tokens == ["[CLS]", "Ġcat", "##s"])
    #expect(try AttentionFile.read(try fixture("plain.csv")).tokens == nil)
  }

  @Test func aSafetensorsFileWithSeveralTensorsNeedsAName() throws {
    #expect(try read("two.safetensors", tensor: "layer1").matrix(at: []) == head1)
    let error = #expect(throws: AttentionFileError.self) { try read("two.safetensors") }
    #expect(error?.description == "two.safetensors: holds 2 tensors; pick one with --tensor NAME: layer0, layer1")
    let unknown = #expect(throws: AttentionFileError.self) { try read("two.safetensors", tensor: "layer9") }
    #expect(unknown?.description == "two.safetensors: no tensor named 'layer9'; it holds: layer0, layer1")
  }

  @Test(arguments: [
    (
      "bad-int.npy",
      "bad-int.npy: unsupported dtype '<i4' (attention must be float16, float32 or float64; in NumPy: a.astype('float32'))"
    ),
    ("bad-truncated.npy", "bad-truncated.npy: truncated: shape [3, 3] of float32 needs 36 bytes, the file has 31"),
    (
      "bad-terabytes.npy",
      "bad-terabytes.npy: truncated: shape [1000000, 1000000, 1000000] of float32 needs 4000000000000000000 bytes, the file has 16"
    ),
    ("bad-truncated.safetensors", "bad-truncated.safetensors: truncated: tensor 'attn' lies past the end of the file"),
    ("bad-json.safetensors", "bad-json.safetensors: malformed .safetensors header (not a JSON object)"),
    ("bad-ragged.csv", "bad-ragged.csv: line 2 has 3 values, the rows before it 2 (every row needs the same count)"),
    ("bad-word.csv", "bad-word.csv: line 2, column 2: 'half' is not a number"),
    ("bad-ragged.json", "bad-ragged.json: ragged arrays: 1 items at [1], 2 in the first array at that depth"),
    ("bad-empty.csv", "bad-empty.csv: empty file"),
  ])
  func badFilesGetOneClearLine(file: String, message: String) throws {
    let path = try fixture(file)
    let error = #expect(throws: AttentionFileError.self) { try AttentionFile.read(path) }
    #expect(error?.description == message)
  }

  @Test func aMalformedHeaderIsQuoted() throws {
    let path = try fixture("bad-header.npy")
    let error = #expect(throws: AttentionFileError.self) { try AttentionFile.read(path) }
    #expect(
      error?.description.hasPrefix("bad-header.npy: malformed .npy header: {'descr'  '<f4'") == true,
      "\(String(describing: error))")
  }

  @Test func missingFilesAndDirectoriesAreNamed() throws {
    let missing = #expect(throws: AttentionFileError.self) { try AttentionFile.read("/nonexistent/attn.npy") }
    #expect(missing?.description == "/nonexistent/attn.npy: no such file")
    let directory = #expect(throws: AttentionFileError.self) { try AttentionFile.read("/tmp") }
    #expect(directory?.description == "/tmp: is a directory, not a file")
  }
}
