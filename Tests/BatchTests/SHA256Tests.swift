import Batch
import Testing

@Suite struct SHA256Tests {
  /// FIPS 180-4's examples, and a message that spans two blocks after padding.
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func knownDigests(_ message: String, _ digest: String) {
    #expect(SHA256.hex(message) == digest)
  }

  @Test func feedingInPiecesGivesTheSameDigest() {
    let text = String(repeating: "Reel renders transformer explainers. ", count: 40)
    var hasher = SHA256()
    for piece in text.split(separator: " ", omittingEmptySubsequences: false) { hasher.update(piece + " ") }
    var whole = SHA256()
    whole.update(text.split(separator: " ", omittingEmptySubsequences: false).map { $0 + " " }.joined())
    #expect(hasher.finalizeHex() == whole.finalizeHex())
    #expect(
      SHA256.hex(String(repeating: "a", count: 1_000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
