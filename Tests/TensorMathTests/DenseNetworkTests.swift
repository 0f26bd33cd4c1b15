import Foundation
import Testing

@testable import TensorMath

/// Activations at known points, and a forward pass against one written out here.
@Suite struct DenseNetworkTests {
  @Test func activationsAtKnownPoints() {
    #expect(Activation.relu(-1) == 0 && Activation.relu(2) == 2)
    #expect(Activation.sigmoid(0) == 0.5 && abs(Activation.sigmoid(2) - 0.8807970779778823) < 1e-12)
    #expect(Activation.tanh(0) == 0 && abs(Activation.tanh(1) - 0.7615941559557649) < 1e-12)
    // GELU(x) = x Φ(x): Φ(1) = 0.8413447460685429.
    #expect(Activation.gelu(0) == 0)
    #expect(abs(Activation.gelu(1) - 0.8413447460685429) < 1e-12)
    #expect(abs(Activation.gelu(-1) + 0.15865525393145707) < 1e-12)
  }

  @Test(arguments: Activation.allCases)
  func forwardPassMatchesAHandComputation(_ activation: Activation) {
    let network = DenseNetwork(sizes: [4, 6, 5, 3], activation: activation, seed: 7)
    let input = [0.2, 0.9, -0.4, 0.5]
    var values = input
    for layer in network.weights.indices {
      let w = network.weights[layer]
      var next: [Double] = []
      for j in 0..<w.rows {
        var z = network.biases[layer][j]
        for i in 0..<w.columns { z += Double(w[j, i]) * values[i] }
        next.append(layer == network.weights.count - 1 ? z : activation(z))
      }
      values = next
    }
    let forward = network.forward(input)
    #expect(forward.count == 4 && forward[0] == input)
    #expect(zip(forward[3], values).allSatisfy { abs($0 - $1) < 1e-12 })
    let e = values.map { exp($0) }
    let probabilities = network.probabilities(input)
    #expect(zip(probabilities, e.map { $0 / e.reduce(0, +) }).allSatisfy { abs($0 - $1) < 1e-12 })
  }

  /// He initialisation for ReLU: the weights' variance is close to 2 / fan-in.
  @Test func heInitialisationHasTheRightSpread() {
    let network = DenseNetwork(sizes: [400, 300], activation: .relu, seed: 3)
    let weights = network.weights[0].storage.map(Double.init)
    let variance = weights.map { $0 * $0 }.reduce(0, +) / Double(weights.count)
    #expect(abs(variance - 2.0 / 400) < 0.0005, "\(variance)")
  }
}
