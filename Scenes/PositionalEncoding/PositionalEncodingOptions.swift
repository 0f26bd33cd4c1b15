import ArgumentParser

/// `render positional-encoding` options.
public struct PositionalEncodingOptions: ParsableArguments, Sendable {
  @Option(name: .customLong("d-model"), help: "Width of each encoding, d_model (2 to 1024; default 64).")
  public var dModel = 64

  @Option(help: "How many positions to show (2 to 500; default 50).")
  public var positions = 50

  @Option(
    help: "Dimensions to plot, comma-separated, each from 0 to d_model − 1 (1 to 6; default 0,1 and two slower ones).",
    transform: Self.indices)
  public var dims: [Int]?

  public init() {}

  public func validate() throws {
    guard (2...1024).contains(dModel) else {
      throw ValidationError("--d-model must be between 2 and 1024; got \(dModel)")
    }
    guard (2...500).contains(positions) else {
      throw ValidationError("--positions must be between 2 and 500; got \(positions)")
    }
    if let dims {
      guard (1...6).contains(dims.count) else {
        throw ValidationError("--dims takes 1 to 6 dimensions; got \(dims.count)")
      }
      if let wrong = dims.first(where: { !(0..<dModel).contains($0) }) {
        throw ValidationError("--dims: \(wrong) is not a dimension of d_model \(dModel); use 0 to \(dModel - 1)")
      }
      guard Set(dims).count == dims.count else { throw ValidationError("--dims lists a dimension twice") }
    }
  }

  /// The dimensions plotted: `--dims`, or the first sin/cos pair and two slower sines.
  public var plotted: [Int] {
    if let dims { return dims }
    var chosen: [Int] = []
    for dim in [0, 1, 2 * (dModel / 16), 2 * (3 * dModel / 16)] where dim < dModel && !chosen.contains(dim) {
      chosen.append(dim)
    }
    return chosen
  }

  static func indices(_ text: String) throws -> [Int] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let trimmed = part.trimmingCharacters(in: .whitespaces)
      guard let value = Int(trimmed) else {
        throw ValidationError("'\(trimmed)' is not a dimension; write --dims 0,1,8,24")
      }
      return value
    }
  }
}
