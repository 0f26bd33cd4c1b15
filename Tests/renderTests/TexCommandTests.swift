import Canvas
import Foundation
import Testing

/// `render tex`: one formula to a tight transparent PNG, an SVG or a PDF; bad input is a
/// usage error that points at the problem and leaves no file.
@Suite struct TexCommandTests {
  static let attention =
    "\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V"

  @Test func aPNGIsTightAndTransparent() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("attention.png").path
    let result = try RenderCommand.run(["tex", Self.attention, "-o", output, "--size", "20", "--dpi", "300"])
    #expect(result.status == 0, "\(result.stderr)")
    let image = try PNG.read(output)
    // 20 pt at 300 dpi is 83.3 px per em: the formula is about 19 em wide and 2.5 em tall.
    #expect((1450...1650).contains(image.width) && (190...260).contains(image.height), "\(image.width)x\(image.height)")
    func alpha(_ x: Int, _ y: Int) -> UInt8 { image.rgba[(y * image.width + x) * 4 + 3] }
    #expect(alpha(0, 0) == 0 && alpha(image.width - 1, image.height - 1) == 0)
    // Ink reaches within the padding (1/16 em) of every edge.
    let pad = 6
    let inked = (0..<image.height).flatMap { y in (0..<image.width).map { x in (x, y) } }.filter {
      alpha($0.0, $0.1) > 128
    }
    #expect(inked.map(\.0).min()! <= pad && inked.map(\.0).max()! >= image.width - 1 - pad)
    #expect(inked.map(\.1).min()! <= pad && inked.map(\.1).max()! >= image.height - 1 - pad)
    // The light theme's ink is dark.
    let (x, y) = inked[inked.count / 2]
    #expect(image.rgba[(y * image.width + x) * 4] < 90)
  }

  @Test func vectorOutputsAreSVGAndPDF() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for ext in ["svg", "pdf"] {
      let output = folder.appendingPathComponent("f.\(ext)").path
      let result = try RenderCommand.run(["tex", "e^{i\\pi}+1=0", "-o", output, "--color", "#1E63D6"])
      #expect(result.status == 0, "\(result.stderr)")
      let head = try String(decoding: Data(contentsOf: URL(fileURLWithPath: output)).prefix(400), as: UTF8.self)
      #expect(ext == "svg" ? head.contains("<svg") : head.hasPrefix("%PDF-"), "\(head)")
    }
    let svg = try String(contentsOfFile: folder.appendingPathComponent("f.svg").path, encoding: .utf8)
    #expect(svg.contains("rgb(11.764706%,38.823529%,83.921569%)") || svg.lowercased().contains("#1e63d6"))
  }

  @Test(arguments: [
    (["tex", "\\fracc{a}{b}"], "unknown command \\fracc"),
    (["tex", "x", "-o", "f.jpg"], "-o must end in .png, .svg or .pdf"),
    (["tex", "x", "--color", "rosy"], "is not a colour"),
    (["tex"], "give a formula"),
  ])
  func badInputIsAUsageError(_ arguments: [String], _ message: String) throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = arguments.contains("-o") ? [] : ["-o", folder.appendingPathComponent("f.png").path]
    let result = try RenderCommand.run(arguments + output)
    #expect(result.status == 2 && result.stderr.contains(message), "\(result.stderr)")
    #expect(RenderCommand.files(in: folder).isEmpty)
  }

  @Test func theCaretSitsUnderTheProblem() throws {
    let result = try RenderCommand.run(["tex", "x + \\fracc{a}{b}", "-o", "/tmp/never.png"])
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count >= 3 && lines[1] == "  x + \\fracc{a}{b}" && lines[2] == "      ^^^^^^", "\(lines)")
  }

  @Test func listCommandsNamesWhatIsSupported() throws {
    let result = try RenderCommand.run(["tex", "--list-commands"])
    #expect(result.status == 0)
    for command in ["\\frac", "\\sqrt", "\\sum", "\\mathbb", "\\left", "pmatrix", "\\part", "\\color", "\\overbrace"] {
      #expect(result.stdout.contains(command), "\(command)")
    }
  }
}
