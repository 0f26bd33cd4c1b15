import Foundation

/// Rows of `Float`, each `width` long, in one array: the activations of a sequence.
struct Rows: Sendable {
  var values: [Float]
  let width: Int

  var count: Int { values.count / width }

  subscript(row: Int) -> ArraySlice<Float> { values[(row * width)..<((row + 1) * width)] }
}

/// `y = x Wᵀ + b`, with `W` stored as PyTorch does, one row per output.
struct Linear: Sendable {
  let weight: [Float]
  let bias: [Float]
  let inputs: Int
  var outputs: Int { bias.count }

  func callAsFunction(_ x: Rows) -> Rows {
    precondition(x.width == inputs, "a linear layer of \(inputs) inputs got rows of \(x.width)")
    var out = [Float](repeating: 0, count: x.count * outputs)
    x.values.withUnsafeBufferPointer { xs in
      weight.withUnsafeBufferPointer { ws in
        for row in 0..<x.count {
          let input = UnsafeBufferPointer(rebasing: xs[(row * inputs)..<((row + 1) * inputs)])
          for output in 0..<outputs {
            let w = UnsafeBufferPointer(rebasing: ws[(output * inputs)..<((output + 1) * inputs)])
            out[row * outputs + output] = dot(input, w) + bias[output]
          }
        }
      }
    }
    return Rows(values: out, width: outputs)
  }
}

/// `Σ a[i] b[i]`, eight at a time.
func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
  guard let x = a.baseAddress, let y = b.baseAddress else { return 0 }
  let (xs, ys) = (UnsafeRawPointer(x), UnsafeRawPointer(y))
  var sums = SIMD8<Float>()
  var index = 0
  while index + 8 <= a.count {
    let offset = index * MemoryLayout<Float>.stride
    sums +=
      xs.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
      * ys.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
    index += 8
  }
  var total = sums.sum()
  while index < a.count {
    total += x[index] * y[index]
    index += 1
  }
  return total
}

/// Layer normalisation of each row: mean 0 and variance 1, then scaled and shifted.
struct LayerNorm: Sendable {
  let weight: [Float]
  let bias: [Float]
  let epsilon: Float

  func callAsFunction(_ x: Rows) -> Rows {
    var out = x
    let n = Float(x.width)
    for row in 0..<x.count {
      let values = x[row]
      let mean = values.reduce(0, +) / n
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
      let scale = 1 / (variance + epsilon).squareRoot()
      for (column, value) in values.enumerated() {
        out.values[row * x.width + column] = (value - mean) * scale * weight[column] + bias[column]
      }
    }
    return out
  }
}

/// GELU, the exact form `x Φ(x)` BERT uses.
func gelu(_ x: Rows) -> Rows {
  Rows(values: x.values.map { Float(Double($0) * 0.5 * (1 + erf(Double($0) / 2.0.squareRoot()))) }, width: x.width)
}

func + (lhs: Rows, rhs: Rows) -> Rows {
  Rows(values: zip(lhs.values, rhs.values).map(+), width: lhs.width)
}
