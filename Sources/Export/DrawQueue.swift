import Foundation

/// Hands out the frames a clip must draw, in order, to drawing threads, and tells whoever
/// waits for them when each is done.
///
/// Frames are counted in drawing order (the k-th frame drawn), not by frame number. A
/// `limit` keeps the threads at most so many frames ahead of a consumer that takes them in
/// order: a thread may draw a frame past it, but waits before handing it on. Any thread may
/// stop the queue or report a failure; the threads then stop taking frames and every wait
/// ends.
final class DrawQueue: @unchecked Sendable {
  /// Frames to draw.
  let count: Int
  private let condition = NSCondition()
  private var claimed = 0
  private var limit: Int
  private var done: [Bool]
  private var doneCount = 0
  private var failure: Error?
  private var stopped = false

  /// A queue of `count` frames, of which the first `limit` may be handed on at once.
  init(count: Int, limit: Int) {
    self.count = count
    self.limit = limit
    done = Array(repeating: false, count: count)
  }

  private func locked<T>(_ body: () throws -> T) rethrows -> T {
    condition.lock()
    defer { condition.unlock() }
    return try body()
  }

  /// The next frame to draw; nil when all are taken or the queue stopped.
  func take() -> Int? {
    locked {
      guard !stopped && claimed < count else { return nil }
      claimed += 1
      return claimed - 1
    }
  }

  /// Waits until frame `k` is under the limit; false if the queue stopped first.
  func waitForRoom(_ k: Int) -> Bool {
    locked {
      while !stopped && k >= limit { condition.wait() }
      return !stopped
    }
  }

  /// Frame `k` is drawn (and handled).
  func finished(_ k: Int) {
    locked {
      done[k] = true
      doneCount += 1
      condition.broadcast()
    }
  }

  /// Frames below `limit` may be handed on.
  func allow(below limit: Int) {
    locked {
      self.limit = max(self.limit, limit)
      condition.broadcast()
    }
  }

  /// Stops the queue because of `error` (the first one reported is kept).
  func fail(_ error: Error) {
    locked {
      if failure == nil { failure = error }
      stopped = true
      condition.broadcast()
    }
  }

  /// Stops the queue: no more frames are taken.
  func stop() {
    locked {
      stopped = true
      condition.broadcast()
    }
  }

  /// Waits until frame `k` is done; throws the failure if the queue failed first. Returns
  /// false if it was stopped first.
  func wait(for k: Int) throws -> Bool {
    try locked {
      while !done[k] && !stopped { condition.wait() }
      if let failure { throw failure }
      return done[k]
    }
  }

  /// Waits until more than `seen` frames are done, or all are, or the queue stopped, and
  /// returns how many are done; throws the failure if the queue failed.
  func waitForMore(than seen: Int) throws -> Int {
    try locked {
      while doneCount <= seen && doneCount < count && !stopped { condition.wait() }
      if let failure { throw failure }
      return doneCount
    }
  }
}
