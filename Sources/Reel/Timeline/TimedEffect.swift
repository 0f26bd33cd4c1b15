/// One effect on one node, placed in time.
struct TimedEffect: Sendable, Hashable {
  var start: Double
  var duration: Double
  var effect: Effect
  var rate: RateFunction
  /// The node it changes (an index into the timeline's nodes).
  var target: Int

  var end: Double { start + duration }

  /// Eased progress at time `t` (the effect has started by `t`); its final value from
  /// `end` on, exactly as the timeline's stored results use it.
  func progress(at t: Double) -> Double {
    if t >= end { return rate(1) }
    let linear = duration > 0 ? (t - start) / duration : 1
    return rate(min(linear, 1))
  }
}

extension Array {
  /// The number of leading elements for which `isBefore` holds, in a collection where it
  /// holds for a prefix and fails for the rest (binary search).
  func prefixCount(where isBefore: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
