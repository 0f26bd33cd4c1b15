import Foundation

/// The five steps of `neuron-diagram`; each is a section, so each becomes a slide.
public enum NeuronSection: Int, CaseIterable, Sendable {
  case network, neuron, forward, output, mlp

  public var name: String { String(describing: self) }

  public var title: String {
    switch self {
    case .network: return "A network of neurons"
    case .neuron: return "What one neuron computes"
    case .forward: return "The forward pass"
    case .output: return "From outputs to probabilities"
    case .mlp: return "The same thing inside a transformer"
    }
  }

  public func caption(for example: NeuronExample) -> String {
    let sizes = example.network.sizes.map(String.init).joined(separator: "–")
    let name = example.network.activation.displayName
    switch self {
    case .network:
      return
        "A \(sizes) network: every neuron is connected to every neuron of the next layer; each edge is a weight, blue for positive, orange for negative, thicker for larger."
    case .neuron:
      return "A neuron adds up its inputs times their weights, adds its bias, and passes the sum through \(name)."
    case .forward:
      return "Layer by layer, every neuron does the same at once: its shade is the value it computes for this input."
    case .output:
      return "Softmax turns the output layer’s values into probabilities that add up to 1."
    case .mlp:
      return
        "Each transformer block has one of these: d_model → 4·d_model → d_model with GELU, applied to every token on its own (GPT-2 small: 768 → 3072 → 768)."
    }
  }
}
