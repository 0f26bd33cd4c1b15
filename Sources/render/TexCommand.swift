import ArgumentParser
import Canvas
import Export
import Foundation
import MathType
import Reel

/// `render tex`: one formula to a tight, transparent PNG, SVG or PDF, typeset by Reel
/// itself with Latin Modern Math — no LaTeX installation.
struct TexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tex",
    abstract: "Typeset one LaTeX formula into a tight, transparent PNG, SVG or PDF (no LaTeX needed).",
    discussion: """
      Examples:
        render tex '\\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}'
        render tex 'PE_{(pos,2i)} = \\sin\\left(\\frac{pos}{10000^{2i/d}}\\right)' -o pe.svg
        render tex --list-commands
      """)

  @Argument(help: "The formula in LaTeX math, without $ (quote it for the shell).")
  var latex: String?

  @Option(name: [.short, .customLong("output")], help: "The file to write: .png, .svg or .pdf.")
  var output = "Output/formula.png"

  @Option(help: "The font size in points.")
  var size: Double = 20

  @Option(help: "Pixels per inch of a PNG (an em is size/72 × dpi pixels).")
  var dpi: Double = 300

  @Option(help: "The colour of the formula: #RRGGBB or a name (default: the theme's ink).")
  var color: String?

  @Option(help: "light (dark ink, for light backgrounds) or dark (light ink).")
  var theme: ThemeName = .light

  @Flag(help: "Display style (the default: big operators, limits above and below) or inline text style.")
  var style: FormulaStyle = .display

  @Flag(help: "List the supported commands and environments, then exit.")
  var listCommands = false

  @Flag(help: "Also print the formula's box in points: width, height above the baseline, depth below it.")
  var metrics = false

  enum FormulaStyle: String, EnumerableFlag {
    case display, inline
  }

  func validate() throws {
    guard listCommands || latex != nil else { throw ValidationError("give a formula, like: render tex 'x^2'") }
    guard size > 0, size <= 1000 else { throw ValidationError("--size must be between 0 and 1000 points") }
    guard dpi >= 10, dpi <= 2400 else { throw ValidationError("--dpi must be between 10 and 2400") }
    guard ["png", "svg", "pdf"].contains((output as NSString).pathExtension.lowercased()) else {
      throw ValidationError("-o must end in .png, .svg or .pdf; got '\(output)'")
    }
  }

  func run() throws {
    if listCommands {
      print(MathParser.supportedCommands)
      return
    }
    let ink: Color
    if let color {
      guard let parsed = MathParser.color(named: color) else {
        throw CLIError.usage("--color '\(color)' is not a colour; use #RRGGBB or a name such as red")
      }
      ink = parsed
    } else {
      ink = theme.theme.ink
    }
    let formula: Formula
    do {
      formula = try Formula(latex ?? "", display: style == .display, font: try MathFont())
    } catch let error as MathSyntaxError {
      throw CLIError.usage("tex: \(error.description)")
    } catch {
      throw CLIError.failure(error)
    }
    if metrics {
      let box = formula.bounds(size: size)
      print(String(format: "width=%.3fpt height=%.3fpt depth=%.3fpt", box.width, -box.minY, box.maxY))
    }
    do {
      try write(formula, color: ink)
    } catch {
      throw CLIError.failure(error)
    }
  }

  private func write(_ formula: Formula, color: Color) throws {
    let cleanup = CleanupRegistry()
    defer { cleanup.finish() }
    let folder = (output as NSString).deletingLastPathComponent
    if !folder.isEmpty { try OutputPaths.createFolder(folder, cleanup: cleanup) }
    let kind = (output as NSString).pathExtension.lowercased()
    // PNG in pixels; SVG and PDF in points (an SVG px is a CSS px, 0.75 pt).
    let em = kind == "png" ? size / 72 * dpi : kind == "svg" ? size * 4 / 3 : size
    let ink = formula.inkBounds(size: em)
    let pad = em / 16
    let frame = Rect(x: ink.minX - pad, y: ink.minY - pad, width: ink.width + 2 * pad, height: ink.height + 2 * pad)
    let origin = Point(-frame.minX, -frame.minY)
    let temporary = try cleanup.temporary(for: output)
    if kind == "png" {
      let surface = try ImageSurface(
        width: Int(frame.width.rounded(.up)), height: Int(frame.height.rounded(.up)))
      let canvas = try Canvas(surface: surface)
      canvas.clear(to: .clear)
      formula.draw(on: canvas, size: em, origin: origin, color: color)
      try canvas.checkStatus()
      try PNG.write(surface, to: temporary, opaque: false)
    } else {
      let document = try VectorDocument(
        kind == "pdf" ? .pdf : .svg, path: temporary, width: frame.width, height: frame.height, title: formula.latex)
      try document.addPage { canvas in formula.draw(on: canvas, size: em, origin: origin, color: color) }
      try document.finish()
    }
    try cleanup.commit(temporary, to: output)
    StandardError.write("\(output)\n")
  }
}
