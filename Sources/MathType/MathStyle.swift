/// TeX's four math styles, each plain or cramped (superscripts sit lower): display (D),
/// text (T), script (S) and scriptscript (SS).
public struct MathStyle: Hashable, Sendable {
  public enum Size: Int, Sendable, Comparable {
    case display, text, script, scriptScript
    public static func < (a: Size, b: Size) -> Bool { a.rawValue < b.rawValue }
  }

  public var size: Size
  public var cramped: Bool

  public init(_ size: Size, cramped: Bool = false) {
    self.size = size
    self.cramped = cramped
  }

  public static let display = MathStyle(.display)
  public static let text = MathStyle(.text)

  /// How much smaller than the base size this style draws: 1, 1, 0.7, 0.5 for Latin
  /// Modern Math (its script percentages).
  func scale(script: Double, scriptScript: Double) -> Double {
    switch size {
    case .display, .text: return 1
    case .script: return script
    case .scriptScript: return scriptScript
    }
  }

  /// 0 in D and T, 1 in S, 2 in SS: which `ssty` glyph forms to use.
  var scriptLevel: Int { max(0, size.rawValue - 1) }
  var isDisplay: Bool { size == .display }

  var supStyle: MathStyle { MathStyle(size <= .text ? .script : .scriptScript, cramped: cramped) }
  var subStyle: MathStyle { MathStyle(size <= .text ? .script : .scriptScript, cramped: true) }
  var numerator: MathStyle {
    MathStyle(size == .display ? .text : size == .text ? .script : .scriptScript, cramped: cramped)
  }
  var denominator: MathStyle { MathStyle(numerator.size, cramped: true) }
  var crampedStyle: MathStyle { MathStyle(size, cramped: true) }
}
