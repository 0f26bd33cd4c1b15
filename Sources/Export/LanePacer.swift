/// Decides when a video needs another drawing lane: when, over a window of frames, the
/// thread writing them to the encoder spent most of its time waiting for them — drawing,
/// not the encoder, set the pace. Encoders are usually the slower side, so a video starts
/// with one lane and its memory grows only for clips that need more.
struct LanePacer: Sendable {
  /// Frames drawn per decision.
  let window: Int
  /// The share of a window's time spent waiting for frames above which a lane is added.
  let threshold: Double

  private var frames = 0
  private var waited = 0.0
  private var windowStart: Double?

  /// Two thirds of 120 frames (two seconds at 60 fps): at 1080p60 on 2 cores, with one
  /// lane, `attention-heatmap` waits at most 55 % of such a window (three runs) and gained
  /// nothing from a second lane; the 784-16-16-10 network waits up to 88 %, six windows
  /// above two thirds, and is 7 % faster with two.
  init(window: Int = 120, threshold: Double = 2.0 / 3) {
    self.window = window
    self.threshold = threshold
  }

  /// Counts a drawn frame the writer waited `seconds` for, at `now` seconds on a monotonic
  /// clock once it came; true when the window it ends calls for another lane.
  mutating func frameArrived(afterWaiting seconds: Double, at now: Double) -> Bool {
    let start = windowStart ?? (now - seconds)
    windowStart = start
    frames += 1
    waited += seconds
    guard frames >= window else { return false }
    let busy = waited > threshold * (now - start)
    (frames, waited, windowStart) = (0, 0, now)
    return busy
  }
}
