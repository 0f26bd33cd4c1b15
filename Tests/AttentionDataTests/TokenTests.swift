import Testing

@testable import AttentionData

@Suite struct TokenTests {
  @Test(arguments: [
    ("Ġthe", "the"), ("▁the", "the"), ("##ing", "-ing"), ("the", "the"), ("[CLS]", "[CLS]"), ("Ġ", "Ġ"),
    ("##", "##"), ("ĠĊ", "↵"), ("<|endoftext|>", "<|endoftext|>"),
  ])
  func wordPiecesReadAsWords(raw: String, shown: String) {
    #expect(Token(raw).pretty == shown)
  }

  @Test func specialTokensAreKnown() {
    for raw in ["[CLS]", "[SEP]", "<s>", "</s>", "<pad>", "<|endoftext|>"] { #expect(Token(raw).isSpecial) }
    for raw in ["cat", "Ġ[CLS]", "CLS"] { #expect(!Token(raw).isSpecial) }
  }

  @Test func tokensComeFromAFileOrTheText() throws {
    let fromJSON = try TokenFile.tokens(from: try fixture("tokens.json")).map(\.raw)
    #expect(fromJSON == ["[CLS]", "Ġcat", "##s"])
    #expect(try TokenFile.tokens(from: try fixture("tokens.txt")).map(\.raw) == fromJSON)
    #expect(try TokenFile.tokens(from: "The cat  sat").map(\.raw) == ["The", "cat", "sat"])
  }

  @Test func aHeadIsANumberMeanOrMax() {
    #expect(HeadChoice("3") == .index(3) && HeadChoice("MEAN") == .mean && HeadChoice("max") == .max)
    #expect(HeadChoice("first") == nil)
  }
}
