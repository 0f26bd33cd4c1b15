import Canvas

/// Turns a timeline into pixels: the frame at time t, at a given pixel size.
///
/// The scene's logical frame (height 1080 units) is scaled to the output, so a clip looks
/// the same at every resolution. A renderer is a value and may be shared across threads;
/// each thread draws into its own surface.
public struct FrameRenderer: Sendable {
  public let timeline: Timeline
  public let width: Int
  public let height: Int
  /// Leave the background transparent instead of painting the scene's colour.
  public let transparent: Bool

  public init(timeline: Timeline, width: Int, height: Int, transparent: Bool = false) {
    self.timeline = timeline
    self.width = width
    self.height = height
    self.transparent = transparent
  }

  /// A surface of the output size, to reuse across frames.
  public func makeSurface() throws -> ImageSurface {
    try ImageSurface(width: width, height: height)
  }

  /// Draws the frame at `time` seconds into `surface`, replacing what was there. A thread
  /// drawing many frames passes its own `textCache`, so labels are shaped once.
  public func render(at time: Double, into surface: ImageSurface, textCache: TextCache? = nil) throws {
    let canvas = try Canvas(surface: surface, textCache: textCache)
    draw(at: time, on: canvas)
    try canvas.checkStatus()
  }

  /// Draws the frame at `time` seconds as a page of `document`, the output's pixels
  /// scaled to the page: the same picture as `render(at:)`, as vectors.
  public func render(at time: Double, asPageOf document: VectorDocument, bookmark: String? = nil) throws {
    try document.addPage(bookmark: bookmark) { canvas in
      canvas.concatenate(.scale(document.width / Double(width), document.height / Double(height)))
      draw(at: time, on: canvas)
    }
  }

  /// Draws the frame at `time` on `canvas`, whose units are output pixels.
  private func draw(at time: Double, on canvas: Canvas) {
    canvas.clear(to: transparent ? .clear : timeline.background)
    // One uniform scale; a frame of another aspect ratio than the recording is letterboxed.
    let scale = min(Double(height) / timeline.frameSize.height, Double(width) / timeline.frameSize.width)
    canvas.concatenate(
      Transform.scale(scale, scale).concatenating(
        .translation(
          (Double(width) - timeline.frameSize.width * scale) / 2,
          (Double(height) - timeline.frameSize.height * scale) / 2)))
    for node in timeline.state(at: time) {
      canvas.draw(node)
    }
  }

  /// The frame at `time` in a new surface.
  public func render(at time: Double) throws -> ImageSurface {
    let surface = try makeSurface()
    try render(at: time, into: surface)
    return surface
  }
}
