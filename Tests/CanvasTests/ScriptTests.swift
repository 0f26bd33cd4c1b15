import Testing

@testable import Canvas

/// Every script the installed fonts cover is drawn (no boxes), Chinese is set as Chinese,
/// and a left-to-right sentence holding a right-to-left word keeps its order.
@Suite struct ScriptTests {
  let measurer = TextMeasurer()
  let font = Font(size: 28)

  @Test(arguments: ["猫坐在垫子上", "猫が座った", "고양이", "قطة جلست على السجادة", "बिल्ली", "🐱🐶🍕👍🏽🇫🇷❤️", "naïve Ġthe ▁cat ##ing"])
  func everyScriptFindsAFont(_ text: String) {
    #expect(measurer.measure(text, font: font).unknownGlyphs == 0, "\(text)")
  }

  @Test func eastAsianTextGetsItsLanguage() {
    #expect(TextLayout.language(of: "我的猫喜欢睡觉") == "zh-cn")
    #expect(TextLayout.language(of: "猫が座った") == "ja")
    #expect(TextLayout.language(of: "고양이") == "ko")
    #expect(TextLayout.language(of: "cat") == nil)
  }

  @Test func arabicWordInAnEnglishSentenceKeepsTheSentenceOrder() throws {
    let sentence = "“" + Bidi.isolate("السجادة") + "” attends, then “" + Bidi.isolate("جلست") + "” 0.16"
    let glyphs = measurer.glyphRun(sentence, font: font).glyphs
    let first = try #require(glyphs.min { $0.origin.x < $1.origin.x })
    #expect(first.text.contains("“"), "the sentence starts at the left with its opening quote")
    let attends = try #require(glyphs.first { $0.text == "a" })
    let quotes = glyphs.filter { $0.text.contains("”") }.map(\.origin.x)
    #expect(quotes.count == 2 && attends.origin.x > quotes[0], "English follows the first token")
    let zero = try #require(glyphs.first { $0.text == "0" })
    #expect(zero.origin.x > quotes[1], "the number stays after the closing quote")
  }
}
