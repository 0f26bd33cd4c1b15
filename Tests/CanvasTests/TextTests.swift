import Testing

@testable import Canvas

@Suite struct TextTests {
  let measurer = TextMeasurer()

  @Test func measuresNonEmptyText() {
    let metrics = measurer.measure("Attention", font: Font(size: 20))
    #expect(metrics.width > 60 && metrics.width < 140)
    #expect(metrics.height > 20 && metrics.height < 30)
    #expect(metrics.baseline > 0 && metrics.baseline < metrics.height)
    #expect(metrics.unknownGlyphs == 0)
  }

  @Test func extentsScaleLinearlyWithSize() {
    // Hinting is off, so layout does not depend on resolution.
    let small = measurer.measure("softmax(QKᵀ)", font: Font(size: 14)).width
    let large = measurer.measure("softmax(QKᵀ)", font: Font(size: 28)).width
    #expect(abs(large / small - 2) < 0.01)
  }

  @Test func boldIsWiderThanRegular() {
    let regular = measurer.measure("weights", font: Font(size: 20)).width
    let bold = measurer.measure("weights", font: Font(size: 20, weight: .bold)).width
    #expect(bold > regular)
  }

  @Test func truncatesWithAnEllipsisToFit() {
    let font = Font(size: 16)
    let text = "internationalization"
    let fitted = measurer.truncated(text, font: font, maxWidth: 60)
    #expect(fitted.hasSuffix("…"))
    #expect(measurer.measure(fitted, font: font).width <= 60)
    #expect(measurer.truncated("cat", font: font, maxWidth: 60) == "cat")
  }

  @Test func drawsInsideItsMeasuredBox() throws {
    let surface = try ImageSurface(width: 200, height: 60)
    let canvas = try Canvas(surface: surface)
    canvas.clear(to: .white)
    let font = Font(size: 32, weight: .bold)
    let origin = Point(20, 10)
    canvas.drawText("Keys", font: font, color: .black, at: origin)
    let box = Rect(origin: origin, size: measurer.measure("Keys", font: font).logical.size)
    var inside = 0
    var outside = 0
    for y in 0..<60 {
      for x in 0..<200 where surface.pixel(x: x, y: y).red < 0.5 {
        if box.insetBy(dx: -1, dy: -1).contains(Point(Double(x) + 0.5, Double(y) + 0.5)) {
          inside += 1
        } else {
          outside += 1
        }
      }
    }
    #expect(inside > 200)
    #expect(outside == 0)
  }
}

@Suite struct TextCacheTests {
  /// Pango marks a context's layouts for shaping again on every update, even one that
  /// changes nothing; the cache updates its context only when the surface or the scale
  /// or rotation changed, so labels drawn frame after frame are shaped once.
  @Test func aCachedLayoutIsShapedAgainOnlyWhenTheScaleChanges() throws {
    let cache = TextCache()
    let canvas = try Canvas(surface: try ImageSurface(width: 120, height: 60), textCache: cache)
    let font = Font(size: 16)
    func serialAfterDrawing(at point: Point) -> UInt32 {
      canvas.drawText("0.25", font: font, color: .black, at: point)
      canvas.drawText("other", font: font, color: .black, at: Point(point.y, point.x))
      return canvas.withTextContext { _, context in cache.layout("0.25", font: font, in: context).serial }
    }
    let first = serialAfterDrawing(at: Point(10, 10))
    #expect(serialAfterDrawing(at: Point(40, 30)) == first)
    canvas.withSavedState {
      canvas.concatenate(.translation(5, 7))
      #expect(serialAfterDrawing(at: Point(0, 0)) == first)
      canvas.concatenate(.scale(2, 2))
      #expect(serialAfterDrawing(at: Point(0, 0)) != first)
    }
  }
}
