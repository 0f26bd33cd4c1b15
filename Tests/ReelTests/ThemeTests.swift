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

  /// Queries, keys and values read as text and never look alike, nor like the accent that
  /// marks what to look at.
  @Test(arguments: Theme.all)
  func queryKeyAndValueColoursStandApart(_ theme: Theme) {
    let colours = [theme.query, theme.key, theme.value, theme.accent]
    for colour in colours.prefix(3) { #expect(contrast(colour, theme.background) >= 4.5) }
    for (index, colour) in colours.enumerated() {
      for other in colours[(index + 1)...] {
        #expect(colour.difference(from: other) >= 30, "\(theme.name): ΔE \(colour.difference(from: other))")
      }
    }
  }

  @Test func themesAreFoundByName() {
    #expect(Theme.named("DARK") == .dark)
    #expect(Theme.named("light") == .light)
    #expect(Theme.named("sepia") == nil)
    #expect(SceneRecorder(frameSize: Size(10, 10), theme: .dark).background == Theme.dark.background)
  }
}
