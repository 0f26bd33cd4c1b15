import Canvas
import Reel

/// A colorbar beside the grid (vertical, as tall as it) or under it (horizontal, as wide
/// as it): the gradient, its title, a tick at every round value with both ends always
/// labelled, the uniform weight marked on a diverging map, and the masked-cell key (under
/// a horizontal bar; under the grid beside a vertical one, placed by `placeMaskKey`).
public struct ColorbarLayout: Sendable {
  public enum Orientation: Sendable, Hashable { case vertical, horizontal }

  public var orientation: Orientation
  public var bar: Rect
  public var title: PlacedText
  public var ticks: [(value: Double, label: PlacedText)]
  /// The uniform weight 1/n, marked on a diverging map, and its label.
  public var center: (value: Double, label: PlacedText)?
  public var maskSwatch: Rect?
  public var maskLegend: PlacedText?

  static let thickness = 26.0
  static let tickLength = 6.0

  /// A colorbar measured but not yet placed.
  /// `saturates`: some weights lie above the scale's top; its label says "≥".
  init(
    orientation: Orientation, scale: ColorScale, saturates: Bool = false, tokenCount: Int, causal: Bool,
    theme: Theme, measurer m: TextMeasurer
  ) {
    self.orientation = orientation
    let tickFont = Font(size: 20)
    title = PlacedText("weight", font: Font(size: 22, italic: true), color: theme.muted, measurer: m)
    ticks = scale.ticks.map { value in
      let text = (saturates && value == scale.upperBound ? "≥ " : "") + ColorScale.label(value)
      return (value, PlacedText(text, font: tickFont, color: theme.muted, measurer: m))
    }
    center = scale.center.map { value in
      (value, PlacedText("1/\(tokenCount) uniform", font: Font(size: 20, italic: true), color: theme.ink, measurer: m))
    }
    maskLegend =
      causal ? PlacedText("masked (−∞ before softmax)", font: Font(size: 20), color: theme.muted, measurer: m) : nil
    bar = .zero
  }

  /// Room across the bar (vertical: the width; horizontal: the height) for everything.
  var breadth: Double {
    let tickLabels = orientation == .vertical ? ticks.map(\.label.size.width) : ticks.map(\.label.size.height)
    let centerLabel = center.map { orientation == .vertical ? $0.label.size.width : $0.label.size.height } ?? 0
    let across = Self.thickness + Self.tickLength + 4 + (tickLabels.max() ?? 0)
    switch orientation {
    case .vertical:
      return max(
        across + (centerLabel > 0 ? centerLabel + 10 : 0), title.size.width, (maskLegend?.size.width ?? 0) + 34)
    case .horizontal:
      return title.size.height + 8 + across + (centerLabel > 0 ? centerLabel + 6 : 0)
        + (maskLegend.map { $0.size.height + 12 } ?? 0)
    }
  }

  /// The height the masked-cell key takes under the grid, gap included (vertical bars).
  var keyHeight: Double {
    guard orientation == .vertical, let legend = maskLegend else { return 0 }
    return 16 + max(legend.size.height, 24)
  }

  /// From the top of the box to the top of a vertical bar.
  var lead: Double {
    orientation == .vertical ? title.size.height + 10 + (ticks.last?.label.size.height ?? 0) / 2 : 0
  }

  /// Places the colorbar: `origin` is the top-left corner of its whole box, `length` the
  /// bar's length; returns the box it takes.
  @discardableResult
  /// The horizontal key stays within `within` (the frame's usable width).
  mutating func place(at origin: Point, length: Double, scale: ColorScale, within: ClosedRange<Double>) -> Rect {
    let upper = scale.upperBound
    switch orientation {
    case .vertical:
      let centerWidth = center.map { $0.label.size.width + 10 } ?? 0
      title.center = Point(origin.x + centerWidth + title.size.width / 2, origin.y + title.size.height / 2)
      bar = Rect(x: origin.x + centerWidth, y: origin.y + lead, width: Self.thickness, height: length)
      let barRect = bar
      for index in ticks.indices {
        let y = barRect.maxY - ticks[index].value / upper * length
        ticks[index].label.center = Point(
          barRect.maxX + Self.tickLength + 4 + ticks[index].label.size.width / 2, y)
      }
      if var marked = center {
        marked.label.center = Point(
          barRect.minX - 10 - marked.label.size.width / 2, barRect.maxY - marked.value / upper * length)
        center = marked
      }
    case .horizontal:
      title.center = Point(origin.x + title.size.width / 2, origin.y + title.size.height / 2)
      let centerHeight = center.map { $0.label.size.height + 6 } ?? 0
      bar = Rect(x: origin.x, y: title.box.maxY + 8 + centerHeight, width: length, height: Self.thickness)
      let barRect = bar
      for index in ticks.indices {
        let x = barRect.minX + ticks[index].value / upper * length
        ticks[index].label.center = Point(x, barRect.maxY + Self.tickLength + 4 + ticks[index].label.size.height / 2)
      }
      if var marked = center {
        let x = barRect.minX + marked.value / upper * length
        let half = marked.label.size.width / 2
        marked.label.center = Point(
          min(max(x, barRect.minX + half), barRect.maxX - half), barRect.minY - 6 - marked.label.size.height / 2)
        center = marked
      }
      if var legend = maskLegend {
        let below = (ticks.map(\.label.box.maxY).max() ?? barRect.maxY) + 12
        // Swatch and words together, kept inside the frame.
        let start = min(barRect.minX, within.upperBound - 34 - legend.size.width)
        let swatch = Rect(x: max(start, within.lowerBound), y: below, width: 24, height: 24)
        legend.center = Point(swatch.maxX + 10 + legend.size.width / 2, swatch.center.y)
        maskSwatch = swatch
        maskLegend = legend
      }
    }
    return boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
  }

  /// Places the masked-cell key of a vertical colorbar with its top-left corner at `origin`.
  mutating func placeMaskKey(at origin: Point) {
    guard var legend = maskLegend else { return }
    let height = max(legend.size.height, 24)
    let swatch = Rect(x: origin.x, y: origin.y + (height - 24) / 2, width: 24, height: 24)
    legend.center = Point(swatch.maxX + 10 + legend.size.width / 2, swatch.center.y)
    maskSwatch = swatch
    maskLegend = legend
  }

  /// Every box the colorbar covers.
  private var boxes: [Rect] {
    [bar, title.box] + ticks.map(\.label.box) + [center?.label.box, maskSwatch, maskLegend?.box].compactMap { $0 }
  }

  /// Its text, for drawing and overlap checks.
  public var texts: [PlacedText] {
    [title] + ticks.map(\.label) + [center?.label, maskLegend].compactMap { $0 }
  }

  /// The colorbar: a gradient through the colormap as the cells use it, its frame, ticks
  /// and labels, the uniform weight on a diverging map, and the masked-cell key.
  func nodes(colormap: Colormap, scale: ColorScale, theme: Theme, measurer m: TextMeasurer) -> [Node] {
    let bar = self
    let rect = bar.bar
    let vertical = bar.orientation == .vertical
    let scaleContent = HeatmapContent(
      values: [], colormap: colormap, range: 0...scale.upperBound, cellSize: .zero, center: scale.center)
    // Stops at even steps of value, so a centred map bends where the cells do.
    let stops = (0...64).map { step -> GradientStop in
      let t = Double(step) / 64
      return GradientStop(t, scaleContent.color(for: t * scale.upperBound))
    }
    var gradient = Node.rectangle(width: rect.width, height: rect.height, at: rect.center)
    let half = Point(vertical ? 0 : rect.width / 2, vertical ? rect.height / 2 : 0)
    gradient.fill = .linearGradient(start: vertical ? half : -half, end: vertical ? -half : half, stops: stops)
    gradient.stroke = .solid(theme.rule)
    gradient.strokeStyle.width = 1
    var nodes = [bar.title.node(measurer: m), gradient]
    for (value, label) in bar.ticks {
      let along = value / scale.upperBound
      if vertical {
        let y = rect.maxY - along * rect.height
        nodes.append(
          .line(
            from: Point(rect.maxX, y), to: Point(rect.maxX + ColorbarLayout.tickLength, y), color: theme.muted,
            width: 1.5))
      } else {
        let x = rect.minX + along * rect.width
        nodes.append(
          .line(
            from: Point(x, rect.maxY), to: Point(x, rect.maxY + ColorbarLayout.tickLength), color: theme.muted,
            width: 1.5))
      }
      nodes.append(label.node(measurer: m))
    }
    if let center = bar.center {
      let along = center.value / scale.upperBound
      let line: Node =
        vertical
        ? .line(
          from: Point(rect.minX - 6, rect.maxY - along * rect.height),
          to: Point(rect.maxX, rect.maxY - along * rect.height),
          color: theme.ink, width: 2)
        : .line(
          from: Point(rect.minX + along * rect.width, rect.minY - 4),
          to: Point(rect.minX + along * rect.width, rect.maxY),
          color: theme.ink, width: 2)
      nodes += [line, center.label.node(measurer: m)]
    }
    if let swatch = bar.maskSwatch, let legend = bar.maskLegend {
      nodes.append(
        Node(
          .heatmap(
            HeatmapContent(
              values: [[nil]], colormap: colormap, range: 0...1, cellSize: swatch.size, gap: 0,
              maskColor: theme.maskFill, maskHatch: theme.maskHatch)), at: swatch.center))
      nodes.append(legend.node(measurer: m))
    }
    return nodes
  }
}
