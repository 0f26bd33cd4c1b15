import Foundation
import TensorMath

/// Every number of the `neuron-diagram` scene: the network, its input, every layer's
/// values and the output's softmax.
public struct NeuronExample: Sendable {
  public let network: DenseNetwork
  public let input: [Double]
  /// `values[l]`: layer l's values (the input, hidden activations, output logits).
  public let values: [[Double]]
  public let probabilities: [Double]

  public init(sizes: [Int], activation: Activation, seed: UInt64, input: [Double]?) {
    network = DenseNetwork(sizes: sizes, activation: activation, seed: seed)
    let input = input ?? Self.defaultInput(count: sizes[0], seed: seed)
    self.input = input
    values = network.forward(input)
    probabilities = Softmax.probabilities(values.last ?? [])
  }

  /// Seeded values from 0 to 1; for a square count of at least 64, a drawn digit "7" on a
  /// side × side grid (the MNIST picture), so the input layer shows an image.
  static func defaultInput(count: Int, seed: UInt64) -> [Double] {
    let side = Int(Double(count).squareRoot().rounded())
    if side * side == count && side >= 8 {
      return (0..<count).map { index in
        let (row, column) = (Double(index / side) / Double(side), Double(index % side) / Double(side))
        // A top bar and a stroke down to the lower left, softened at the edges.
        let bar = abs(row - 0.25) < 0.06 && column > 0.25 && column < 0.75
        let stroke = abs(column - (0.75 - (row - 0.25) * 0.55)) < 0.07 && row > 0.25 && row < 0.82
        return bar || stroke ? 1 : 0
      }
    }
    var generator = SeededGenerator(seed: seed, key: "input")
    return (0..<count).map { _ in (generator.nextUnit() * 100).rounded() / 100 }
  }

  /// The hidden neuron whose computation the `neuron` section shows: the most active of
  /// the first hidden layer's neurons in `candidates` (those on screen).
  public func focus(among candidates: [Int]) -> Int {
    let first = values[1]
    return candidates.max { first[$0] < first[$1] } ?? 0
  }

  /// The pre-activation z of neuron `j` of the first hidden layer.
  public func sum(into j: Int) -> Double { network.preActivation(layer: 0, neuron: j, inputs: input) }

  /// Class names: digits for ten outputs, y₁, y₂, … otherwise.
  public var classNames: [String] {
    let count = network.sizes.last ?? 0
    if count == 10 { return (0..<10).map(String.init) }
    let digits = Array("₀₁₂₃₄₅₆₇₈₉")
    return (1...count).map { "y" + String(String($0).compactMap { $0.wholeNumberValue.map { digits[$0] } }) }
  }
}
