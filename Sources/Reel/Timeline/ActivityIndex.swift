/// When anything changes in a timeline: the spans of every effect and the moments nodes
/// come on screen, sorted so that "does anything change between a and b" is two binary
/// searches.
struct ActivityIndex: Sendable {
  /// Effect spans sorted by start.
  private let starts: [Double]
  /// `latestEnd[i]`: the latest end among the first i + 1 spans.
  private let latestEnd: [Double]
  /// Entrance times, sorted.
  private let entrances: [Double]

  init(effects: [TimedEffect], entrances: [Double]) {
    let spans = effects.map { (start: $0.start, end: $0.end) }.sorted { $0.start < $1.start }
    starts = spans.map(\.start)
    var latest: [Double] = []
    latest.reserveCapacity(spans.count)
    for span in spans { latest.append(max(latest.last ?? -.infinity, span.end)) }
    latestEnd = latest
    self.entrances = entrances.sorted()
  }

  /// Whether the frame at `b` looks exactly like the one at `a` (a < b): no effect runs
  /// between them or starts at `b`, and no node comes on screen after `a` up to `b`.
  func isStill(from a: Double, to b: Double) -> Bool {
    let startedByB = starts.prefixCount { $0 <= b }
    if startedByB > 0 && latestEnd[startedByB - 1] > a { return false }
    let enteredByA = entrances.prefixCount { $0 <= a }
    return enteredByA == entrances.count || entrances[enteredByA] > b
  }
}
