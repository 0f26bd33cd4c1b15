import Foundation

/// The sizes of a BERT encoder, from its `config.json`.
public struct BertConfig: Sendable, Equatable {
  public let layers: Int
  public let heads: Int
  public let hidden: Int
  public let intermediate: Int
  public let maxPositions: Int
  public let layerNormEpsilon: Float

  public init(contentsOf path: String) throws {
    let place = "\(((path as NSString).deletingLastPathComponent as NSString).lastPathComponent)/config.json"
    guard let data = FileManager.default.contents(atPath: path),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { throw ModelError(place, "cannot be read as JSON") }
    let type = json["model_type"] as? String ?? "unknown"
    guard type == "bert" else {
      throw ModelError(place, "model_type '\(type)' is not supported (Reel runs BERT encoders: model_type 'bert')")
    }
    func size(_ key: String) throws -> Int {
      guard let value = (json[key] as? NSNumber)?.intValue, value > 0 else {
        throw ModelError(place, "'\(key)' is missing or not a positive whole number")
      }
      return value
    }
    layers = try size("num_hidden_layers")
    heads = try size("num_attention_heads")
    hidden = try size("hidden_size")
    intermediate = try size("intermediate_size")
    maxPositions = try size("max_position_embeddings")
    layerNormEpsilon = Float((json["layer_norm_eps"] as? NSNumber)?.doubleValue ?? 1e-12)
    guard hidden % heads == 0 else {
      throw ModelError(place, "hidden_size \(hidden) is not a multiple of \(heads) heads")
    }
    let activation = json["hidden_act"] as? String ?? "gelu"
    guard activation == "gelu" else {
      throw ModelError(place, "hidden_act '\(activation)' is not supported (Reel runs GELU)")
    }
  }
}
