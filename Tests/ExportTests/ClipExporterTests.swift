import Canvas
import Foundation
import Reel
import Testing

@testable import Export

/// The exporter's shortcuts (still frames not drawn again, frames drawn and encoded on
/// several lanes, a small ring of encoded frames) change nothing in what a sink receives:
/// every frame is what drawing that frame on its own gives.
@Suite struct ClipExporterTests {
  /// Mostly still: a box moves, holds for two seconds, fades, holds again; a label stays,
  /// another grows (its text is laid out again at each scale).
  func timeline() -> Timeline {
    var scene = SceneRecorder(frameSize: Size(96, 64))
    scene.background = .white
    let box = scene.make(.rectangle(width: 20, height: 20, at: Point(20, 32), fill: Color(rgb: 0x2F6FD0)))
    let measurer = TextMeasurer()
    scene.add(.text("Q·K", font: Font(size: 11), color: .black, at: Point(4, 4), measurer: measurer))
    let growing = scene.make(
      .text("softmax", font: Font(size: 9), color: .black, at: Point(50, 52), measurer: measurer))
    scene.play(.shift(box, by: Point(50, 0)), .scale(growing, to: 1.4), duration: 0.5, rate: .linear)
    scene.wait(2)
    scene.play(.fadeOut(box), duration: 0.5, rate: .linear)
    scene.wait(1)
    return scene.timeline
  }

  /// Each frame drawn on its own and encoded, in order.
  func reference(_ exporter: ClipExporter, _ encoding: FrameEncoding) throws -> [[UInt8]] {
    try exporter.schedule.numbers.map { number in
      let surface = try exporter.renderer.render(at: exporter.schedule.time(of: number))
      var bytes = [UInt8](repeating: 0, count: encoding.byteCount)
      bytes.withUnsafeMutableBytes { encoding.encode(surface, into: $0) }
      return bytes
    }
  }

  @Test(arguments: [1, 2, 4])
  func orderedSinkGetsEveryFrameAsDrawnAlone(workers: Int) throws {
    let renderer = FrameRenderer(timeline: timeline(), width: 96, height: 64)
    let schedule = FrameSchedule.whole(of: renderer.timeline, rate: FrameRate(30))
    // A budget so small that only two encoded frames fit: the ring wraps many times.
    let exporter = ClipExporter(renderer: renderer, schedule: schedule, workers: workers, memoryBudget: 1)
    #expect(exporter.framesToDraw().count < schedule.count / 2)
    let sink = CapturingSink(FrameEncoding(format: .yuv420p, width: 96, height: 64))
    try exporter.export(to: sink, cleanup: CleanupRegistry()) { _ in }
    #expect(sink.indices == Array(schedule.numbers))
    #expect(sink.frames == (try reference(exporter, sink.encoding)))
    #expect(sink.finished)
    // Each frame stayed as it was until the next was written; the last is not kept.
    #expect(!sink.keptFrameChanged && !sink.lastWasKept)
  }

  /// Lanes added while the clip is drawn (here after every two frames, up to four) start
  /// with a surface of their own and change nothing in what the sink gets.
  @Test func lanesAddedWhileDrawingChangeNoFrame() throws {
    let renderer = FrameRenderer(timeline: timeline(), width: 96, height: 64)
    let schedule = FrameSchedule.whole(of: renderer.timeline, rate: FrameRate(30))
    var exporter = ClipExporter(renderer: renderer, schedule: schedule, workers: 4)
    exporter.pacer = LanePacer(window: 2, threshold: -1)
    let sink = CapturingSink(FrameEncoding(format: .yuv420p, width: 96, height: 64))
    try exporter.export(to: sink, cleanup: CleanupRegistry()) { _ in }
    #expect(sink.frames == (try reference(exporter, sink.encoding)))
    #expect(!sink.keptFrameChanged && !sink.lastWasKept)
  }

  @Test func concurrentSinkGetsEveryFrameAsDrawnAlone() throws {
    let renderer = FrameRenderer(timeline: timeline(), width: 96, height: 64)
    let schedule = FrameSchedule.whole(of: renderer.timeline, rate: FrameRate(30)).frames(5...80)
    let exporter = ClipExporter(renderer: renderer, schedule: schedule, workers: 3)
    let sink = CollectingSink()
    var reported: [Int] = []
    try exporter.export(to: sink, cleanup: CleanupRegistry()) { reported.append($0) }
    let encoding = FrameEncoding(format: .opaqueBGRA, width: 96, height: 64)
    let expected = try reference(exporter, encoding)
    #expect(sink.frames.keys.sorted() == Array(schedule.numbers))
    #expect(schedule.numbers.map { sink.frames[$0] ?? [] } == expected)
    #expect(reported.last == schedule.count && reported == reported.sorted())
  }

  /// A frame whose nodes are those of the frame before is not drawn again, even while an
  /// effect runs: here a shift by nothing, then the first frame of a real shift.
  @Test func framesWithUnchangedNodesAreNotDrawnAgain() {
    var scene = SceneRecorder(frameSize: Size(96, 64))
    let box = scene.make(.rectangle(width: 20, height: 20, at: Point(20, 32), fill: .black))
    scene.play(.shift(box, by: .zero), duration: 1, rate: .linear)
    scene.play(.shift(box, by: Point(10, 0)), duration: 0.5, rate: .linear)
    let renderer = FrameRenderer(timeline: scene.timeline, width: 96, height: 64)
    let exporter = ClipExporter(renderer: renderer, schedule: .whole(of: scene.timeline, rate: FrameRate(10)))
    // Frames 0-9 are in the empty shift; frame 10 is the real one's start, still unmoved.
    #expect(exporter.framesToDraw() == [0, 11, 12, 13, 14])
  }

  /// The lanes and the ring fit the budget; one lane and two frames when nothing fits.
  @Test func framesInFlightFitTheBudget() {
    let renderer = FrameRenderer(timeline: timeline(), width: 1920, height: 1080)
    let schedule = FrameSchedule(rate: FrameRate(60), count: 10)
    let yuv = 1920 * 1080 * 3 / 2
    let roomy = ClipExporter(renderer: renderer, schedule: schedule, workers: 2, memoryBudget: 96 << 20)
    #expect(roomy.inFlight(encodedBytes: yuv) == (lanes: 2, slots: 3))
    let tight = ClipExporter(renderer: renderer, schedule: schedule, workers: 8, memoryBudget: 40 << 20)
    let (lanes, slots) = tight.inFlight(encodedBytes: yuv)
    #expect(lanes * 1920 * 1080 * 4 + slots * yuv <= 40 << 20 && lanes >= 1 && slots >= 2)
    let none = ClipExporter(renderer: renderer, schedule: schedule, workers: 8, memoryBudget: 0)
    #expect(none.inFlight(encodedBytes: yuv) == (lanes: 1, slots: 2))
  }

  @Test func aFailingSinkStopsTheExportWithItsError() throws {
    let renderer = FrameRenderer(timeline: timeline(), width: 96, height: 64)
    let schedule = FrameSchedule.whole(of: renderer.timeline, rate: FrameRate(30))
    let exporter = ClipExporter(renderer: renderer, schedule: schedule, workers: 2)
    let sink = CapturingSink(FrameEncoding(format: .yuv420p, width: 96, height: 64), failAt: 40)
    #expect(throws: ExportError.self) { try exporter.export(to: sink, cleanup: CleanupRegistry()) { _ in } }
    #expect(sink.cancelled && !sink.finished && sink.indices.count == 40)
  }
}

/// Keeps the encoded frames it is sent, and checks that frames sent as kept stay unchanged
/// until the next write.
final class CapturingSink: OrderedFrameSink {
  let encoding: FrameEncoding
  let failAt: Int?
  var frames: [[UInt8]] = []
  var indices: [Int] = []
  var finished = false
  var cancelled = false
  /// The last frame sent as kept, and its bytes then.
  private var kept: (bytes: UnsafeRawBufferPointer, copy: [UInt8])?
  var keptFrameChanged = false
  var lastWasKept = false

  init(_ encoding: FrameEncoding, failAt: Int? = nil) {
    self.encoding = encoding
    self.failAt = failAt
  }

  func write(_ frame: UnsafeRawBufferPointer, index: Int, keptUntilNextWrite: Bool) throws {
    if let kept, [UInt8](kept.bytes) != kept.copy { keptFrameChanged = true }
    if index == failAt { throw ExportError.cannotWrite(path: "test", reason: "failing on purpose") }
    frames.append([UInt8](frame))
    indices.append(index)
    kept = keptUntilNextWrite ? (frame, frames[frames.count - 1]) : nil
    lastWasKept = keptUntilNextWrite
  }

  func finish() throws { finished = true }
  func cancel() { cancelled = true }
}

/// Keeps each frame's pixels by number, from any thread.
final class CollectingSink: ConcurrentFrameSink, @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [Int: [UInt8]] = [:]
  var frames: [Int: [UInt8]] { lock.withLock { stored } }

  func consume(_ frame: ImageSurface, index: Int) throws {
    let pixels = frame.withUnsafePixels { [UInt8]($0) }
    lock.withLock { stored[index] = pixels }
  }

  func repeatFrame(_ index: Int, of source: Int) throws {
    lock.withLock { stored[index] = stored[source] }
  }

  func finish() throws {}
  func cancel() {}
}
