/// Mixing scripts that run in different directions in one line of text.
public enum Bidi {
  /// `text` wrapped in a first-strong isolate (U+2068 … U+2069): inserted into a sentence,
  /// a right-to-left word keeps its own order without reordering the sentence around it,
  /// and a number after it stays after it. The marks draw nothing.
  public static func isolate(_ text: String) -> String {
    "\u{2068}" + text + "\u{2069}"
  }
}
