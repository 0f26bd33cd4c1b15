import Testing

@testable import Export

/// A video gets another lane only when drawing, not the encoder, set the pace over a
/// whole window.
@Suite struct LanePacerTests {
  /// Frames 10 ms apart, each waited for `waits[i]` seconds before it came.
  func decisions(_ waits: [Double], window: Int = 4) -> [Bool] {
    var pacer = LanePacer(window: window)  // the default threshold
    var now = 100.0
    return waits.map { wait in
      now += 0.01
      return pacer.frameArrived(afterWaiting: wait, at: now)
    }
  }

  @Test func anEncoderBoundWindowAddsNoLane() {
    #expect(decisions([0.001, 0, 0.002, 0.001, 0, 0, 0, 0]) == Array(repeating: false, count: 8))
  }

  @Test func aWindowSpentWaitingForFramesAddsALaneAtItsEnd() {
    #expect(decisions([0.009, 0.008, 0.009, 0.009]) == [false, false, false, true])
  }

  /// Each window is judged on its own: a slow start does not count against the next.
  @Test func windowsStartAfresh() {
    let waits = [0.009, 0.009, 0.009, 0.009, 0.001, 0.001, 0.001, 0.001, 0.004, 0.004, 0.004, 0.004]
    #expect(decisions(waits) == [false, false, false, true, false, false, false, false, false, false, false, false])
  }

  /// Waiting 70 % of the window adds a lane; 60 % (more than `attention-heatmap` ever
  /// waited with one lane) does not.
  @Test func theThresholdIsTwoThirdsOfTheWindow() {
    #expect(decisions([0.007, 0.007, 0.007, 0.007]).last == true)
    #expect(decisions([0.006, 0.006, 0.006, 0.006]).last == false)
  }
}
