import Canvas
import MathType

/// A typeset formula on screen: one shape node per glyph or rule, all in one group, and a
/// sub-group for each `\part{name}{…}`. Animate `group` to move, scale, fade or write the
/// whole formula, `part("name")` for a piece of it (`recolor`, `indicate`, `shift`…).
public struct FormulaNodes: Sendable, Hashable {
  /// The whole formula.
  public let group: Node
  /// Every glyph and rule, in the formula's order.
  public let glyphs: [Node]
  /// The group of each named part.
  public let parts: [String: Node]
  /// For each glyph: what it is (its font glyph, or a rule) and the parts it is in,
  /// outermost first, which `matching(into:)` pairs glyphs by.
  let keys: [GlyphKey]

  struct GlyphKey: Sendable, Hashable {
    let glyph: UInt32?
    let parts: [String]
    var innermost: String? { parts.last }
  }

  /// The group of the part named `name` (`\part{name}{…}` in the LaTeX); a part inside it
  /// is a group inside this one.
  public func part(_ name: String) -> Node? { parts[name] }

  /// The glyph nodes inside part `name`, parts within it included.
  public func glyphs(inPart name: String) -> [Node] {
    zip(glyphs, keys).filter { $0.1.parts.contains(name) }.map(\.0)
  }
}

/// What `FormulaNodes.matching(into:)` gives: the animations to play, and the formula as it
/// is afterwards (matching glyphs keep their nodes; the others are the target's).
public struct FormulaTransform: Sendable {
  public let animations: [Animation]
  /// The nodes showing the target formula once the animations end.
  public let glyphs: [Node]
}

extension FormulaNodes {
  /// Manim's `TransformMatchingTex`: glyphs of the same (innermost) part with the same shape
  /// move to their places in `target`; then any glyphs left pair by shape alone; what is
  /// left after that fades out, and what is new in `target` fades in. `target` must be made (not
  /// shown), and neither formula's group moved, so both are in frame coordinates.
  public func matching(into target: FormulaNodes) -> FormulaTransform {
    var unused = Array(glyphs.indices)
    var pairs: [(Int, Int)] = []
    var arriving: [Int] = []
    // Pass 1: same part (named) and same glyph; pass 2: same glyph anywhere.
    var unmatchedTargets: [Int] = []
    for (index, key) in target.keys.enumerated() {
      if key.innermost != nil,
        let match = unused.firstIndex(where: { keys[$0].glyph == key.glyph && keys[$0].innermost == key.innermost })
      {
        pairs.append((unused.remove(at: match), index))
      } else {
        unmatchedTargets.append(index)
      }
    }
    for index in unmatchedTargets {
      let glyph = target.keys[index].glyph
      if let match = unused.firstIndex(where: { keys[$0].glyph == glyph }) {
        pairs.append((unused.remove(at: match), index))
      } else {
        arriving.append(index)
      }
    }
    var result = target.glyphs
    var animations: [Animation] = []
    for (source, destination) in pairs {
      animations.append(.transform(glyphs[source], into: target.glyphs[destination]))
      result[destination] = glyphs[source]
    }
    if !unused.isEmpty { animations.append(.fadeOut(unused.map { glyphs[$0] })) }
    if !arriving.isEmpty { animations.append(.fadeIn(arriving.map { target.glyphs[$0] })) }
    return FormulaTransform(animations: animations, glyphs: result)
  }
}

extension FormulaNodes {
  /// The glyphs of part `name` turning into `node` (the `Q` of a formula into the Q matrix
  /// of the next step): the first glyph becomes `node` — it morphs when both are shapes and
  /// cross-fades otherwise — and the others travel into it as they fade. Afterwards the
  /// first glyph's node is the one showing `node`; empty when there is no such part.
  public func transform(part name: String, into node: Node) -> [Animation] {
    let members = glyphs(inPart: name)
    guard let first = members.first else { return [] }
    var vanishing = node
    vanishing.opacity = 0
    return [.transform(first, into: node)] + members.dropFirst().map { .transform($0, into: vanishing) }
  }
}

extension SceneRecorder {
  /// Makes `formula` into nodes (registered, not shown: `write`, `fadeIn` or `add` its
  /// `group`), `size` pixels per em, its box centred on `center`. Glyphs take the colour
  /// of `\color` in the LaTeX, else of their part in `partColors`, else `color`.
  public mutating func formula(
    _ formula: Formula, size: Double, center: Point, color: Color, partColors: [String: Color] = [:]
  ) throws -> FormulaNodes {
    let box = formula.bounds(size: size).center
    let offset = Point(center.x - box.x, center.y - box.y)
    var glyphs: [Node] = []
    var keys: [FormulaNodes.GlyphKey] = []
    for piece in formula.pieces(size: size) {
      let middle = piece.path.bounds.center
      let local = piece.path.applying(.translation(-middle.x, -middle.y))
      let node = make(
        Node(
          .shape(local), at: Point(middle.x + offset.x, middle.y + offset.y),
          fill: .solid(piece.color ?? piece.parts.reversed().lazy.compactMap { partColors[$0] }.first ?? color)))
      glyphs.append(node)
      keys.append(FormulaNodes.GlyphKey(glyph: piece.glyph?.id, parts: piece.parts))
    }
    // Part groups, innermost first: each holds its own glyphs and the groups of the parts
    // directly inside it.
    var parent: [String: String] = [:]
    var level: [String: Int] = [:]
    for key in keys {
      for (index, name) in key.parts.enumerated() {
        level[name] = max(level[name] ?? 0, index)
        if index > 0 { parent[name] = key.parts[index - 1] }
      }
    }
    var parts: [String: Node] = [:]
    for name in level.keys.sorted(by: { (level[$0] ?? 0, $0) > (level[$1] ?? 0, $1) }) {
      let own = zip(glyphs, keys).filter { $0.1.innermost == name }.map(\.0)
      let inner = parent.filter { $0.value == name }.keys.sorted().compactMap { parts[$0] }
      parts[name] = try group(inner + own)
    }
    // The whole: the outermost part groups and the glyphs outside any part.
    let outermost = level.keys.filter { parent[$0] == nil }.sorted().compactMap { parts[$0] }
    let loose = zip(glyphs, keys).filter { $0.1.parts.isEmpty }.map(\.0)
    return FormulaNodes(group: try group(outermost + loose), glyphs: glyphs, parts: parts, keys: keys)
  }
}
