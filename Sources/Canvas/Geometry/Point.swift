import Foundation

/// A point or offset in a drawing's user space (y grows downwards, as on screen).
public struct Point: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double

  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }

  public init(x: Double, y: Double) { self.init(x, y) }

  public static let zero = Point(0, 0)

  public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
  public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
  public static func * (a: Point, s: Double) -> Point { Point(a.x * s, a.y * s) }
  public static prefix func - (a: Point) -> Point { Point(-a.x, -a.y) }

  /// Distance from the origin.
  public var length: Double { (x * x + y * y).squareRoot() }

  public func distance(to other: Point) -> Double { (self - other).length }

  /// The point `fraction` of the way from `self` to `other`.
  public func interpolated(to other: Point, _ fraction: Double) -> Point {
    Point(x + (other.x - x) * fraction, y + (other.y - y) * fraction)
  }
}

/// A width and a height in user-space units.
public struct Size: Sendable, Hashable, Codable {
  public var width: Double
  public var height: Double

  public init(_ width: Double, _ height: Double) {
    self.width = width
    self.height = height
  }

  public init(width: Double, height: Double) { self.init(width, height) }

  public static let zero = Size(0, 0)
}

/// Linear interpolation between two numbers.
@inlinable
public func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double { a + (b - a) * t }
