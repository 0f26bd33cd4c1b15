import ArgumentParser
import Foundation

/// `render softmax` options.
public struct SoftmaxOptions: ParsableArguments, Sendable {
  // Parsed unconditionally so a first value that is negative (`--logits -1,2`) is a value,
  // not an option.
  @Option(
    parsing: .unconditional,
    help: "The scores to turn into probabilities, comma-separated (2 to 8 values; default 2.0,1.0,0.1).",
    transform: Self.numbers)
  public var logits: [Double] = [2.0, 1.0, 0.1]

  @Option(help: "Names under the bars, comma-separated, one per logit (default z₁, z₂, …).", transform: Self.names)
  public var labels: [String]?

  @Option(help: "The temperature T of the first steps; the sweep starts and ends there (0.25 to 2).")
  public var temperature: Double = 1

  public init() {}

  public func validate() throws {
    guard (2...8).contains(logits.count) else {
      throw ValidationError("--logits needs 2 to 8 values; got \(logits.count)")
    }
    guard logits.allSatisfy({ abs($0) <= 50 }) else {
      throw ValidationError("--logits values must lie between -50 and 50")
    }
    guard (0.25...2).contains(temperature) else {
      throw ValidationError("--temperature must be between 0.25 and 2; got \(String(format: "%g", temperature))")
    }
    if let labels, labels.count != logits.count {
      throw ValidationError("--labels needs one name per logit: \(logits.count) names; got \(labels.count)")
    }
  }

  /// Comma-separated numbers, with a message naming the one that is not.
  static func numbers(_ text: String) throws -> [Double] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed), value.isFinite else {
        throw ValidationError("'\(trimmed)' is not a number; write logits like 2.0,1.0,0.1")
      }
      return value
    }
  }

  static func names(_ text: String) -> [String] {
    text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
  }
}
