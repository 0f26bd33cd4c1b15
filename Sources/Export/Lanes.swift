import Canvas
import Dispatch
import Reel

/// The threads ("lanes") drawing a clip's frames, each into a surface of its own, taking
/// the next frame from a queue and passing it on. A lane's frames come in order, so it
/// redraws only what changed since its last one. Lanes can be added while the clip is
/// drawn; a lane that fails stops the queue with its error.
final class Lanes {
  private let renderer: FrameRenderer
  private let times: [Double]
  private let queue: DrawQueue
  private let handle: @Sendable (Int, ImageSurface, DrawnFrame) throws -> Void
  private let group = DispatchGroup()
  /// Lanes started.
  private(set) var count = 0

  /// Lanes drawing the frames at `times` (drawn frame k is at `times[k]`) taken from
  /// `queue`, passing each frame's number in drawing order, the surface and what it shows
  /// to `handle`. None is started yet.
  init(
    renderer: FrameRenderer, times: [Double], queue: DrawQueue,
    handle: @escaping @Sendable (Int, ImageSurface, DrawnFrame) throws -> Void
  ) {
    self.renderer = renderer
    self.times = times
    self.queue = queue
    self.handle = handle
  }

  /// Starts one more lane, with a new surface.
  func add() throws {
    let surface = UnsafeSendable(try renderer.makeSurface())  // used by the lane's thread only
    let (renderer, times, queue, handle) = (self.renderer, self.times, self.queue, self.handle)
    count += 1
    DispatchQueue.global().async(group: group) {
      let text = TextCache()  // this thread's
      var shown: DrawnFrame?  // what the surface shows
      while let k = queue.take() {
        do {
          let frame = try renderer.render(at: times[k], into: surface.value, over: shown, textCache: text)
          shown = frame
          try handle(k, surface.value, frame)
          queue.finished(k)
        } catch {
          queue.fail(error)
        }
      }
    }
  }

  /// Waits until every lane has stopped: the queue is done or stopped.
  func wait() { group.wait() }
}
