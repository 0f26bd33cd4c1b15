import Export
import Foundation
import Scenes

/// A failure the user can act on: one line of text and an exit code.
struct CLIError: Error, CustomStringConvertible {
  let description: String
  let exitCode: Int32

  /// Bad usage: a wrong option or value (exit code 2).
  static func usage(_ message: String) -> CLIError { CLIError(description: message, exitCode: 2) }

  /// A render that could not finish (exit code 1, or 130 when interrupted).
  static func failure(_ error: Error) -> CLIError {
    if let error = error as? CLIError { return error }
    if let error = error as? ExportError, let code = error.exitCode {
      return CLIError(description: error.description, exitCode: code)
    }
    if let error = error as? SceneError { return .usage(error.description) }
    return CLIError(description: "\(error)", exitCode: 1)
  }
}
