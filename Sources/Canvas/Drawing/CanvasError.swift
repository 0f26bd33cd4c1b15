import CCairo

/// A failure inside the drawing layer, worded for the person running Reel.
public enum CanvasError: Error, CustomStringConvertible, Equatable {
  /// Cairo reported an error status (they are sticky: the surface or context is unusable).
  case cairo(String)
  /// The requested surface size is not drawable.
  case invalidSize(width: Int, height: Int)
  /// libpng could not read or write an image.
  case png(String)
  /// The math font is missing or has no OpenType MATH table.
  case mathFont(String)

  public var description: String {
    switch self {
    case .cairo(let message): return "drawing failed: \(message)"
    case .invalidSize(let width, let height):
      return "cannot draw a \(width)x\(height) image; width and height must be 1 to 32767 pixels"
    case .png(let message): return message
    case .mathFont(let message): return message
    }
  }

  static func check(_ status: cairo_status_t) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw CanvasError.cairo(String(cString: cairo_status_to_string(status)))
  }
}
