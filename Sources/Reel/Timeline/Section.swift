/// A named stretch of a timeline; its end state becomes a slide.
public struct Section: Sendable, Hashable {
  public var name: String
  public var start: Double
  public var end: Double

  public init(name: String, start: Double, end: Double) {
    self.name = name
    self.start = start
    self.end = end
  }
}
