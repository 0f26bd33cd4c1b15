import Canvas

/// Options a user can pass to scenes from the command line. A scene reads the ones it
/// understands; the defaults make every scene render without any.
public struct SceneOptions: Sendable, Hashable {
  /// Words to show, or `nil` for the scene's own example sentence.
  public var tokens: [String]?
  /// Seed for example data, so the same options always give the same picture.
  public var seed: UInt64
  /// Hide future keys from each query (decoder-style attention).
  public var causal: Bool
  public var colormap: Colormap

  public init(tokens: [String]? = nil, seed: UInt64 = 89, causal: Bool = false, colormap: Colormap = .viridis) {
    self.tokens = tokens
    self.seed = seed
    self.causal = causal
    self.colormap = colormap
  }
}

/// Why a scene could not be built from the options given, in words for the user.
public struct SceneError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
