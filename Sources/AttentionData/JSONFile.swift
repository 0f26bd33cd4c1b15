import Foundation

/// Attention as JSON: nested arrays of numbers (2 to 5 levels), or an object with the
/// `tokens` and the `weights` (also called `attention` or `attentions`).
enum JSONFile {
  /// The tensor in `data` (the contents of the file called `file`) and the tokens it names.
  static func read(_ data: Data, file: String) throws -> (tensor: AttentionTensor, tokens: [String]?) {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    } catch {
      throw AttentionFileError(file, "not valid JSON (\(Self.reason(error)))")
    }
    var tokens: [String]?
    var weights: Any = object
    if let dict = object as? [String: Any] {
      guard let found = ["weights", "attention", "attentions"].lazy.compactMap({ dict[$0] }).first else {
        throw AttentionFileError(file, "a JSON object needs 'weights' (nested arrays of numbers) and 'tokens'")
      }
      weights = found
      if let list = dict["tokens"] {
        guard let strings = list as? [Any], strings.allSatisfy({ $0 is String }) else {
          throw AttentionFileError(file, "'tokens' must be an array of strings")
        }
        tokens = strings.compactMap { $0 as? String }
      }
    }
    var shape: [Int] = []
    var level: Any = weights
    while let array = level as? [Any] {
      shape.append(array.count)
      guard let first = array.first, shape.count <= 6 else { break }
      level = first
    }
    guard !shape.isEmpty else {
      throw AttentionFileError(file, "expected nested arrays of numbers, found \(Self.kind(of: weights))")
    }
    var values: [Double] = []
    values.reserveCapacity(shape.reduce(1, *))
    try flatten(weights, shape: shape[...], path: [], into: &values, file: file)
    return (AttentionTensor(file: file, shape: shape, storage: .values(values)), tokens)
  }

  /// Appends the numbers of `value`, which must have `shape`, in row-major order.
  private static func flatten(
    _ value: Any, shape: ArraySlice<Int>, path: [Int], into values: inout [Double], file: String
  ) throws {
    let place = path.isEmpty ? "" : " at " + path.map { "[\($0)]" }.joined()
    guard let size = shape.first else {
      guard let number = value as? NSNumber else {
        throw AttentionFileError(file, "expected a number\(place), found \(kind(of: value))")
      }
      values.append(number.doubleValue)
      return
    }
    guard let array = value as? [Any] else {
      throw AttentionFileError(file, "expected an array of \(size)\(place), found \(kind(of: value))")
    }
    guard array.count == size else {
      throw AttentionFileError(
        file, "ragged arrays: \(array.count) items\(place), \(size) in the first array at that depth")
    }
    for (index, item) in array.enumerated() {
      try flatten(item, shape: shape.dropFirst(), path: path + [index], into: &values, file: file)
    }
  }

  static func kind(of value: Any) -> String {
    switch value {
    case is String: return "a string"
    case is [Any]: return "an array"
    case is [String: Any]: return "an object"
    case is NSNull: return "null"
    case is NSNumber: return "a number"
    default: return "something else"
    }
  }

  static func reason(_ error: Error) -> String {
    let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    return String(text.prefix(100))
  }
}
