import Foundation

/// libFuzzer entry point for the attention file readers: the input is written to a file of
/// each kind Reel reads and read back; a crash, a hang or a leak is a bug. Built and run by
/// `Scripts/fuzz-attention-files`, outside the package (it needs -sanitize=fuzzer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-fuzz-\(getpid())")
  try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for kind in ["npy", "safetensors", "csv", "json"] {
    let path = folder.appendingPathComponent("input.\(kind)").path
    guard (try? data.write(to: URL(fileURLWithPath: path))) != nil else { continue }
    guard let (tensor, _) = try? AttentionFile.read(path) else { continue }
    for selection in [AttentionSelection(), AttentionSelection(head: .max), AttentionSelection(layer: 0, head: .index(1))] {
      _ = try? tensor.select(selection)
    }
  }
  return 0
}
