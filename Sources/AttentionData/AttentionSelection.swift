/// One [queries × keys] matrix picked from a tensor of attention: a layer, a batch item and
/// a head (or all heads combined), read the way models save attention by the tensor's rank:
///
/// - 2: `[seq, seq]`
/// - 3: `[heads, seq, seq]`
/// - 4: `[layers, heads, seq, seq]`
/// - 5: `[layers, batch, heads, seq, seq]` (HuggingFace's `output_attentions`, stacked)
public struct AttentionSelection: Sendable, Equatable {
  /// The layer, counted from 0; negative counts from the last (-1 is the last). `nil`: the
  /// last layer.
  public var layer: Int?
  public var head: HeadChoice?
  public var batch: Int

  public init(layer: Int? = nil, head: HeadChoice? = nil, batch: Int = 0) {
    self.layer = layer
    self.head = head
    self.batch = batch
  }
}

/// The matrix picked, and what it is, said the way the picture says it.
public struct SelectedAttention: Sendable {
  public var weights: [[Double]]
  /// Where the numbers come from: "attn.npy, layer 4 of 6, mean of 12 heads".
  public var source: String
  /// Whether each row is a distribution (false for the max over heads).
  public var rowsAreDistributions: Bool
}

extension AttentionTensor {
  /// The dimensions: how many layers, batch items and heads the tensor has (1 where it has
  /// no such dimension) and the sequence length.
  public struct Layout: Sendable, Equatable {
    public var layers: Int?
    public var batch: Int?
    public var heads: Int?
    public var sequence: Int
  }

  /// How the tensor's dimensions read, or an error saying why it is not attention.
  public func layout() throws -> Layout {
    guard (2...5).contains(shape.count) else {
      throw AttentionFileError(file, "expected 2 to 5 dimensions, got \(shape.count) (shape \(shapeText(shape)))")
    }
    let (rows, columns) = (shape[shape.count - 2], shape[shape.count - 1])
    guard rows == columns else {
      throw AttentionFileError(
        file,
        "self-attention is square, but the last two dimensions are \(rows) × \(columns) (shape \(shapeText(shape)))")
    }
    guard rows > 0, !shape.contains(0) else { throw AttentionFileError(file, "empty: shape \(shapeText(shape))") }
    switch shape.count {
    case 2: return Layout(sequence: rows)
    case 3: return Layout(heads: shape[0], sequence: rows)
    case 4: return Layout(layers: shape[0], heads: shape[1], sequence: rows)
    default: return Layout(layers: shape[0], batch: shape[1], heads: shape[2], sequence: rows)
    }
  }

  /// The matrix `selection` picks, checked: finite, not negative.
  public func select(_ selection: AttentionSelection) throws -> SelectedAttention {
    let layout = try layout()
    var leading: [Int] = []
    var parts = [file]
    if let layers = layout.layers {
      let asked = selection.layer ?? -1
      let layer = asked < 0 ? layers + asked : asked
      guard (0..<layers).contains(layer) else {
        throw AttentionFileError(
          file, "layer \(asked) is out of range: the file has \(layers) layers (0 to \(layers - 1), or -1 for the last)"
        )
      }
      leading.append(layer)
      parts.append("layer \(layer) of \(layers)")
    } else if let layer = selection.layer {
      throw AttentionFileError(
        file, "has no layers (shape \(shapeText(shape))), so --layer \(layer) does not apply; leave it out")
    }
    if let batch = layout.batch {
      guard (0..<batch).contains(selection.batch) else {
        throw AttentionFileError(
          file, "batch item \(selection.batch) is out of range: the file has \(batch) (0 to \(batch - 1))")
      }
      leading.append(selection.batch)
      if batch > 1 { parts.append("batch item \(selection.batch)") }
    } else if selection.batch != 0 {
      throw AttentionFileError(file, "has no batch dimension (shape \(shapeText(shape))); leave out --batch")
    }
    var weights: [[Double]]
    var distributions = true
    if let heads = layout.heads {
      switch selection.head ?? .mean {
      case .index(let head):
        guard (0..<heads).contains(head) else {
          throw AttentionFileError(
            file, "head \(head) is out of range: the file has \(heads) heads (0 to \(heads - 1))")
        }
        weights = try checked(matrix(at: leading + [head]), at: leading + [head])
        parts.append("head \(head) of \(heads)")
      case .mean:
        weights = try combined(heads: heads, leading: leading) { $0 + $1 }
        let scale = 1 / Double(heads)
        weights = weights.map { $0.map { $0 * scale } }
        parts.append(heads == 1 ? "its only head" : "mean of \(heads) heads")
      case .max:
        weights = try combined(heads: heads, leading: leading) { Swift.max($0, $1) }
        parts.append("max of \(heads) heads")
        distributions = heads == 1
      }
    } else {
      if case .index(let head) = selection.head {
        throw AttentionFileError(file, "has no heads (shape \(shapeText(shape))), so --head \(head) does not apply")
      }
      weights = try checked(matrix(at: leading), at: leading)
    }
    return SelectedAttention(
      weights: weights, source: parts.joined(separator: ", "), rowsAreDistributions: distributions)
  }

  /// Every head's matrix at `leading`, checked, folded cell by cell with `combine`.
  private func combined(heads: Int, leading: [Int], _ combine: (Double, Double) -> Double) throws -> [[Double]] {
    var result = try checked(matrix(at: leading + [0]), at: leading + [0])
    for head in 1..<Swift.max(heads, 1) {
      let next = try checked(matrix(at: leading + [head]), at: leading + [head])
      for row in result.indices {
        for column in result[row].indices { result[row][column] = combine(result[row][column], next[row][column]) }
      }
    }
    return result
  }

  /// `matrix`, the slice at `leading`, if every number is finite and none is negative
  /// (beyond rounding: -1e-6 and above count as 0).
  private func checked(_ matrix: [[Double]], at leading: [Int]) throws -> [[Double]] {
    var matrix = matrix
    for row in matrix.indices {
      for column in matrix[row].indices {
        let value = matrix[row][column]
        // The place is written out only for a message: per number it would cost more than the check.
        var place: String { shapeText(leading + [row, column]) }
        guard value.isFinite else {
          throw AttentionFileError(
            file, "\(value.isNaN ? "NaN" : "infinity") at \(place); attention weights must be numbers")
        }
        guard value >= -1e-6 else {
          throw AttentionFileError(
            file,
            "negative weight \(value) at \(place); attention weights are probabilities (did you save the scores before softmax?)"
          )
        }
        if value < 0 { matrix[row][column] = 0 }
      }
    }
    return matrix
  }
}
