import Canvas

/// What a node draws, in local coordinates centred on the origin (a group's box is where
/// its members are).
public indirect enum NodeContent: Sendable, Hashable {
  /// A vector path: filled with the node's `fill`, stroked with its `stroke`.
  case shape(Path)
  /// One line of measured text, in the node's `fill` colour.
  case text(TextContent)
  /// A grid of coloured cells.
  case heatmap(HeatmapContent)
  /// Many weighted edges, drawn in one batched pass (a network's connections).
  case edges(EdgeBundle)
  /// A number whose digits sit in measured slots, so it can change every frame without
  /// moving (a counter, a value label).
  case counter(CounterContent)
  /// Midway through a transform: shapes and text morph outline into outline, anything
  /// else cross-fades.
  case morph(from: NodeContent, to: NodeContent, progress: Double)
  /// A group draws nothing itself; `bounds` is the box of its members when grouped, in the
  /// group's local coordinates.
  case group(bounds: Rect)
  /// An invisible number that animations change and computed nodes read (`ValueTracker`).
  case value(Double)

  /// The content's box in local coordinates.
  public var localBounds: Rect {
    switch self {
    case .shape(let path): return path.bounds
    case .text(let text): return text.localBounds
    case .heatmap(let heatmap): return heatmap.localBounds
    case .edges(let bundle): return bundle.localBounds
    case .counter(let counter): return counter.localBounds
    case .morph(let from, let to, _): return from.localBounds.union(to.localBounds)
    case .group(let bounds): return bounds
    case .value: return .zero
    }
  }

  /// Whether there is anything to draw.
  var isDrawn: Bool {
    switch self {
    case .group, .value: return false
    default: return true
    }
  }
}

/// Text with its measured metrics, centred on the origin.
public struct TextContent: Sendable, Hashable {
  public var string: String
  public var font: Font
  public var metrics: TextMetrics

  /// The logical box, centred on the origin.
  public var localBounds: Rect {
    Rect(center: .zero, size: metrics.logical.size)
  }

  /// The baseline's height in local coordinates (y of the line the glyphs sit on).
  public var baseline: Double { metrics.baseline - metrics.logical.height / 2 }
}
