import Canvas

/// What a node draws, in local coordinates centred on the origin.
public indirect enum NodeContent: Sendable, Hashable {
  /// A vector path: filled with the node's `fill`, stroked with its `stroke`.
  case shape(Path)
  /// One line of measured text, in the node's `fill` colour.
  case text(TextContent)
  /// A grid of coloured cells.
  case heatmap(HeatmapContent)
  /// Midway through a transform between two contents that cannot morph point by point:
  /// `from` fades out while `to` fades in.
  case crossfade(from: NodeContent, to: NodeContent, progress: Double)

  /// The content's box in local coordinates.
  public var localBounds: Rect {
    switch self {
    case .shape(let path): return path.bounds
    case .text(let text): return text.localBounds
    case .heatmap(let heatmap): return heatmap.localBounds
    case .crossfade(let from, let to, _): return from.localBounds.union(to.localBounds)
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
}
