import Canvas
import Dispatch
import Foundation
import Reel

/// Renders every frame of a clip and hands them to a sink.
///
/// Frames are drawn in parallel (one surface and one canvas per frame, each drawn start
/// to finish on one thread) in batches; memory stays bounded by two batches whatever the
/// clip's length. An ordered sink (a video encoder) gets the frames in order while the next
/// batch is drawn; a concurrent sink (numbered files) gets each frame on the thread that
/// drew it. Frames in a stretch where nothing moves are not drawn again.
public struct ClipExporter: Sendable {
  public let renderer: FrameRenderer
  public let schedule: FrameSchedule
  public let workers: Int

  public init(
    renderer: FrameRenderer, schedule: FrameSchedule, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    memoryBudget: Int = 160 << 20
  ) {
    self.renderer = renderer
    self.schedule = schedule
    self.memoryBudget = memoryBudget
    self.workers = max(1, workers)
  }

  /// Bytes of frames in flight at once, at most (two batches of surfaces and one held
  /// copy), whatever the frame size or the number of cores.
  public let memoryBudget: Int

  public var frameCount: Int { schedule.count }

  /// Frames drawn per batch: `perWorker` per worker, and as many as two batches and a held
  /// copy fit in `memoryBudget` — at least one.
  func batchSize(perWorker: Int) -> Int {
    let frameBytes = renderer.width * renderer.height * 4
    return max(1, min(workers * perWorker, (memoryBudget / max(frameBytes, 1) - 1) / 2))
  }

  /// Frames per worker in a batch. Files written by the workers themselves (PNG) go 9 %
  /// faster with four; a pipe to ffmpeg goes as fast with one (measured on 2 cores,
  /// `attention-heatmap` at 1080p60: 10.5 s either way) and holds 95 MB less.
  static let perWorker = (concurrent: 4, inOrder: 1)

  /// Which frames must be drawn, by number: the first, and every frame something changed
  /// before.
  public func framesToDraw() -> Set<Int> {
    Set(
      schedule.numbers.filter { number in
        number == schedule.first
          || !renderer.timeline.isStill(from: schedule.time(of: number - 1), to: schedule.time(of: number))
      })
  }

  /// Renders the frames into `sink`, calling `progress` with the number of frames done.
  /// On any error, or when `cleanup` is aborted, the sink is cancelled and the error rethrown.
  public func export(to sink: FrameSink, cleanup: CleanupRegistry, progress: (Int) -> Void) throws {
    do {
      if let concurrent = sink as? ConcurrentFrameSink {
        try exportConcurrently(to: concurrent, cleanup: cleanup, progress: progress)
      } else {
        try exportInOrder(to: sink, cleanup: cleanup, progress: progress)
      }
      try sink.finish()
    } catch {
      sink.cancel()
      throw cleanup.isAborted ? cleanup.interruptedError : error
    }
  }

  /// The frames in batches of `size`, by number.
  private func batches(of size: Int) -> [Range<Int>] {
    stride(from: schedule.first, to: schedule.numbers.upperBound, by: size).map {
      $0..<min($0 + size, schedule.numbers.upperBound)
    }
  }

  private func exportConcurrently(
    to sink: ConcurrentFrameSink, cleanup: CleanupRegistry,
    progress: (Int) -> Void
  ) throws {
    let draw = framesToDraw()
    let size = batchSize(perWorker: Self.perWorker.concurrent)
    let batch = try FrameBatch(size: size, workers: workers, renderer: renderer)
    var lastDrawn = schedule.first
    for frames in batches(of: size) {
      batch.render(frames, draw: draw, time: schedule.time(of:), deliver: sink.consume)
      try batch.check()
      if cleanup.isAborted { throw cleanup.interruptedError }
      for frame in frames {
        if draw.contains(frame) { lastDrawn = frame } else { try sink.repeatFrame(frame, of: lastDrawn) }
      }
      progress(frames.upperBound - schedule.first)
    }
  }

  private func exportInOrder(to sink: FrameSink, cleanup: CleanupRegistry, progress: (Int) -> Void) throws {
    let draw = framesToDraw()
    let size = batchSize(perWorker: Self.perWorker.inOrder)
    let buffers = try [
      FrameBatch(size: size, workers: workers, renderer: renderer),
      FrameBatch(size: size, workers: workers, renderer: renderer),
    ]
    let writer = DispatchQueue(label: "reel.frame-writer")
    let written = DispatchGroup()
    defer { written.wait() }  // never leave with the writer still using the sink
    let writeError = ErrorBox()
    var last: ImageSurface?  // the most recent drawn frame, for still stretches
    for (batchIndex, frames) in batches(of: size).enumerated() {
      let batch = buffers[batchIndex % 2]
      batch.render(frames, draw: draw, time: schedule.time(of:))
      try batch.check()
      written.wait()  // the other buffer's frames are written; this one may be sent
      if let error = writeError.error { throw error }
      if cleanup.isAborted { throw cleanup.interruptedError }
      // Still frames repeat the last drawn frame. One drawn in an earlier batch is copied
      // into this batch first: its own buffer is redrawn while this batch is written.
      var surfaces: [ImageSurface] = []
      for (offset, frame) in frames.enumerated() {
        if draw.contains(frame) {
          last = batch.surfaces[offset]
        } else if let previous = last, !surfaces.contains(where: { $0 === previous }) {
          last = try batch.hold(previous)
        }
        if let last { surfaces.append(last) }
      }
      // A frame not drawn shows the same picture as the frame before it, in this batch or
      // the last: the sink may send that one's bytes again.
      let repeats = frames.map { !draw.contains($0) }
      let job = UnsafeSendable((sink, surfaces, frames.lowerBound, repeats))
      written.enter()
      writer.async {
        defer { written.leave() }
        let (sink, surfaces, first, repeats) = job.value
        do {
          for (offset, surface) in surfaces.enumerated() {
            try sink.consume(surface, index: first + offset, repeatsPrevious: repeats[offset])
          }
        } catch {
          writeError.error = error
        }
      }
      progress(frames.lowerBound - schedule.first)
    }
    written.wait()
    if let error = writeError.error { throw error }
    progress(frameCount)
  }
}

/// A batch of surfaces, drawn in parallel. Each index is touched by exactly one thread
/// during `render`, and the batch is read only after `render` returns.
final class FrameBatch: @unchecked Sendable {
  let surfaces: [ImageSurface]
  private let renderer: FrameRenderer
  /// A copy of a frame from an earlier batch that this batch's still frames repeat.
  private var held: ImageSurface?
  private var errors: [Error?]

  /// Frames drawn at once, at most.
  private let workers: Int

  init(size: Int, workers: Int, renderer: FrameRenderer) throws {
    surfaces = try (0..<size).map { _ in try renderer.makeSurface() }
    self.workers = max(1, workers)
    errors = Array(repeating: nil, count: size)
    self.renderer = renderer
  }

  /// Draws the frames of `frames` marked in `draw`, frame k into `surfaces[k - start]`;
  /// `deliver`, if given, takes each frame on the thread that drew it.
  func render(
    _ frames: Range<Int>, draw: Set<Int>, time: (Int) -> Double,
    deliver: (@Sendable (ImageSurface, Int) throws -> Void)? = nil
  ) {
    let toDraw = frames.filter { draw.contains($0) }
    let times = toDraw.map(time)
    errors = Array(repeating: nil, count: surfaces.count)
    errors.withUnsafeMutableBufferPointer { errorSlots in
      let slots = UnsafeSendable(errorSlots)
      // `workers` lanes, each drawing every lanes-th frame: no more threads than asked.
      let lanes = min(workers, toDraw.count)
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        for k in stride(from: lane, to: toDraw.count, by: lanes) {
          let offset = toDraw[k] - frames.lowerBound
          do {
            try renderer.render(at: times[k], into: surfaces[offset])
            try deliver?(surfaces[offset], toDraw[k])
          } catch {
            slots.value[offset] = error
          }
        }
      }
    }
  }

  /// A copy of `frame` that this batch owns, for still frames that repeat it.
  func hold(_ frame: ImageSurface) throws -> ImageSurface {
    let copy = try held ?? renderer.makeSurface()
    held = copy
    if frame !== copy {
      frame.withUnsafePixels { source in
        copy.withUnsafeMutablePixels { $0.copyMemory(from: source) }
      }
    }
    return copy
  }

  func check() throws {
    if let error = errors.compactMap({ $0 }).first { throw error }
  }
}

/// An error set on the writer thread and read after waiting for it.
final class ErrorBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Error?
  var error: Error? {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}

/// A value used from several threads at disjoint indices only, or handed to one thread.
struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
