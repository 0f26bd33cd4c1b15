import Canvas
import Dispatch
import Foundation
import Reel

/// Renders every frame of a clip and hands them to a sink.
///
/// A few threads ("lanes") draw the frames, each into one surface of its own, taking the
/// next frame to draw in order, and redrawing only what changed since its last frame. For
/// an ordered sink (a video encoder) each lane also encodes its frame (to yuv420p, say)
/// into a small ring of buffers, over the frame the buffer held where they differ, and the
/// calling thread writes them in order; a video starts with one lane and gets more when
/// drawing, not the encoder, sets the pace. For a concurrent sink (numbered files) every
/// lane starts at once and hands its frames to the sink itself. Frames whose nodes are
/// those of the frame before are not drawn again: the sink is sent the last drawn frame's
/// bytes again, or copies its file. Memory stays within `memoryBudget`, whatever the
/// clip's length.
public struct ClipExporter: Sendable {
  public let renderer: FrameRenderer
  public let schedule: FrameSchedule
  public let workers: Int
  /// Bytes of frames in flight at once, at most (the lanes' surfaces and the encoded
  /// frames waiting to be written), whatever the frame size or the number of cores — but
  /// always room for one lane and two encoded frames.
  public let memoryBudget: Int
  /// When a video gets another lane.
  var pacer = LanePacer()

  public init(
    renderer: FrameRenderer, schedule: FrameSchedule, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    memoryBudget: Int = 96 << 20
  ) {
    self.renderer = renderer
    self.schedule = schedule
    self.memoryBudget = memoryBudget
    self.workers = max(1, workers)
  }

  public var frameCount: Int { schedule.count }

  /// The frames that must be drawn, by number, in order: the first, and every frame whose
  /// nodes differ from the frame's before. A frame is a pure function of its nodes, so the
  /// others would be drawn to the same pixels: where no effect runs, or where one runs
  /// without changing anything yet (a wait, a fade still at zero, a move that has ended).
  public func framesToDraw() -> [Int] {
    let timeline = renderer.timeline
    var drawn: [Int] = []
    var last: [Node] = []  // the nodes of the frame before the one looked at
    for number in schedule.numbers {
      let time = schedule.time(of: number)
      if number > schedule.first && timeline.isStill(from: schedule.time(of: number - 1), to: time) { continue }
      let now = timeline.state(at: time)
      if number == schedule.first || now != last { drawn.append(number) }
      last = now
    }
    return drawn
  }

  /// How many lanes may draw at once and how many encoded frames of `encodedBytes` wait to
  /// be written: one lane per worker and one frame more than lanes (the one being written),
  /// as far as `memoryBudget` allows. (A fourth slot at 1080p on 2 cores: 4 % faster to a
  /// reader that discards frames, 3 MB more; with x264 reading, x264 sets the pace.)
  func inFlight(encodedBytes: Int) -> (lanes: Int, slots: Int) {
    let surfaceBytes = renderer.width * renderer.height * 4
    let lanes = max(1, min(workers, (memoryBudget - encodedBytes) / max(surfaceBytes + encodedBytes, 1)))
    return (lanes, lanes + 1)
  }

  /// Renders the frames into `sink`, calling `progress` with the number of frames done.
  /// On any error, or when `cleanup` is aborted, the sink is cancelled and the error rethrown.
  public func export(to sink: FrameSink, cleanup: CleanupRegistry, progress: (Int) -> Void) throws {
    do {
      switch sink {
      case let concurrent as ConcurrentFrameSink:
        try exportConcurrently(to: concurrent, cleanup: cleanup, progress: progress)
      case let ordered as OrderedFrameSink:
        try exportInOrder(to: ordered, cleanup: cleanup, progress: progress)
      default:
        preconditionFailure("a frame sink is ordered or concurrent")
      }
      try sink.finish()
    } catch {
      sink.cancel()
      throw cleanup.isAborted ? cleanup.interruptedError : error
    }
  }

  /// Each lane draws its frame, encodes it into the frame's slot of a ring of buffers and
  /// goes on to the next; this thread writes the slots in order. A frame that repeats the
  /// last drawn one is that slot written again.
  private func exportInOrder(to sink: OrderedFrameSink, cleanup: CleanupRegistry, progress: (Int) -> Void) throws {
    let drawn = framesToDraw()
    let encoding = sink.encoding
    let (maxLanes, slotCount) = inFlight(encodedBytes: encoding.byteCount)
    let slots = EncodedFrames(count: slotCount, bytes: encoding.byteCount)
    // Drawn frame k goes into slot k % slotCount, free once the frame after k - slotCount
    // is written; a lane may draw it before, but encodes it only then.
    let queue = DrawQueue(count: drawn.count, limit: slotCount)
    let lanes = Lanes(renderer: renderer, times: drawn.map(schedule.time(of:)), queue: queue) { k, surface, frame in
      guard queue.waitForRoom(k) else { return }
      // The slot holds an earlier frame: only what differs from it is encoded again.
      let slot = k % slotCount
      if let earlier = slots.frame(in: slot) {
        for changed in frame.changedPixels(since: earlier) {
          encoding.encode(surface, into: slots[slot], changed: changed)
        }
      } else {
        encoding.encode(surface, into: slots[slot])
      }
      slots.setFrame(frame, in: slot)
    }
    defer {
      queue.stop()
      lanes.wait()
    }
    // One lane to start with; another when drawing, not the encoder, sets the pace.
    try lanes.add()
    var pacer = self.pacer
    var current = -1  // the drawn frame being sent, counted in drawing order
    for frame in schedule.numbers {
      if cleanup.isAborted { throw cleanup.interruptedError }
      let isNew = current + 1 < drawn.count && drawn[current + 1] == frame
      if isNew {
        current += 1
        let asked = Self.now()
        guard try queue.wait(for: current) else { throw cleanup.interruptedError }
        let now = Self.now()
        if pacer.frameArrived(afterWaiting: now - asked, at: now) && lanes.count < maxLanes { try lanes.add() }
      }
      // A slot stays as it is until the frame after it has been written; the last frame's
      // slot is freed with the ring, so it is written as a copy.
      try sink.write(
        UnsafeRawBufferPointer(slots[current % slotCount]), index: frame,
        keptUntilNextWrite: frame < schedule.numbers.upperBound - 1)
      // The frames before this one are written: their slots may take new frames.
      if isNew { queue.allow(below: current + slotCount) }
      progress(frame + 1 - schedule.first)
    }
  }

  /// Each lane draws its frame, hands it to the sink and has the sink repeat it for the
  /// still frames after it; this thread reports progress.
  private func exportConcurrently(
    to sink: ConcurrentFrameSink, cleanup: CleanupRegistry, progress: (Int) -> Void
  ) throws {
    let drawn = framesToDraw()
    let ends = Array(drawn.dropFirst()) + [schedule.numbers.upperBound]
    let queue = DrawQueue(count: drawn.count, limit: drawn.count)
    let lanes = Lanes(renderer: renderer, times: drawn.map(schedule.time(of:)), queue: queue) { k, surface, _ in
      if cleanup.isAborted { throw cleanup.interruptedError }
      try sink.consume(surface, index: drawn[k])
      for still in drawn[k] + 1..<ends[k] { try sink.repeatFrame(still, of: drawn[k]) }
    }
    defer {
      queue.stop()
      lanes.wait()
    }
    for _ in 0..<min(inFlight(encodedBytes: 0).lanes, drawn.count) { try lanes.add() }
    var done = 0  // drawn frames handled
    while done < drawn.count {
      done = try queue.waitForMore(than: done)
      progress(done == drawn.count ? frameCount : drawn[done] - schedule.first)
    }
  }

  /// Seconds on a monotonic clock.
  private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// The ring of encoded frames between the lanes and the writer. Each slot is written by one
/// lane, then read by the writer once the queue says its frame is done; it remembers which
/// frame it holds, so that the next one is encoded over it where it differs.
final class EncodedFrames: @unchecked Sendable {
  private let storage: UnsafeMutableRawBufferPointer
  private let bytes: Int
  private let frames: UnsafeMutableBufferPointer<DrawnFrame?>

  init(count: Int, bytes: Int) {
    self.bytes = bytes
    storage = .allocate(byteCount: max(count * bytes, 1), alignment: 64)
    frames = .allocate(capacity: count)
    frames.initialize(repeating: nil)
  }

  deinit {
    storage.deallocate()
    frames.deinitialize()
    frames.deallocate()
  }

  /// The frame slot `slot` holds, if any yet.
  func frame(in slot: Int) -> DrawnFrame? { frames[slot] }

  func setFrame(_ frame: DrawnFrame, in slot: Int) { frames[slot] = frame }

  subscript(slot: Int) -> UnsafeMutableRawBufferPointer {
    UnsafeMutableRawBufferPointer(rebasing: storage[slot * bytes..<(slot + 1) * bytes])
  }
}

/// A value used from several threads at disjoint indices only, or handed to one thread.
struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
