/// Why a formula could not be read: what is wrong, with the formula quoted and a caret
/// under the place.
public struct MathSyntaxError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public let source: String
  /// Where the problem starts and how long it is, in characters (Unicode scalars).
  public let offset: Int
  public let length: Int

  public init(_ message: String, source: String, offset: Int, length: Int = 1) {
    self.message = message
    self.source = source
    self.offset = offset
    self.length = max(1, length)
  }

  /// `unknown command \fracc`, then the formula, then `^^^^^^` under the problem.
  public var description: String {
    let line = String(String.UnicodeScalarView(source.unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    return "\(message)\n  \(line)\n  \(String(repeating: " ", count: offset))\(String(repeating: "^", count: length))"
  }
}
