import Canvas
import Reel
import Testing

/// The check every scene's layout test makes at the end of each section: every node inside
/// the frame, no two texts or counters overlapping, and text no smaller than `minimumFont`
/// units (counters too, if given).
enum SectionEndLayout {
  static func check(
    _ timeline: Timeline, frame: Size, label: String, minimumFont: Double = 0, minimumCounterFont: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let bounds = Rect(origin: .zero, size: frame)
    for section in timeline.sections {
      var texts: [(String, Rect)] = []
      for node in timeline.state(at: section.end - 1e-6) {
        #expect(
          bounds.contains(node.bounds.insetBy(dx: 1, dy: 1)), "\(label) \(section.name): \(node.content)",
          sourceLocation: sourceLocation)
        switch node.content {
        case .text(let text):
          #expect(text.font.size >= minimumFont, "\(label): '\(text.string)'", sourceLocation: sourceLocation)
          texts.append((text.string, node.bounds.insetBy(dx: 0.5, dy: 0.5)))
        case .counter(let counter):
          #expect(counter.font.size >= minimumCounterFont, "\(counter.formatted)", sourceLocation: sourceLocation)
          texts.append((counter.formatted, counter.shownBounds.applying(node.transform)))
        default: continue
        }
      }
      for (i, a) in texts.enumerated() {
        for b in texts[(i + 1)...] {
          #expect(
            !a.1.intersects(b.1), "\(label) \(section.name): '\(a.0)' overlaps '\(b.0)'", sourceLocation: sourceLocation
          )
        }
      }
    }
  }
}
