import Foundation

/// Where a model named on the command line lives: a directory path as given, or a name
/// `Scripts/get-model` knows (`minilm`), looked up in Reel's model cache.
public enum ModelLocator {
  /// Models `Scripts/get-model` downloads, by the name `--model` takes.
  public static let known: Set<String> = ["minilm"]

  /// The model cache: `$REEL_MODELS`, else `$XDG_CACHE_HOME/reel/models`, else
  /// `~/.cache/reel/models`.
  public static var cache: String {
    let environment = ProcessInfo.processInfo.environment
    if let models = environment["REEL_MODELS"], !models.isEmpty { return models }
    let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
    return base + "/reel/models"
  }

  /// The directory of the model `argument` names, or an error saying how to get it. A
  /// known name means the cached model (write `./minilm` for a directory of that name).
  public static func directory(for argument: String) throws -> String {
    var isDirectory: ObjCBool = false
    if !known.contains(argument), FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return argument
    }
    guard known.contains(argument) else {
      throw ModelError(
        argument,
        "no such model directory, nor a model Scripts/get-model knows (\(known.sorted().joined(separator: ", ")))")
    }
    let cached = (cache as NSString).appendingPathComponent(argument)
    guard FileManager.default.fileExists(atPath: cached + "/model.safetensors") else {
      throw ModelError(argument, "not downloaded yet; run Scripts/get-model \(argument) (it goes to \(cache))")
    }
    return cached
  }
}
