/// Why a file of attention weights or tokens cannot be used: one line naming the file and
/// the problem, e.g. `attn.npy: expected 2 to 5 dimensions, got 1 (shape [128])`.
public struct AttentionFileError: Error, Equatable, CustomStringConvertible {
  public let description: String

  /// `problem` in the file called `file` (a name as the user wrote it).
  public init(_ file: String, _ problem: String) {
    description = "\(file): \(problem)"
  }
}
