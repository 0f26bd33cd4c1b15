import Canvas

/// Receives a clip's frames and turns them into an output.
public protocol FrameSink: AnyObject {
  /// Completes the output and moves it to its final name.
  func finish() throws
  /// Abandons the output, deleting anything temporary.
  func cancel()
}

/// A sink that reads frames in order as bytes (a video encoder's pipe). The threads that
/// draw the frames encode them as `encoding` says; the sink only writes.
public protocol OrderedFrameSink: FrameSink {
  /// How each frame is turned into the bytes `write` takes.
  var encoding: FrameEncoding { get }
  /// Takes frame `index`'s encoded bytes; frames come in order, one call each. The bytes
  /// may be reused once this returns — or, when `keptUntilNextWrite`, only once the next
  /// call returns, so the sink may pass on references to them instead of copies.
  func write(_ frame: UnsafeRawBufferPointer, index: Int, keptUntilNextWrite: Bool) throws
}

/// A sink whose frames are independent files: it takes frames from several threads at once,
/// in any order.
public protocol ConcurrentFrameSink: FrameSink, Sendable {
  /// Takes frame `index`. The surface may be reused once this returns.
  func consume(_ frame: ImageSurface, index: Int) throws
  /// Frame `index` shows the same picture as frame `source`, which was already consumed.
  func repeatFrame(_ index: Int, of source: Int) throws
}
