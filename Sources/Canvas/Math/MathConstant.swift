import CCairo

/// The layout constants of an OpenType MATH table that Reel's formula layout uses: gaps,
/// shifts and rule thicknesses, in font units (the three percentages are percentages).
public enum MathConstant: CaseIterable, Sendable {
  case scriptPercentScaleDown, scriptScriptPercentScaleDown
  case axisHeight, accentBaseHeight
  case subscriptShiftDown, subscriptTopMax, subscriptBaselineDropMin
  case superscriptShiftUp, superscriptShiftUpCramped, superscriptBottomMin, superscriptBaselineDropMax
  case subSuperscriptGapMin, superscriptBottomMaxWithSubscript, spaceAfterScript
  case upperLimitGapMin, upperLimitBaselineRiseMin, lowerLimitGapMin, lowerLimitBaselineDropMin
  case stackTopShiftUp, stackTopDisplayStyleShiftUp, stackBottomShiftDown, stackBottomDisplayStyleShiftDown
  case stackGapMin, stackDisplayStyleGapMin
  case fractionNumeratorShiftUp, fractionNumeratorDisplayStyleShiftUp
  case fractionDenominatorShiftDown, fractionDenominatorDisplayStyleShiftDown
  case fractionNumeratorGapMin, fractionNumDisplayStyleGapMin
  case fractionRuleThickness, fractionDenominatorGapMin, fractionDenomDisplayStyleGapMin
  case overbarVerticalGap, overbarRuleThickness, overbarExtraAscender
  case underbarVerticalGap, underbarRuleThickness, underbarExtraDescender
  case radicalVerticalGap, radicalDisplayStyleVerticalGap, radicalRuleThickness, radicalExtraAscender
  case radicalKernBeforeDegree, radicalKernAfterDegree, radicalDegreeBottomRaisePercent
  case delimitedSubFormulaMinHeight, displayOperatorMinHeight

  var harfBuzz: hb_ot_math_constant_t {
    switch self {
    case .scriptPercentScaleDown: return HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN
    case .scriptScriptPercentScaleDown: return HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN
    case .axisHeight: return HB_OT_MATH_CONSTANT_AXIS_HEIGHT
    case .accentBaseHeight: return HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT
    case .subscriptShiftDown: return HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN
    case .subscriptTopMax: return HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX
    case .subscriptBaselineDropMin: return HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN
    case .superscriptShiftUp: return HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP
    case .superscriptShiftUpCramped: return HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED
    case .superscriptBottomMin: return HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN
    case .superscriptBaselineDropMax: return HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX
    case .subSuperscriptGapMin: return HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN
    case .superscriptBottomMaxWithSubscript: return HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT
    case .spaceAfterScript: return HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT
    case .upperLimitGapMin: return HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN
    case .upperLimitBaselineRiseMin: return HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN
    case .lowerLimitGapMin: return HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN
    case .lowerLimitBaselineDropMin: return HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN
    case .stackTopShiftUp: return HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP
    case .stackTopDisplayStyleShiftUp: return HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP
    case .stackBottomShiftDown: return HB_OT_MATH_CONSTANT_STACK_BOTTOM_SHIFT_DOWN
    case .stackBottomDisplayStyleShiftDown: return HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN
    case .stackGapMin: return HB_OT_MATH_CONSTANT_STACK_GAP_MIN
    case .stackDisplayStyleGapMin: return HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN
    case .fractionNumeratorShiftUp: return HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP
    case .fractionNumeratorDisplayStyleShiftUp: return HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP
    case .fractionDenominatorShiftDown: return HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN
    case .fractionDenominatorDisplayStyleShiftDown:
      return HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN
    case .fractionNumeratorGapMin: return HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN
    case .fractionNumDisplayStyleGapMin: return HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN
    case .fractionRuleThickness: return HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS
    case .fractionDenominatorGapMin: return HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN
    case .fractionDenomDisplayStyleGapMin: return HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN
    case .overbarVerticalGap: return HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP
    case .overbarRuleThickness: return HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS
    case .overbarExtraAscender: return HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER
    case .underbarVerticalGap: return HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP
    case .underbarRuleThickness: return HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS
    case .underbarExtraDescender: return HB_OT_MATH_CONSTANT_UNDERBAR_EXTRA_DESCENDER
    case .radicalVerticalGap: return HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP
    case .radicalDisplayStyleVerticalGap: return HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP
    case .radicalRuleThickness: return HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS
    case .radicalExtraAscender: return HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER
    case .radicalKernBeforeDegree: return HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE
    case .radicalKernAfterDegree: return HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE
    case .radicalDegreeBottomRaisePercent: return HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT
    case .delimitedSubFormulaMinHeight: return HB_OT_MATH_CONSTANT_DELIMITED_SUB_FORMULA_MIN_HEIGHT
    case .displayOperatorMinHeight: return HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT
    }
  }
}
