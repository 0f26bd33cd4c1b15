import ArgumentParser
import TensorMath

/// `render neuron-diagram` options.
public struct NeuronDiagramOptions: ParsableArguments, Sendable {
  @Option(
    help:
      "Neurons per layer, input first, comma-separated (3 to 10 layers of 1 to 4096: an input, hidden layers, an output; default 4,6,6,3).",
    transform: Self.sizes)
  public var layers: [Int] = [4, 6, 6, 3]

  @Option(
    help: "The hidden layers' activation: relu, sigmoid, tanh or gelu (default relu).", transform: Self.activation)
  public var activation: Activation = .relu

  @Option(parsing: .unconditional, help: "Seed for the weights and the default input (a whole number from 0).")
  public var seed: UInt64 = 89

  @Option(
    parsing: .unconditional,
    help:
      "The input, comma-separated, one value per input neuron (default: seeded values from 0 to 1, or a drawn digit for 784 inputs).",
    transform: Self.values)
  public var input: [Double]?

  public init() {}

  public func validate() throws {
    guard (3...10).contains(layers.count) else {
      throw ValidationError(
        "--layers takes 3 to 10 layers (an input, at least one hidden layer, an output); got \(layers.count)")
    }
    if let wrong = layers.first(where: { !(1...4096).contains($0) }) {
      throw ValidationError("--layers: a layer needs 1 to 4096 neurons; got \(wrong)")
    }
    if let input, input.count != layers[0] {
      throw ValidationError("--input needs one value per input neuron: \(layers[0]) values; got \(input.count)")
    }
  }

  static func sizes(_ text: String) throws -> [Int] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Int(trimmed) else {
        throw ValidationError("'\(trimmed)' is not a number of neurons; write --layers 4,6,6,3")
      }
      return value
    }
  }

  static func activation(_ text: String) throws -> Activation {
    guard let activation = Activation(rawValue: text.lowercased()) else {
      throw ValidationError("unknown activation '\(text)'; choose relu, sigmoid, tanh or gelu")
    }
    return activation
  }

  static func values(_ text: String) throws -> [Double] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed), value.isFinite, abs(value) <= 1000 else {
        throw ValidationError("'\(trimmed)' is not an input value; write --input 0.2,0.9,0.1,0.5")
      }
      return value
    }
  }
}
