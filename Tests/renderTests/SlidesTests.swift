import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `--slides`: one slide per section, as PNG, PDF, SVG and an HTML deck, checked with the
/// tools people open them with (poppler, an XML parser, headless Chromium).
@Suite struct SlidesTests {
  static let small = ["--resolution", "640x360", "--quiet"]

  /// The sections `render SCENE --sections` prints: name and end time.
  static func sections(of scene: String) throws -> [(name: String, end: String)] {
    let result = try RenderCommand.run([scene, "--sections"])
    return result.stdout.split(separator: "\n").filter { $0.hasPrefix("section ") }.map { line in
      let words = line.split(separator: " ")
      return (String(words[1]), String(words[3]))
    }
  }

  @Test func pngAndPDFSlidesFollowTheSections() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(["softmax", "--slides", "--output", output.path] + Self.small)
    #expect(result.status == 0, "\(result.stderr)")
    let sections = try Self.sections(of: "softmax")
    #expect(sections.count == 6)
    let expected = sections.enumerated().map { String(format: "softmax/slides/%02d-%@.png", $0 + 1, $1.name) }
    #expect(RenderCommand.files(in: output) == (["softmax/softmax-slides.pdf"] + expected).sorted())

    let pdf = output.appendingPathComponent("softmax/softmax-slides.pdf").path
    let info = try ExternalTool.run("pdfinfo", [pdf])
    #expect(info.stdout.contains("Pages:           6"), "\(info.stdout)")
    #expect(info.stdout.contains("Page size:       480 x 270 pts"), "\(info.stdout)")
    for (index, section) in sections.enumerated() {
      let page = try ExternalTool.run("pdftotext", ["-f", "\(index + 1)", "-l", "\(index + 1)", pdf, "-"]).stdout
      #expect(page.contains("Softmax turns scores into probabilities"), "page \(index + 1): \(page)")
      // Each step's slide carries the step's own heading, as real (extractable) text.
      if section.name != "title" {
        #expect(
          page.contains(section.name.prefix(1).uppercased() + section.name.dropFirst()), "page \(index + 1): \(page)")
      }
    }
  }

  /// A slide is the still at its section's end, byte for byte.
  @Test func slideIsTheStillAtItsSectionsEnd() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    #expect(
      try RenderCommand.run(["attention-heatmap", "--slides", "png", "--output", output.path] + Self.small).status == 0)
    for (index, section) in try Self.sections(of: "attention-heatmap").enumerated() {
      #expect(
        try RenderCommand.run(["attention-heatmap", "--at", section.end, "--output", output.path] + Self.small).status
          == 0)
      let slide = try Data(
        contentsOf: output.appendingPathComponent(
          String(format: "attention-heatmap/slides/%02d-%@.png", index + 1, section.name)))
      var label = String(format: "%.3f", Double(section.end) ?? 0)
      while label.hasSuffix("0") { label.removeLast() }
      if label.hasSuffix(".") { label.removeLast() }
      let still = try Data(
        contentsOf: output.appendingPathComponent("attention-heatmap/attention-heatmap-at-\(label)s.png"))
      #expect(slide == still, "slide \(section.name) differs from the still at \(section.end) s")
    }
  }

  @Test func svgSlidesAreXMLWithTheTitlesGlyphs() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(["attention-heatmap", "--slides", "svg", "--output", output.path] + Self.small)
    #expect(result.status == 0, "\(result.stderr)")
    let files = RenderCommand.files(in: output)
    #expect(
      files
        == (1...4).map { index in
          String(
            format: "attention-heatmap/slides/%02d-%@.svg", index, ["title", "tokens", "weights", "focus"][index - 1])
        })
    for file in files {
      let data = try Data(contentsOf: output.appendingPathComponent(file))
      let parser = XMLParser(data: data)
      #expect(parser.parse(), "\(file): \(parser.parserError.map { "\($0)" } ?? "")")
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains("width=\"640px\" height=\"360px\""))
      // Text is drawn as glyph outlines: at least one placed glyph per letter of the title.
      let placed = text.components(separatedBy: "xlink:href=\"#glyph").count - 1
      #expect(placed >= "Self-attentionweights".count, "\(file): \(placed) glyphs")
    }
  }

  @Test func htmlDeckPlaysEverySectionInChromium() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(
      ["attention-heatmap", "--slides", "html", "-ql", "--resolution", "320x180", "--output", output.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    let page = output.appendingPathComponent("attention-heatmap/attention-heatmap-deck.html")
    // Opened at #1: the first slide as it ends. Then play the second, finish it at once,
    // back to the first, and jump to the last.
    let report = try HeadlessChromium.load(
      URL(string: page.absoluteString + "#1")!, keys: ["ArrowRight", "ArrowRight", "ArrowLeft", "End"])
    #expect(report.console.isEmpty, "\(report.console)")
    #expect(report.videos.count == 4)
    for video in report.videos {
      #expect((video["duration"] as? Double ?? 0) > 0, "\(video)")
      #expect(video["error"] as? Int == 0 && video["width"] as? Int == 320, "\(video)")
    }
    #expect(report.json["steps"] as? [Int] == [0, 1, 1, 0, 3], "\(report.json)")
    #expect(report.json["hash"] as? String == "#4")
  }

  @Test func deckClipsEndOnTheirSlides() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(
      ["softmax", "--slides", "html", "-ql", "--resolution", "320x180", "--output", output.path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
    // 19.3 s, the end of 'probabilities', falls between two frames at 15 fps: the clip gets one more.
    let probe = try VideoProbe(output.appendingPathComponent("softmax/deck/05-probabilities.mp4").path)
    #expect(probe["nb_read_frames"] == "\(Int((19.3 * 15).rounded(.down)) - Int(14.4 * 15) + 2)")
  }

  @Test func slideOptionsThatCannotWorkAreRefused() throws {
    let cases: [([String], String)] = [
      (["--slides", "pptx"], "'pptx' is not a kind of slides"),
      (["--slides", "--at", "2"], "--slides renders one picture per section"),
      (["--slides", "html", "--transparent"], "leave out --transparent"),
      (["--slides", "html", "--resolution", "641x360"], "even width and height"),
    ]
    for (arguments, message) in cases {
      let result = try RenderCommand.run(["attention-heatmap"] + arguments)
      #expect(result.status == 2 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1)
    }
  }
}
