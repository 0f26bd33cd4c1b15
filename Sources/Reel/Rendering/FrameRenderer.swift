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
    draw(timeline.state(at: time), on: canvas)
    try canvas.checkStatus()
  }

  /// Draws the frame at `time` seconds into `surface`, which shows `previous` (what the
  /// last call returned for it), redrawing only the pixels that may differ between the two
  /// frames; returns what the surface shows now. The pixels are those `render(at:into:)`
  /// gives: a thread drawing a clip's frames in order mostly redraws a small part of each.
  public func render(
    at time: Double, into surface: ImageSurface, over previous: DrawnFrame?, textCache: TextCache? = nil
  ) throws -> DrawnFrame {
    let nodes = timeline.state(at: time)
    let frame = DrawnFrame(nodes: nodes, transform: frameTransform, size: Size(Double(width), Double(height)))
    let canvas = try Canvas(surface: surface, textCache: textCache)
    if let previous, let redraws = redraws(of: frame, nodes: nodes, over: previous) {
      for redraw in redraws {
        let around = surface.save(redraw.box, around: redraw.changed)
        canvas.clear(redraw.box, to: background)
        drawNodes(redraw.nodes, on: canvas)
        try canvas.checkStatus()
        surface.restore(around)
      }
    } else {
      draw(nodes, on: canvas)
    }
    try canvas.checkStatus()
    return frame
  }

  /// One region of a frame to draw again: the pixels that may have changed, a box holding
  /// them and every part drawn there, and those parts.
  private typealias Redraw = (changed: Rect, box: Rect, nodes: [(Node, NodeParts)])

  /// How to bring a surface showing `previous` to `frame` (whose nodes are `nodes`): in each
  /// changed region, the nodes there (of a heatmap, the cells there) are drawn whole over the
  /// background, in a box holding them all, and the pixels of that box around the region are
  /// put back as they were — a clip would draw shapes cut by its edges slightly differently
  /// (±1 in antialiased pixels). `nil` when drawing everything is as cheap: boxes past half
  /// the frame, or more than a quarter of it to put back (memory).
  private func redraws(of frame: DrawnFrame, nodes: [Node], over previous: DrawnFrame) -> [Redraw]? {
    let frameArea = Double(width * height)
    let changed = frame.changedPixels(since: previous)
    guard changed.reduce(0, { $0 + $1.width * $1.height }) <= 0.5 * frameArea else { return nil }
    let redraws = changed.map { changed -> Redraw in
      let touching = frame.nodes(touching: changed, of: nodes).map { ($0, frame.parts(of: $0, meeting: changed)) }
      let box = touching.reduce(changed) { box, touched in touched.1.pixels.map(box.union) ?? box }
      return (changed, box, touching.map { ($0.0, $0.1.parts) })
    }
    let boxArea = redraws.reduce(0) { $0 + $1.box.width * $1.box.height }
    let aroundArea = redraws.reduce(0) { $0 + $1.box.width * $1.box.height - $1.changed.width * $1.changed.height }
    return boxArea <= 0.5 * frameArea && aroundArea <= 0.25 * frameArea ? redraws : nil
  }

  /// Draws the frame at `time` seconds as a page of `document`, the output's pixels
  /// scaled to the page: the same picture as `render(at:)`, as vectors.
  public func render(at time: Double, asPageOf document: VectorDocument, bookmark: String? = nil) throws {
    try document.addPage(bookmark: bookmark) { canvas in
      canvas.concatenate(.scale(document.width / Double(width), document.height / Double(height)))
      draw(timeline.state(at: time), on: canvas)
    }
  }

  /// Paints the background and draws `nodes` on `canvas`, whose units are output pixels.
  private func draw(_ nodes: [Node], on canvas: Canvas) {
    canvas.clear(to: background)
    drawNodes(nodes.map { ($0, .all) }, on: canvas)
  }

  /// Draws these parts of `nodes` on `canvas`, whose units are output pixels, leaving its
  /// transform as it was.
  private func drawNodes(_ nodes: [(Node, NodeParts)], on canvas: Canvas) {
    canvas.withSavedState {
      canvas.concatenate(frameTransform)
      for (node, parts) in nodes {
        canvas.draw(node, parts: parts)
      }
    }
  }

  private var background: Color { transparent ? .clear : timeline.background }

  /// From frame coordinates to output pixels: one uniform scale; a frame of another aspect
  /// ratio than the recording is letterboxed.
  private var frameTransform: Transform {
    let scale = min(Double(height) / timeline.frameSize.height, Double(width) / timeline.frameSize.width)
    return Transform.scale(scale, scale).concatenating(
      .translation(
        (Double(width) - timeline.frameSize.width * scale) / 2,
        (Double(height) - timeline.frameSize.height * scale) / 2))
  }

  /// The frame at `time` in a new surface.
  public func render(at time: Double) throws -> ImageSurface {
    let surface = try makeSurface()
    try render(at: time, into: surface)
    return surface
  }
}
