import Canvas

/// Receives a clip's frames in order and turns them into an output.
public protocol FrameSink: AnyObject {
  /// Takes frame `index` (0-based, in order). The surface may be reused once this returns.
  func consume(_ frame: ImageSurface, index: Int) throws
  /// Completes the output and moves it to its final name.
  func finish() throws
  /// Abandons the output, deleting anything temporary.
  func cancel()
}
