import Canvas

/// Lays out math lists by TeX's rules (The TeXbook, Appendix G) with the OpenType MATH
/// table's constants, as LuaTeX does; `../shared/MATH-LAYOUT.md` §4 has each recipe and
/// the values it was checked against. All in font units, y up.
public struct MathLayout: Sendable {
  public let font: MathFont
  private let scriptScale: Double
  private let scriptScriptScale: Double
  /// The font's units per em over 1000: TeX's fixed dimensions below (null delimiter space,
  /// struts, column gaps) are written for 1000 units per em and scaled by it.
  private let em: Double
  /// TeX's `\nulldelimiterspace` (1.2 pt at 10 pt), beside every fraction.
  private var nullDelimiterSpace: Double { 120 * em }

  public init(font: MathFont) {
    self.font = font
    scriptScale = font.constant(.scriptPercentScaleDown) / 100
    scriptScriptScale = font.constant(.scriptScriptPercentScaleDown) / 100
    em = font.unitsPerEm / 1000
  }

  /// The box of `list` set in `style`.
  public func layout(_ list: MathList, style: MathStyle) throws -> MathBox {
    try layoutList(list, style: style)
  }

  func scale(_ style: MathStyle) -> Double { style.scale(script: scriptScale, scriptScript: scriptScriptScale) }

  func constant(_ c: MathConstant, _ style: MathStyle) -> Double { font.constant(c) * scale(style) }

  // MARK: - Lists

  private struct Laid {
    var box: MathBox
    var mathClass: MathClass
    var style: MathStyle
  }

  private func layoutList(_ list: MathList, style initial: MathStyle) throws -> MathBox {
    // First pass: the atoms with their styles, and spaces.
    var style = initial
    var entries: [(item: MathItem, style: MathStyle)] = []
    for item in list {
      if case .style(let size) = item {
        style = MathStyle(size, cramped: style.cramped)
      } else {
        entries.append((item, style))
      }
    }
    // Bin atoms that cannot be binary (first, after an operator or a relation, before a
    // relation or a closing) become Ord, as in TeX.
    var classes: [MathClass?] = entries.map {
      if case .atom(let atom) = $0.item { return atom.mathClass }
      return nil
    }
    var previous: Int?
    for index in classes.indices {
      guard let mathClass = classes[index] else { continue }
      if mathClass == .bin, previous.map({ [.bin, .op, .rel, .open, .punct].contains(classes[$0] ?? .ord) }) ?? true {
        classes[index] = .ord
      }
      if [.rel, .close, .punct].contains(classes[index] ?? .ord), let previous, classes[previous] == .bin {
        classes[previous] = .ord
      }
      previous = index
    }
    if let previous, classes[previous] == .bin { classes[previous] = .ord }

    var box = MathBox()
    var previousClass: MathClass?
    for (index, entry) in entries.enumerated() {
      switch entry.item {
      case .space(let mu):
        box.width += mu * font.unitsPerEm / 18 * scale(entry.style)
      case .style:
        break
      case .atom(let atom):
        let mathClass = classes[index] ?? atom.mathClass
        if let previousClass {
          let (mu, scriptsToo) = MathClass.space(between: previousClass, and: mathClass)
          if scriptsToo || entry.style.size <= .text { box.width += mu * font.unitsPerEm / 18 * scale(entry.style) }
        }
        let (atomBox, italic) = try layoutAtom(atom, style: entry.style)
        box.append(atomBox)
        // A lone glyph's italic correction keeps it off a glyph that follows (`f(`), as
        // LuaTeX does; before anything else, or at the end, there is nothing to keep off.
        if let next = entries[(index + 1)...].first(where: { if case .atom = $0.item { true } else { false } }),
          case .atom(let following) = next.item, Self.isGlyph(following)
        {
          box.width += italic
        }
        previousClass = mathClass
      }
    }
    return box
  }

  // MARK: - Atoms

  /// A single character without scripts, as TeX's italic correction rule sees it.
  private static func isGlyph(_ atom: MathAtom) -> Bool {
    if case .symbol = atom.nucleus { return true }
    return false
  }

  /// A filled rule `width` wide and `thickness` tall, standing on its box's baseline.
  private func ruleBox(width: Double, thickness: Double) -> MathBox {
    MathBox(
      width: width, height: thickness, shapes: [MathShape(kind: .rule(width: width, height: thickness), x: 0, y: 0)])
  }

  /// The atom's box, and the italic correction to add when another atom follows.
  private func layoutAtom(_ atom: MathAtom, style: MathStyle) throws -> (MathBox, Double) {
    let k = scale(style)
    var nucleus: MathBox
    var italic = 0.0
    var isGlyph = false
    var isBigOperator = false
    switch atom.nucleus {
    case .symbol(let scalar) where atom.mathClass == .op:
      let glyph = try glyph(scalar, style: style, atom: atom)
      (nucleus, italic) = bigOperator(glyph, style: style)
      isBigOperator = true
    case .symbol(let scalar):
      let glyph = try glyph(scalar, style: style, atom: atom)
      nucleus = glyphBox(glyph, scale: k)
      // Plain TeX's \vdots is three dots stacked 4 pt apart under a 6 pt kern, about 1.5 em
      // tall: a matrix row holding one is that tall, in LaTeX and here.
      if scalar == "\u{22EE}" { nucleus.height = max(nucleus.height, 1500 * em * k) }
      italic = font.italicCorrection(glyph) * k
      isGlyph = true
    case .text(let text):
      nucleus = try textBox(text, style: style, atom: atom)
    case .list(let list):
      nucleus = try layoutList(list, style: style)
    case .fraction(let numerator, let denominator, let rule, let forced, let parenthesized):
      nucleus = try fraction(
        numerator, denominator, rule: rule, style: forced.map { MathStyle($0, cramped: style.cramped) } ?? style,
        parenthesized: parenthesized, atom: atom)
    case .radical(let radicand, let degree):
      nucleus = try radical(radicand, degree: degree, style: style, atom: atom)
    case .delimited(let left, let inner, let right):
      nucleus = try delimited(
        left: left, inner: try layoutList(inner, style: style), right: right, style: style, atom: atom)
    case .bigDelimiter(let scalar, let size):
      let glyph = try self.glyph(scalar, style: .text, atom: atom)
      nucleus = centredOnAxis(stretched(glyph, to: size * em, horizontal: false, scale: 1), style: style)
    case .accent(let arrow, let body, _) where arrow == "\u{2192}" || arrow == "\u{2190}":
      nucleus = try overArrow(arrow, body: body, style: style, atom: atom)
    case .accent(let accent, let body, let wide):
      nucleus = try self.accent(accent, body: body, wide: wide, style: style, atom: atom)
    case .overline(let body):
      nucleus = try overline(body, style: style)
    case .underline(let body):
      nucleus = try underline(body, style: style)
    case .brace(let body, let over):
      nucleus = try brace(body, over: over, style: style, atom: atom)
    case .array(let array):
      nucleus = try self.array(array, style: style, atom: atom)
    }
    nucleus = nucleus.tagged(color: atom.color, parts: atom.parts)
    guard atom.sup != nil || atom.sub != nil else { return (nucleus, isGlyph ? italic : 0) }
    let useLimits =
      atom.mathClass == .op && (atom.limits ?? (atom.limitsInDisplay && style.isDisplay))
    if useLimits {
      return (try limits(nucleus, italic: italic, atom: atom, style: style), 0)
    }
    let attached = try scripts(
      nucleus, italic: italic, isGlyph: isGlyph, isBigOperator: isBigOperator, atom: atom, style: style)
    return (attached, 0)
  }

  private func glyph(_ scalar: Unicode.Scalar, style: MathStyle, atom: MathAtom) throws -> MathGlyph {
    guard let glyph = font.glyph(for: scalar, scriptLevel: style.scriptLevel) ?? font.glyph(for: scalar) else {
      throw MathLayoutError.missingGlyph(scalar, offset: atom.sourceOffset)
    }
    return glyph
  }

  /// One glyph as a box: its advance, and its ink above and below the baseline.
  func glyphBox(_ glyph: MathGlyph, scale k: Double, x: Double = 0, y: Double = 0) -> MathBox {
    let ink = font.ink(glyph)
    return MathBox(
      width: font.advance(glyph) * k, height: max(0, ink.top * k + y), depth: max(0, -ink.bottom * k - y),
      shapes: [MathShape(kind: .glyph(glyph, scale: k), x: x, y: y)])
  }

  private func textBox(_ text: String, style: MathStyle, atom: MathAtom) throws -> MathBox {
    let k = scale(style)
    var box = MathBox()
    for scalar in text.unicodeScalars {
      if scalar == " " {
        box.width += 333 * em * k
        continue
      }
      box.append(glyphBox(try glyph(scalar, style: style, atom: atom), scale: k))
    }
    return box
  }

  // MARK: - Scripts and limits

  private func scripts(
    _ base: MathBox, italic: Double, isGlyph: Bool, isBigOperator: Bool, atom: MathAtom, style: MathStyle
  ) throws -> MathBox {
    let after = constant(.spaceAfterScript, style)
    var sup = try atom.sup.map { try layoutList($0, style: style.supStyle) }
    var sub = try atom.sub.map { try layoutList($0, style: style.subStyle) }
    sup?.width += after
    sub?.width += after
    // A boxed nucleus (an operator, a group): scripts start from its top and bottom. The
    // subscript hangs from the bottom by TeX's sub_drop (0.05 em of the script size), as in
    // pdflatex; Latin Modern Math's SubscriptBaselineDropMin (0.2 em) sets it far lower.
    var u = isGlyph ? 0 : base.height - constant(.superscriptBaselineDropMax, style)
    var v = isGlyph ? 0 : base.depth + 50 * em * scale(style.subStyle)
    if let sup {
      // TeX raises a superscript in display style by sup1 (0.413 em), more than in text
      // style (sup2, the font's SuperscriptShiftUp); pdflatex does, so Reel does.
      let shift =
        style.cramped
        ? constant(.superscriptShiftUpCramped, style)
        : style.isDisplay
          ? max(413 * em, constant(.superscriptShiftUp, style)) : constant(.superscriptShiftUp, style)
      u = max(u, shift, sup.depth + constant(.superscriptBottomMin, style))
    }
    if let sub, sup == nil {
      // A lone subscript drops by TeX's sub1 (0.15 em, as pdflatex, MathJax and KaTeX set
      // it), not by SubscriptShiftDown, which is TeX's sub2 for a subscript under a
      // superscript (0.247 em in Latin Modern Math).
      let sub1 = min(150 * em * scale(style), constant(.subscriptShiftDown, style))
      v = max(v, sub1, sub.height - constant(.subscriptTopMax, style))
    }
    if let sup, let sub {
      v = max(v, constant(.subscriptShiftDown, style))
      let gap = (u - sup.depth) - (sub.height - v)
      let minimum = constant(.subSuperscriptGapMin, style)
      if gap < minimum {
        v += minimum - gap
        let psi = constant(.superscriptBottomMaxWithSubscript, style) - (u - sup.depth)
        if psi > 0 {
          u += psi
          v -= psi
        }
      }
    }
    var box = base
    let supX = base.width + (isGlyph ? italic : 0)
    let subX = base.width - (isBigOperator ? italic : 0)
    if let sup { box.place(sup, x: supX, y: u) }
    if let sub { box.place(sub, x: subX, y: -v) }
    box.width = max(sup.map { supX + $0.width } ?? 0, sub.map { subX + $0.width } ?? 0, base.width)
    return box
  }

  private func limits(_ base: MathBox, italic: Double, atom: MathAtom, style: MathStyle) throws -> MathBox {
    let upper = try atom.sup.map { try layoutList($0, style: style.supStyle) }
    let lower = try atom.sub.map { try layoutList($0, style: style.subStyle) }
    let width = max(base.width, upper?.width ?? 0, lower?.width ?? 0)
    var box = MathBox()
    box.place(base, x: (width - base.width) / 2, y: 0)
    if let upper {
      let rise = max(
        constant(.upperLimitGapMin, style) + upper.depth, constant(.upperLimitBaselineRiseMin, style))
      box.place(upper, x: (width - upper.width) / 2 + italic / 2, y: base.height + rise)
    }
    if let lower {
      let drop = max(constant(.lowerLimitGapMin, style) + lower.height, constant(.lowerLimitBaselineDropMin, style))
      box.place(lower, x: (width - lower.width) / 2 - italic / 2, y: -(base.depth + drop))
    }
    box.width = width
    return box
  }

  /// A big operator: in display style its first variant at least DisplayOperatorMinHeight
  /// tall; centred on the axis. Returns the box and the glyph's italic correction.
  private func bigOperator(_ glyph: MathGlyph, style: MathStyle) -> (MathBox, Double) {
    let k = scale(style)
    var chosen = glyph
    if style.isDisplay {
      let minimum = font.constant(.displayOperatorMinHeight)
      chosen =
        font.variants(glyph, horizontal: false).first {
          let ink = font.ink($0.glyph)
          return ink.top - ink.bottom >= minimum
        }?.glyph ?? font.variants(glyph, horizontal: false).last?.glyph ?? glyph
    }
    return (centredOnAxis(glyphBox(chosen, scale: k), style: style), font.italicCorrection(chosen) * k)
  }

  // MARK: - Fractions

  private func fraction(
    _ numerator: MathList, _ denominator: MathList, rule: Bool, style: MathStyle, parenthesized: Bool,
    atom: MathAtom
  ) throws -> MathBox {
    let num = try layoutList(numerator, style: style.numerator)
    let den = try layoutList(denominator, style: style.denominator)
    let axis = constant(.axisHeight, style)
    let display = style.isDisplay
    var u: Double
    var v: Double
    let thickness = rule ? constant(.fractionRuleThickness, style) : 0
    if rule {
      let gapAbove = constant(display ? .fractionNumDisplayStyleGapMin : .fractionNumeratorGapMin, style)
      let gapBelow = constant(display ? .fractionDenomDisplayStyleGapMin : .fractionDenominatorGapMin, style)
      u = max(
        constant(display ? .fractionNumeratorDisplayStyleShiftUp : .fractionNumeratorShiftUp, style),
        axis + thickness / 2 + gapAbove + num.depth)
      v = max(
        constant(display ? .fractionDenominatorDisplayStyleShiftDown : .fractionDenominatorShiftDown, style),
        den.height - axis + thickness / 2 + gapBelow)
    } else {
      u = constant(display ? .stackTopDisplayStyleShiftUp : .stackTopShiftUp, style)
      v = constant(display ? .stackBottomDisplayStyleShiftDown : .stackBottomShiftDown, style)
      let gap = (u - num.depth) - (den.height - v)
      let minimum = constant(display ? .stackDisplayStyleGapMin : .stackGapMin, style)
      if gap < minimum {
        u += (minimum - gap) / 2
        v += (minimum - gap) / 2
      }
    }
    let width = max(num.width, den.width)
    let side = parenthesized ? 0 : nullDelimiterSpace
    var box = MathBox()
    box.place(num, x: side + (width - num.width) / 2, y: u)
    box.place(den, x: side + (width - den.width) / 2, y: -v)
    if rule {
      box.place(
        ruleBox(width: width, thickness: thickness),
        x: side, y: axis - thickness / 2)
    }
    box.width = width + 2 * side
    guard parenthesized else { return box }
    // \binom's parentheses have TeX's fixed sizes (delim1 / delim2), not \left…\right's.
    let size = (display ? 2399.7 : 1009.9) * em * scale(style)
    let open = try glyph("(", style: .text, atom: atom)
    let close = try glyph(")", style: .text, atom: atom)
    let k = scale(style)
    var result = centredOnAxis(stretched(open, to: size, horizontal: false, scale: k), style: style)
    result.append(box)
    result.append(centredOnAxis(stretched(close, to: size, horizontal: false, scale: k), style: style))
    return result
  }

  // MARK: - Radicals

  private func radical(_ radicand: MathList, degree: MathList?, style: MathStyle, atom: MathAtom) throws -> MathBox {
    let k = scale(style)
    let body = try layoutList(radicand, style: style.crampedStyle)
    var gap = constant(style.isDisplay ? .radicalDisplayStyleVerticalGap : .radicalVerticalGap, style)
    let thickness = constant(.radicalRuleThickness, style)
    let target = body.height + body.depth + gap + thickness
    let surdGlyph = try glyph("\u{221A}", style: .text, atom: atom)
    let surd = stretched(surdGlyph, to: target, horizontal: false, scale: k)
    let excess = surd.height + surd.depth - target
    if excess > 0 { gap += excess / 2 }
    let barBottom = body.height + gap
    let surdY = barBottom + thickness - surd.height
    var box = MathBox()
    box.place(surd, x: 0, y: surdY)
    box.place(body, x: surd.width, y: 0)
    box.place(
      ruleBox(width: body.width, thickness: thickness),
      x: surd.width, y: barBottom)
    box.height = max(box.height, barBottom + thickness + constant(.radicalExtraAscender, style))
    box.width = surd.width + body.width
    guard let degree else { return box }
    let index = try layoutList(degree, style: MathStyle(.scriptScript))
    let before = constant(.radicalKernBeforeDegree, style)
    let after = max(constant(.radicalKernAfterDegree, style), -(index.width + before))
    let surdBottom = surdY - surd.depth
    let raise = font.constant(.radicalDegreeBottomRaisePercent) / 100 * (surd.height + surd.depth)
    var result = MathBox()
    result.place(index, x: before, y: surdBottom + raise)
    result.place(box, x: before + index.width + after, y: 0)
    result.width = before + index.width + after + box.width
    return result
  }

  // MARK: - Delimiters

  private func delimited(
    left: Unicode.Scalar?, inner: MathBox, right: Unicode.Scalar?, style: MathStyle, atom: MathAtom
  ) throws
    -> MathBox
  {
    let axis = constant(.axisHeight, style)
    let delta = max(inner.height - axis, inner.depth + axis)
    // plain TeX's \delimiterfactor 901 and \delimitershortfall 5 pt.
    let target = max(delta * 901 / 500, 2 * delta - 500 * em)
    var box = try delimiterBox(left, target: target, style: style, atom: atom)
    box.append(inner)
    box.append(try delimiterBox(right, target: target, style: style, atom: atom))
    return box
  }

  private func delimiterBox(_ scalar: Unicode.Scalar?, target: Double, style: MathStyle, atom: MathAtom) throws
    -> MathBox
  {
    guard let scalar else { return MathBox(width: nullDelimiterSpace) }
    let glyph = try glyph(scalar, style: .text, atom: atom)
    let k = scale(style)
    return centredOnAxis(stretched(glyph, to: target, horizontal: false, scale: k, steps: .plainTeX), style: style)
  }

  /// Which ready-made sizes of a stretchy glyph to choose from.
  enum SizeSteps {
    /// Every variant the font has.
    case all
    /// Only those of plain TeX's sizes — 1, 1.2, 1.8, 2.4 and 3 em tall, as `\big` to
    /// `\Bigg` — when the font has them: Latin Modern Math has finer steps between, which
    /// pdflatex's fonts lack, so nested delimiters would come out the same size.
    case plainTeX
  }

  /// `box` moved up or down so its ink is centred on the math axis.
  func centredOnAxis(_ box: MathBox, style: MathStyle) -> MathBox {
    let shift = (box.height - box.depth) / 2 - constant(.axisHeight, style)
    return box.offset(x: 0, y: -shift)
  }

  /// The glyph at least `target` long (its ink height, or its advance when horizontal):
  /// the first variant that reaches it, else built from its assembly, else its largest.
  func stretched(
    _ glyph: MathGlyph, to target: Double, horizontal: Bool, scale k: Double, steps: SizeSteps = .all
  ) -> MathBox {
    func size(_ glyph: MathGlyph) -> Double {
      if horizontal { return font.advance(glyph) * k }
      let ink = font.ink(glyph)
      return (ink.top - ink.bottom) * k
    }
    var variants = font.variants(glyph, horizontal: horizontal)
    if steps == .plainTeX {
      let plain = variants.filter { variant in
        let ems = size(variant.glyph) / k / font.unitsPerEm
        return [1.0, 1.2, 1.8, 2.4, 3.0].contains { abs(ems - $0) <= 0.02 }
      }
      if plain.count > 1 { variants = plain }
    }
    if let fit = variants.first(where: { size($0.glyph) >= target }) {
      return glyphBox(fit.glyph, scale: k)
    }
    let parts = font.assembly(glyph, horizontal: horizontal)
    guard !parts.isEmpty else { return glyphBox(variants.last?.glyph ?? glyph, scale: k) }
    return assembled(parts, to: target / k, horizontal: horizontal).scaled(by: k)
  }

  /// Parts joined to exactly `target` where the connectors allow
  /// (`../shared/MATH-LAYOUT.md` §4.6), at scale 1.
  private func assembled(_ parts: [GlyphPart], to target: Double, horizontal: Bool) -> MathBox {
    let overlapMin = font.minConnectorOverlap
    let fixed = parts.filter { !$0.isExtender }
    let extenders = parts.filter(\.isExtender)
    let fixedSum = fixed.reduce(0) { $0 + $1.fullAdvance }
    let extenderSum = extenders.reduce(0) { $0 + $1.fullAdvance }
    var repeats = 0
    if target > fixedSum - overlapMin * Double(fixed.count - 1), extenderSum - overlapMin * Double(extenders.count) > 0
    {
      repeats = max(
        0,
        Int(
          ((target - fixedSum + overlapMin * Double(fixed.count - 1))
            / (extenderSum - overlapMin * Double(extenders.count))).rounded(.up)))
    }
    var sequence: [GlyphPart] = []
    for part in parts {
      if part.isExtender {
        sequence += Array(repeating: part, count: repeats)
      } else {
        sequence.append(part)
      }
    }
    let count = sequence.count
    var overlap = 0.0
    if count > 1 {
      let total = sequence.reduce(0) { $0 + $1.fullAdvance }
      overlap = max(overlapMin, (total - target) / Double(count - 1))
      let cap = zip(sequence, sequence.dropFirst()).map { min($0.endConnector, $1.startConnector) }.min() ?? overlap
      overlap = min(overlap, max(cap, overlapMin))
    }
    // Measured part by part, drawn as one shape.
    var box = MathBox()
    var position = 0.0
    var offsets: [Double] = []
    for part in sequence {
      let piece = glyphBox(part.glyph, scale: 1)
      if horizontal {
        box.place(piece, x: position, y: 0)
      } else {
        box.place(piece, x: 0, y: position)
      }
      offsets.append(position)
      position += part.fullAdvance - overlap
    }
    if horizontal { box.width = position + overlap }
    box.shapes = [
      MathShape(
        kind: .assembly(sequence.map(\.glyph), offsets: offsets, horizontal: horizontal, scale: 1), x: 0, y: 0)
    ]
    return box
  }

  // MARK: - Accents, bars, braces

  private func accent(_ accent: Unicode.Scalar, body list: MathList, wide: Bool, style: MathStyle, atom: MathAtom)
    throws -> MathBox
  {
    let k = scale(style)
    let body = try layoutList(list, style: style.crampedStyle)
    var glyph = try self.glyph(accent, style: style, atom: atom)
    if wide {
      let fitting = font.variants(glyph, horizontal: true).filter { font.advance($0.glyph) * k <= body.width }
      glyph = fitting.last?.glyph ?? glyph
    }
    let raise = max(0, body.height - constant(.accentBaseHeight, style))
    let attachment = font.topAccentAttachment(glyph) * k
    var x = body.width / 2 - attachment
    if let base = singleGlyph(list, style: style.crampedStyle) {
      x = font.topAccentAttachment(base) * k - attachment
    }
    var box = body
    box.place(glyphBox(glyph, scale: k, x: 0, y: 0), x: x, y: raise)
    box.width = body.width
    return box
  }

  /// `\overrightarrow`: an arrow as long as the body, its ink a small gap above it.
  private func overArrow(_ arrow: Unicode.Scalar, body list: MathList, style: MathStyle, atom: MathAtom) throws
    -> MathBox
  {
    let k = scale(style)
    let body = try layoutList(list, style: style.crampedStyle)
    let glyph = try self.glyph(arrow, style: .text, atom: atom)
    let stretchedArrow = stretched(glyph, to: body.width, horizontal: true, scale: k)
    var box = body
    box.place(
      stretchedArrow, x: (body.width - stretchedArrow.width) / 2,
      y: body.height + constant(.overbarVerticalGap, style) + stretchedArrow.depth)
    box.width = max(body.width, stretchedArrow.width)
    return box
  }

  /// The glyph of a list that is one symbol without scripts, which accents attach to.
  private func singleGlyph(_ list: MathList, style: MathStyle) -> MathGlyph? {
    guard list.count == 1, case .atom(let atom) = list[0], atom.sup == nil, atom.sub == nil,
      case .symbol(let scalar) = atom.nucleus
    else { return nil }
    return font.glyph(for: scalar, scriptLevel: style.scriptLevel)
  }

  private func overline(_ list: MathList, style: MathStyle) throws -> MathBox {
    var body = try layoutList(list, style: style.crampedStyle)
    let gap = constant(.overbarVerticalGap, style)
    let thickness = constant(.overbarRuleThickness, style)
    let top = body.height + gap
    body.place(
      ruleBox(width: body.width, thickness: thickness), x: 0, y: top)
    body.height = top + thickness + constant(.overbarExtraAscender, style)
    return body
  }

  private func underline(_ list: MathList, style: MathStyle) throws -> MathBox {
    var body = try layoutList(list, style: style)
    let gap = constant(.underbarVerticalGap, style)
    let thickness = constant(.underbarRuleThickness, style)
    let bottom = -(body.depth + gap + thickness)
    body.place(
      ruleBox(width: body.width, thickness: thickness), x: 0, y: bottom)
    body.depth = -bottom + constant(.underbarExtraDescender, style)
    return body
  }

  private func brace(_ list: MathList, over: Bool, style: MathStyle, atom: MathAtom) throws -> MathBox {
    let k = scale(style)
    var body = try layoutList(list, style: over ? style.crampedStyle : style)
    let glyph = try self.glyph(over ? "\u{23DE}" : "\u{23DF}", style: .text, atom: atom)
    // At least about an em wide, as LaTeX's brace fill, so a brace over one letter reads.
    let brace = stretched(glyph, to: max(body.width, 1000 * em * k), horizontal: true, scale: k)
    if brace.width > body.width {
      body = body.offset(x: (brace.width - body.width) / 2, y: 0)
      body.width = brace.width
    }
    let x = (body.width - brace.width) / 2
    // As LaTeX's \overbrace: 3 pt between the body and the brace's ink.
    let kern = 300 * em * k
    let ink = inkExtent(of: brace)
    if over {
      let y = body.height + kern - ink.bottom
      body.place(brace, x: x, y: y)
      body.height = y + ink.top
    } else {
      let y = -body.depth - kern - ink.top
      body.place(brace, x: x, y: y)
      body.depth = -(y + ink.bottom)
    }
    return body
  }

  /// The lowest and highest ink of a box's glyphs, relative to its baseline.
  private func inkExtent(of box: MathBox) -> (bottom: Double, top: Double) {
    var bottom = Double.infinity
    var top = -Double.infinity
    for shape in box.shapes {
      switch shape.kind {
      case .glyph(let glyph, let scale):
        let ink = font.ink(glyph)
        bottom = min(bottom, shape.y + ink.bottom * scale)
        top = max(top, shape.y + ink.top * scale)
      case .assembly(let glyphs, let offsets, let horizontal, let scale):
        for (glyph, offset) in zip(glyphs, offsets) {
          let ink = font.ink(glyph)
          let y = shape.y + (horizontal ? 0 : offset)
          bottom = min(bottom, y + ink.bottom * scale)
          top = max(top, y + ink.top * scale)
        }
      case .rule(_, let height):
        bottom = min(bottom, shape.y)
        top = max(top, shape.y + height)
      }
    }
    return bottom <= top ? (bottom, top) : (0, 0)
  }

  // MARK: - Arrays

  private func array(_ array: MathArray, style: MathStyle, atom: MathAtom) throws -> MathBox {
    let k = scale(style)
    let cellStyle = array.displayCells ? MathStyle.display : MathStyle(style.size <= .text ? .text : style.size)
    let aligned = array.displayCells && array.alignments.count == 2
    var cells: [[MathBox]] = []
    for row in array.rows {
      cells.append(
        try row.enumerated().map { column, cell in
          // In aligned, a column that starts with `=` spaces it as if something came first.
          let list = aligned && column % 2 == 1 ? [.atom(MathAtom(.ord, .list([])))] + cell : cell
          return try layoutList(list, style: cellStyle)
        })
    }
    let columns = cells.map(\.count).max() ?? 0
    var widths = [Double](repeating: 0, count: columns)
    for row in cells {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.width) }
    }
    // Rows are at least a strut tall (0.7 and 0.3 of LaTeX's 12 pt baselineskip); aligned
    // adds amsmath's \jot between rows.
    let strutHeight = 840 * em * k * array.rowStretch
    let strutDepth = 360 * em * k * array.rowStretch
    let jot = array.displayCells ? 300 * em * k : 0
    var box = MathBox()
    var y = 0.0
    for (rowIndex, row) in cells.enumerated() {
      let height = max(strutHeight, row.map(\.height).max() ?? 0)
      let extra = (rowIndex < array.rowSpacing.count ? array.rowSpacing[rowIndex] * em : 0)
      let depth = max(strutDepth, row.map(\.depth).max() ?? 0) + (rowIndex < cells.count - 1 ? jot + extra : 0)
      y -= height
      var x = 0.0
      for column in 0..<columns {
        // aligned alternates right and left; a matrix centres every column.
        let alignment = array.alignments[column % array.alignments.count]
        if column < row.count {
          let cell = row[column]
          let free = widths[column] - cell.width
          let offset = alignment == .left ? 0 : alignment == .right ? free : free / 2
          box.place(cell, x: x + offset, y: y)
        }
        x += widths[column]
        if column < columns - 1 {
          if aligned {
            x += column % 2 == 1 ? 2000 * em * k : 0
          } else {
            x += array.columnGap * 2 * em * k
          }
        }
      }
      box.width = max(box.width, x)
      y -= depth
    }
    // Centred on the axis: the rows' total height split evenly about it.
    let total = -y
    let axis = constant(.axisHeight, style)
    var centred = MathBox(width: box.width)
    centred.place(box, x: 0, y: total / 2 + axis)
    centred.height = total / 2 + axis
    centred.depth = total / 2 - axis
    guard array.left != nil || array.right != nil else { return centred }
    return try delimited(left: array.left, inner: centred, right: array.right, style: style, atom: atom)
  }
}

extension MathBox {
  /// The box drawn `k` times larger (glyphs and rules alike).
  func scaled(by k: Double) -> MathBox {
    guard k != 1 else { return self }
    return MathBox(
      width: width * k, height: height * k, depth: depth * k,
      shapes: shapes.map { shape in
        var copy = shape
        copy.x *= k
        copy.y *= k
        switch shape.kind {
        case .glyph(let glyph, let scale): copy.kind = .glyph(glyph, scale: scale * k)
        case .assembly(let glyphs, let offsets, let horizontal, let scale):
          copy.kind = .assembly(glyphs, offsets: offsets.map { $0 * k }, horizontal: horizontal, scale: scale * k)
        case .rule(let width, let height): copy.kind = .rule(width: width * k, height: height * k)
        }
        return copy
      })
  }
}

/// A formula that parsed but cannot be drawn with the math font.
public enum MathLayoutError: Error, CustomStringConvertible, Equatable {
  case missingGlyph(Unicode.Scalar, offset: Int)

  public var description: String {
    switch self {
    case .missingGlyph(let scalar, _):
      return "the math font has no '\(scalar)' (U+\(String(scalar.value, radix: 16, uppercase: true)))"
    }
  }
}
