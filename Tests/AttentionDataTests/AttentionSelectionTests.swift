import Testing

@testable import AttentionData

@Suite struct AttentionSelectionTests {
  func read(_ name: String) throws -> AttentionTensor {
    try AttentionFile.read(try fixture(name)).tensor
  }

  @Test func headsLayersAndBatchItemsArePicked() throws {
    let fiveD = try read("hf-5d.npy")  // [layers 2, batch 1, heads 2, 3, 3]
    let picked = try fiveD.select(AttentionSelection(layer: 0, head: .index(1)))
    #expect(picked.weights == head1)
    #expect(picked.source == "hf-5d.npy, layer 0 of 2, head 1 of 2")
    // The last layer by default, and -1 is the last too: layer 1 holds head1 then head0.
    #expect(try fiveD.select(AttentionSelection(head: .index(0))).weights == head1)
    #expect(try fiveD.select(AttentionSelection(layer: -1, head: .index(1))).weights == head0)
  }

  @Test func theMeanOfHeadsIsComputedCellByCell() throws {
    let picked = try read("v2-f8-big-3d.npy").select(AttentionSelection())
    #expect(picked.source == "v2-f8-big-3d.npy, mean of 2 heads")
    #expect(picked.rowsAreDistributions)
    for (row, expected) in zip(picked.weights, meanOfHeads) {
      for (value, want) in zip(row, expected) { #expect(abs(value - want) < 1e-12) }
      #expect(abs(row.reduce(0, +) - 1) < 1e-12)
    }
  }

  @Test func theMaxOfHeadsIsNoLongerADistribution() throws {
    let picked = try read("one.safetensors").select(AttentionSelection(head: .max))
    #expect(picked.weights == [[0.5, 0.5, 0.25], [0.5, 0.75, 0.25], [0.25, 0.5, 0.5]])
    #expect(!picked.rowsAreDistributions)
    #expect(picked.source == "one.safetensors, max of 2 heads")
  }

  @Test(arguments: [
    (
      "hf-5d.npy", AttentionSelection(layer: 2),
      "hf-5d.npy: layer 2 is out of range: the file has 2 layers (0 to 1, or -1 for the last)"
    ),
    (
      "hf-5d.npy", AttentionSelection(head: .index(5)),
      "hf-5d.npy: head 5 is out of range: the file has 2 heads (0 to 1)"
    ),
    ("hf-5d.npy", AttentionSelection(batch: 1), "hf-5d.npy: batch item 1 is out of range: the file has 1 (0 to 0)"),
    (
      "v1-f4-2d.npy", AttentionSelection(layer: 0),
      "v1-f4-2d.npy: has no layers (shape [3, 3]), so --layer 0 does not apply; leave it out"
    ),
    (
      "v1-f4-2d.npy", AttentionSelection(head: .index(0)),
      "v1-f4-2d.npy: has no heads (shape [3, 3]), so --head 0 does not apply"
    ),
    ("bad-rank1.npy", AttentionSelection(), "bad-rank1.npy: expected 2 to 5 dimensions, got 1 (shape [2])"),
    (
      "bad-nonsquare.npy", AttentionSelection(),
      "bad-nonsquare.npy: self-attention is square, but the last two dimensions are 2 × 3 (shape [2, 3])"
    ),
    ("bad-nan.npy", AttentionSelection(), "bad-nan.npy: NaN at [1, 0]; attention weights must be numbers"),
    (
      "bad-negative.npy", AttentionSelection(),
      "bad-negative.npy: negative weight -0.25 at [1, 0]; attention weights are probabilities (did you save the scores before softmax?)"
    ),
  ])
  func badSelectionsAndValuesGetOneClearLine(file: String, selection: AttentionSelection, message: String) throws {
    let tensor = try read(file)
    let error = #expect(throws: AttentionFileError.self) { try tensor.select(selection) }
    #expect(error?.description == message)
  }
}
