import CCairo
import Foundation

/// A glyph of the math font, by its index in the font.
public struct MathGlyph: Hashable, Sendable {
  public let id: UInt32
  public init(_ id: UInt32) { self.id = id }
}

/// Where a glyph's ink lies around its origin, in font units, y up.
public struct GlyphInk: Hashable, Sendable {
  public var left, right, top, bottom: Double
}

/// A ready-made bigger form of a glyph that stretches (a taller parenthesis, a wider hat).
public struct GlyphVariant: Hashable, Sendable {
  public let glyph: MathGlyph
  /// Its size along the stretch direction, as the font measures it.
  public let advance: Double
}

/// One piece of a glyph built from parts (a brace from its ends, middle and extenders).
public struct GlyphPart: Hashable, Sendable {
  public let glyph: MathGlyph
  public let startConnector, endConnector, fullAdvance: Double
  /// An extender may be repeated any number of times, or left out.
  public let isExtender: Bool
}

/// An OpenType math font (Latin Modern Math by default) read through HarfBuzz: the MATH
/// table's constants, glyph metrics, italic corrections, accent attachments, bigger variants
/// and assemblies of stretchy glyphs, and glyph outlines as `Path`s. Everything is in font
/// units (1000 per em for Latin Modern Math) so layout is independent of the size drawn.
///
/// Loaded once and shared: the HarfBuzz font is immutable after loading and the caches are
/// behind a lock, so any thread may use it.
public final class MathFont: @unchecked Sendable {
  /// The file the font was loaded from.
  public let file: String
  public let unitsPerEm: Double
  private let font: OpaquePointer
  private let face: OpaquePointer
  private let drawFunctions: OpaquePointer
  private let lock = NSLock()
  private var outlines: [MathGlyph: Path] = [:]
  private var scriptForms: [ScriptKey: MathGlyph] = [:]

  private struct ScriptKey: Hashable {
    let scalar: UInt32
    let level: Int
  }

  /// The family found through fontconfig, as Debian's `fonts-lmodern` installs it.
  public static let latinModernMath = "Latin Modern Math"

  /// Finds `family` through fontconfig and loads it; fails with how to install it when it
  /// is missing (fontconfig would otherwise offer any other font) or has no MATH table.
  public convenience init(family: String = MathFont.latinModernMath) throws {
    try self.init(file: try Self.find(family: family), family: family)
  }

  /// Loads the font file at `file`.
  public init(file: String, family: String = MathFont.latinModernMath) throws {
    let drawFunctions = try Self.makeDrawFunctions()
    guard let blob = hb_blob_create_from_file_or_fail(file) else {
      hb_draw_funcs_destroy(drawFunctions)
      throw CanvasError.mathFont("cannot read the math font \(file)")
    }
    let face = hb_face_create(blob, 0)
    hb_blob_destroy(blob)
    guard let face, hb_ot_math_has_data(face) != 0 else {
      hb_face_destroy(face)
      hb_draw_funcs_destroy(drawFunctions)
      throw CanvasError.mathFont("\(file) has no OpenType MATH table; install fonts-lmodern for \(family)")
    }
    guard let font = hb_font_create(face) else {
      hb_face_destroy(face)
      hb_draw_funcs_destroy(drawFunctions)
      throw CanvasError.mathFont("cannot load the math font \(file)")
    }
    hb_font_make_immutable(font)
    self.file = file
    self.face = face
    self.font = font
    self.drawFunctions = drawFunctions
    unitsPerEm = Double(hb_face_get_upem(face))
  }

  deinit {
    hb_draw_funcs_destroy(drawFunctions)
    hb_font_destroy(font)
    hb_face_destroy(face)
  }

  static func find(family: String) throws -> String {
    let missing = CanvasError.mathFont(
      "the math font '\(family)' is not installed; install it with: sudo apt-get install fonts-lmodern")
    guard let pattern = FcNameParse(family) else { throw missing }
    defer { FcPatternDestroy(pattern) }
    FcConfigSubstitute(nil, pattern, FcMatchPattern)
    FcDefaultSubstitute(pattern)
    var result = FcResultMatch
    guard let match = FcFontMatch(nil, pattern, &result) else { throw missing }
    defer { FcPatternDestroy(match) }
    var found: UnsafeMutablePointer<FcChar8>?
    var file: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(match, "family", 0, &found) == FcResultMatch, let found,
      String(cString: found) == family,
      FcPatternGetString(match, "file", 0, &file) == FcResultMatch, let file
    else { throw missing }
    return String(cString: file)
  }

  /// A MATH table constant: font units, or a percentage for the three `…Percent…` ones.
  public func constant(_ constant: MathConstant) -> Double {
    Double(hb_ot_math_get_constant(font, constant.harfBuzz))
  }

  /// How much two parts of an assembly overlap at least.
  public var minConnectorOverlap: Double {
    Double(hb_ot_math_get_min_connector_overlap(font, HB_DIRECTION_TTB))
  }

  /// The font's glyph for `scalar`, if it has one.
  public func glyph(for scalar: Unicode.Scalar) -> MathGlyph? {
    var id: hb_codepoint_t = 0
    return hb_font_get_nominal_glyph(font, scalar.value, &id) != 0 ? MathGlyph(id) : nil
  }

  /// The glyph for `scalar` as drawn in a script (`level` 1) or a script of a script (2):
  /// the font's `ssty` forms are a little bolder and wider so they read well when small.
  public func glyph(for scalar: Unicode.Scalar, scriptLevel level: Int) -> MathGlyph? {
    guard level > 0 else { return glyph(for: scalar) }
    let key = ScriptKey(scalar: scalar.value, level: min(level, 2))
    if let cached = lock.withLock({ scriptForms[key] }) { return cached }
    guard let shaped = shape(scalar, feature: "ssty", value: UInt32(key.level)) else { return nil }
    lock.withLock { scriptForms[key] = shaped }
    return shaped
  }

  private func shape(_ scalar: Unicode.Scalar, feature: String, value: UInt32) -> MathGlyph? {
    guard let buffer = hb_buffer_create() else { return nil }
    defer { hb_buffer_destroy(buffer) }
    var codepoint = scalar.value
    hb_buffer_add_codepoints(buffer, &codepoint, 1, 0, 1)
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
    hb_buffer_set_script(buffer, HB_SCRIPT_MATH)
    var features = [hb_feature_t(tag: hb_tag_from_string(feature, -1), value: value, start: 0, end: UInt32.max)]
    hb_shape(font, buffer, &features, 1)
    var count: UInt32 = 0
    guard let infos = hb_buffer_get_glyph_infos(buffer, &count), count == 1, infos[0].codepoint != 0 else {
      return nil
    }
    return MathGlyph(infos[0].codepoint)
  }

  public func advance(_ glyph: MathGlyph) -> Double {
    Double(hb_font_get_glyph_h_advance(font, glyph.id))
  }

  public func ink(_ glyph: MathGlyph) -> GlyphInk {
    var extents = hb_glyph_extents_t()
    guard hb_font_get_glyph_extents(font, glyph.id, &extents) != 0 else {
      return GlyphInk(left: 0, right: 0, top: 0, bottom: 0)
    }
    return GlyphInk(
      left: Double(extents.x_bearing), right: Double(extents.x_bearing + extents.width),
      top: Double(extents.y_bearing), bottom: Double(extents.y_bearing + extents.height))
  }

  /// How far a slanted glyph leans past its advance; added before a superscript.
  public func italicCorrection(_ glyph: MathGlyph) -> Double {
    Double(hb_ot_math_get_glyph_italics_correction(font, glyph.id))
  }

  /// Where an accent centres over this glyph (half the advance when the font says nothing).
  public func topAccentAttachment(_ glyph: MathGlyph) -> Double {
    Double(hb_ot_math_get_glyph_top_accent_attachment(font, glyph.id))
  }

  /// Whether the glyph is a big operator or other shape that its ink, not its
  /// nominal box, must place (∑, ∫).
  public func isExtendedShape(_ glyph: MathGlyph) -> Bool {
    hb_ot_math_is_glyph_extended_shape(face, glyph.id) != 0
  }

  /// The glyph's ready-made sizes, smallest (the glyph itself) first.
  public func variants(_ glyph: MathGlyph, horizontal: Bool) -> [GlyphVariant] {
    let direction = horizontal ? HB_DIRECTION_LTR : HB_DIRECTION_BTT
    var count: UInt32 = 64
    var variants = [hb_ot_math_glyph_variant_t](repeating: .init(), count: 64)
    _ = hb_ot_math_get_glyph_variants(font, glyph.id, direction, 0, &count, &variants)
    return variants.prefix(Int(count)).map { GlyphVariant(glyph: MathGlyph($0.glyph), advance: Double($0.advance)) }
  }

  /// The parts a glyph of any size is built from, bottom to top or left to right; empty
  /// when the glyph has no assembly.
  public func assembly(_ glyph: MathGlyph, horizontal: Bool) -> [GlyphPart] {
    let direction = horizontal ? HB_DIRECTION_LTR : HB_DIRECTION_BTT
    var count: UInt32 = 32
    var parts = [hb_ot_math_glyph_part_t](repeating: .init(), count: 32)
    var italic: hb_position_t = 0
    _ = hb_ot_math_get_glyph_assembly(font, glyph.id, direction, 0, &count, &parts, &italic)
    return parts.prefix(Int(count)).map {
      GlyphPart(
        glyph: MathGlyph($0.glyph), startConnector: Double($0.start_connector_length),
        endConnector: Double($0.end_connector_length), fullAdvance: Double($0.full_advance),
        isExtender: $0.flags.rawValue & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER.rawValue != 0)
    }
  }

  /// The glyph's outline in font units with y pointing down (the canvas's way), its origin
  /// on the baseline at the glyph's left edge.
  public func outline(_ glyph: MathGlyph) -> Path {
    if let cached = lock.withLock({ outlines[glyph] }) { return cached }
    let collector = OutlineCollector()
    let funcs = drawFunctions
    withExtendedLifetime(collector) {
      hb_font_get_glyph_shape(font, glyph.id, funcs, Unmanaged.passUnretained(collector).toOpaque())
    }
    lock.withLock { outlines[glyph] = collector.path }
    return collector.path
  }

  /// Callbacks that append HarfBuzz's outline to an `OutlineCollector`, flipping y.
  private static func makeDrawFunctions() throws -> OpaquePointer {
    guard let funcs = hb_draw_funcs_create() else { throw CanvasError.mathFont("out of memory") }
    hb_draw_funcs_set_move_to_func(
      funcs, { _, data, _, x, y, _ in OutlineCollector.from(data)?.path.move(to: Point(Double(x), -Double(y))) }, nil,
      nil)
    hb_draw_funcs_set_line_to_func(
      funcs, { _, data, _, x, y, _ in OutlineCollector.from(data)?.path.line(to: Point(Double(x), -Double(y))) }, nil,
      nil)
    hb_draw_funcs_set_quadratic_to_func(
      funcs,
      { _, data, state, cx, cy, x, y, _ in
        // The quadratic as a cubic: control points two thirds of the way to the control.
        guard let state else { return }
        let start = Point(Double(state.pointee.current_x), -Double(state.pointee.current_y))
        let control = Point(Double(cx), -Double(cy))
        let end = Point(Double(x), -Double(y))
        OutlineCollector.from(data)?.path.curve(
          Point(start.x + 2 / 3 * (control.x - start.x), start.y + 2 / 3 * (control.y - start.y)),
          Point(end.x + 2 / 3 * (control.x - end.x), end.y + 2 / 3 * (control.y - end.y)), to: end)
      }, nil, nil)
    hb_draw_funcs_set_cubic_to_func(
      funcs,
      { _, data, _, c1x, c1y, c2x, c2y, x, y, _ in
        OutlineCollector.from(data)?.path.curve(
          Point(Double(c1x), -Double(c1y)), Point(Double(c2x), -Double(c2y)), to: Point(Double(x), -Double(y)))
      }, nil, nil)
    hb_draw_funcs_set_close_path_func(funcs, { _, data, _, _ in OutlineCollector.from(data)?.path.close() }, nil, nil)
    hb_draw_funcs_make_immutable(funcs)
    return funcs
  }
}

/// The path HarfBuzz's draw callbacks build up.
private final class OutlineCollector {
  var path = Path()
  static func from(_ data: UnsafeMutableRawPointer?) -> OutlineCollector? {
    data.map { Unmanaged<OutlineCollector>.fromOpaque($0).takeUnretainedValue() }
  }
}
