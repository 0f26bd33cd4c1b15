import Foundation
import Testing

@testable import Canvas

@Suite struct PathTests {
  @Test func rectangleLength() {
    let path = Path.rectangle(Rect(x: 0, y: 0, width: 100, height: 50))
    #expect(abs(path.length - 300) < 1e-9)
  }

  @Test func circleLengthIsTwoPiR() {
    let path = Path.circle(center: Point(10, 10), radius: 40)
    #expect(abs(path.length - 2 * .pi * 40) / (2 * .pi * 40) < 0.002)
    let box = path.bounds
    #expect(abs(box.minX - -30) < 0.5 && abs(box.maxX - 50) < 0.5)
  }

  @Test func trimmingKeepsTheRequestedFraction() {
    let path = Path.rectangle(Rect(x: 0, y: 0, width: 100, height: 100))
    #expect(abs(path.trimmed(to: 0.5).length - 200) < 1e-6)
    #expect(path.trimmed(to: 0).length == 0)
    #expect(path.trimmed(to: 1) == path)
  }

  @Test func roundedCornersClampToHalfTheSide() {
    let path = Path.rectangle(Rect(x: 0, y: 0, width: 20, height: 20), cornerRadius: 50)
    // A fully rounded 20×20 square is a circle of radius 10.
    #expect(abs(path.length - 2 * .pi * 10) < 0.1)
  }

  @Test func resamplingIsEvenlySpaced() {
    let line = Polyline(points: [Point(0, 0), Point(10, 0)], isClosed: false)
    let points = line.resampled(count: 11)
    #expect(points.count == 11)
    for (index, point) in points.enumerated() { #expect(abs(point.x - Double(index)) < 1e-9) }
  }

  @Test func transformsCompose() {
    let t = Transform.scale(2, 2).concatenating(.translation(5, 0))
    #expect(t.apply(Point(1, 1)) == Point(7, 2))
    let r = Transform.rotation(.pi / 2).apply(Point(1, 0))
    #expect(abs(r.x) < 1e-12 && abs(r.y - 1) < 1e-12)  // clockwise on screen: +x turns to +y
  }

  @Test func rectIntersectionIgnoresTouchingEdges() {
    let a = Rect(x: 0, y: 0, width: 10, height: 10)
    #expect(!a.intersects(Rect(x: 10, y: 0, width: 5, height: 5)))
    #expect(a.intersects(Rect(x: 9, y: 9, width: 5, height: 5)))
    #expect(a.contains(Rect(x: 1, y: 1, width: 2, height: 2)))
  }
}
