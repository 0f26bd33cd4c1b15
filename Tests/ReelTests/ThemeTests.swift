import Canvas
import Testing

@testable import Reel

@Suite struct ThemeTests {
  /// WCAG contrast ratio of two opaque colours.
  func contrast(_ a: Color, _ b: Color) -> Double {
    let (l1, l2) = (a.relativeLuminance, b.relativeLuminance)
    return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
  }

  @Test(arguments: Theme.all)
  func textReadsOnTheBackground(_ theme: Theme) {
    #expect(contrast(theme.ink, theme.background) >= 7, "ink: AAA body text")
    #expect(contrast(theme.muted, theme.background) >= 4.5, "muted: AA body text")
    #expect(contrast(theme.accent, theme.background) >= 3, "accent: large text and marks")
    #expect(contrast(theme.primary, theme.background) >= 3)
    #expect(contrast(theme.secondary, theme.background) >= 3)
    #expect(contrast(theme.ink, theme.surface) >= 7)
    for accent in theme.alternativeAccents { #expect(contrast(accent, theme.background) >= 3) }
  }

  @Test(arguments: Theme.all)
  func accentIsNeverAColourOfTheData(_ theme: Theme) {
    for map in Colormap.all {
      let accent = theme.accent(against: map)
      #expect(map.distance(to: accent) >= 25, "\(theme.name) on \(map.name): ΔE \(map.distance(to: accent))")
    }
  }

  @Test func themesAreFoundByName() {
    #expect(Theme.named("DARK") == .dark)
    #expect(Theme.named("light") == .light)
    #expect(Theme.named("sepia") == nil)
    #expect(SceneRecorder(frameSize: Size(10, 10), theme: .dark).background == Theme.dark.background)
  }
}
