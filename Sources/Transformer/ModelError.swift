/// Why a model directory cannot be used: one line naming the directory or file and the
/// problem, e.g. `minilm/config.json: model_type 'gpt2' is not supported (Reel runs BERT-family encoders)`.
public struct ModelError: Error, Equatable, CustomStringConvertible {
  public let description: String

  public init(_ place: String, _ problem: String) {
    description = "\(place): \(problem)"
  }
}
