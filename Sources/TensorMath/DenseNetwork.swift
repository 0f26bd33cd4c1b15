import Foundation

/// A fully connected network with seeded weights: He initialisation (variance 2/fan-in)
/// for ReLU and GELU, Xavier (variance 2/(fan-in + fan-out)) for sigmoid and tanh, small
/// seeded biases. Layer `l`'s weights map layer `l`'s activations to layer `l + 1`'s.
public struct DenseNetwork: Sendable {
  public let sizes: [Int]
  public let activation: Activation
  /// `weights[l]` is `sizes[l + 1] × sizes[l]`: row j holds the weights into neuron j.
  public let weights: [Matrix]
  public let biases: [[Double]]

  public init(sizes: [Int], activation: Activation, seed: UInt64) {
    self.sizes = sizes
    self.activation = activation
    var generator = SeededGenerator(seed: seed)
    var weights: [Matrix] = []
    var biases: [[Double]] = []
    for (fanIn, fanOut) in zip(sizes, sizes.dropFirst()) {
      let variance = activation.isRectifying ? 2 / Double(fanIn) : 2 / Double(fanIn + fanOut)
      weights.append(generator.normalMatrix(rows: fanOut, columns: fanIn, scale: variance.squareRoot()))
      biases.append((0..<fanOut).map { _ in 0.1 * generator.nextNormal() })
    }
    self.weights = weights
    self.biases = biases
  }

  /// The weighted sum into neuron `j` of layer `layer + 1` from `inputs` (layer `layer`'s
  /// activations): Σᵢ wⱼᵢ xᵢ + bⱼ.
  public func preActivation(layer: Int, neuron j: Int, inputs: [Double]) -> Double {
    let w = weights[layer]
    var sum = biases[layer][j]
    for i in 0..<w.columns { sum += Double(w[j, i]) * inputs[i] }
    return sum
  }

  /// Every layer's values for `input`: the input itself, then each hidden layer's
  /// activations, then the output layer's logits (no activation; softmax is applied by
  /// `probabilities`).
  public func forward(_ input: [Double]) -> [[Double]] {
    var layers = [input]
    for layer in weights.indices {
      let previous = layers[layer]
      let z = (0..<sizes[layer + 1]).map { preActivation(layer: layer, neuron: $0, inputs: previous) }
      layers.append(layer == weights.count - 1 ? z : z.map { activation($0) })
    }
    return layers
  }

  /// The softmax of the output logits for `input`.
  public func probabilities(_ input: [Double]) -> [Double] {
    Softmax.probabilities(forward(input).last ?? [])
  }
}
