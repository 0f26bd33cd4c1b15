import Canvas

/// Receives a clip's frames in order and turns them into an output.
public protocol FrameSink: AnyObject {
  /// Takes frame `index` (0-based, in order). The surface may be reused once this returns.
  func consume(_ frame: ImageSurface, index: Int) throws
  /// Takes frame `index`; `repeatsPrevious`: it is the very surface of the frame before,
  /// unchanged, so a sink may send what it made of that one again.
  func consume(_ frame: ImageSurface, index: Int, repeatsPrevious: Bool) throws
  /// Completes the output and moves it to its final name.
  func finish() throws
  /// Abandons the output, deleting anything temporary.
  func cancel()
}

/// A sink whose frames are independent files: it takes frames from several threads at once,
/// in any order.
public protocol ConcurrentFrameSink: FrameSink, Sendable {
  /// Frame `index` shows the same picture as frame `source`, which was already consumed.
  func repeatFrame(_ index: Int, of source: Int) throws
}

extension FrameSink {
  public func consume(_ frame: ImageSurface, index: Int, repeatsPrevious: Bool) throws {
    try consume(frame, index: index)
  }
}
