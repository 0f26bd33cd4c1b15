import Canvas
import Foundation
import Reel

/// Writes a scene's slides — one per section, the picture at the section's end — as PNG
/// images, a PDF deck with one vector page per slide, or SVG files.
///
/// A slide is `FrameRenderer.render(at: section end)`, so it is the same picture as the
/// still `--at` that time. Every file is written under a temporary name and renamed.
public struct SlideWriter {
  public let renderer: FrameRenderer
  public let slides: [Slide]
  public let paths: OutputPaths
  public let cleanup: CleanupRegistry

  /// PDF points per output pixel: a 1920x1080 slide is a 20 x 11.25 inch page, the size
  /// its pixels have at 96 per inch.
  static let pointsPerPixel = 0.75

  public init(renderer: FrameRenderer, paths: OutputPaths, cleanup: CleanupRegistry) {
    self.renderer = renderer
    self.slides = Slide.slides(of: renderer.timeline)
    self.paths = paths
    self.cleanup = cleanup
  }

  /// `slides/01-<section>.png` …; returns their paths.
  public func writeImages() throws -> [String] {
    try OutputPaths.createFolder(paths.slides, cleanup: cleanup)
    let surface = try renderer.makeSurface()
    let written = try slides.map { slide in
      try write(paths.slide(slide, extension: "png")) { temporary in
        try renderer.render(at: slide.end, into: surface)
        try PNG.write(surface, to: temporary, opaque: !renderer.transparent)
      }
    }
    Slide.removeStale("png", in: paths.slides, keeping: slides)
    return written
  }

  /// `slides/01-<section>.svg` …: text as glyph outlines, shapes as paths.
  public func writeSVGs() throws -> [String] {
    try OutputPaths.createFolder(paths.slides, cleanup: cleanup)
    let written = try slides.map { slide in
      try write(paths.slide(slide, extension: "svg")) { temporary in
        let document = try VectorDocument(
          .svg, path: temporary, width: Double(renderer.width), height: Double(renderer.height))
        try renderer.render(at: slide.end, asPageOf: document)
        try document.finish()
      }
    }
    Slide.removeStale("svg", in: paths.slides, keeping: slides)
    return written
  }

  /// `<name>-slides.pdf`: one page per slide, bookmarked by section, with real text.
  public func writePDF() throws -> String {
    try write(paths.slidesPDF) { temporary in
      let document = try VectorDocument(
        .pdf, path: temporary, width: Double(renderer.width) * Self.pointsPerPixel,
        height: Double(renderer.height) * Self.pointsPerPixel, title: paths.scene)
      for slide in slides {
        try renderer.render(at: slide.end, asPageOf: document, bookmark: "\(slide.number). \(slide.title)")
      }
      try document.finish()
    }
  }

  /// Writes `final` by `body(temporary)`, then renames it into place.
  private func write(_ final: String, _ body: (String) throws -> Void) throws -> String {
    if cleanup.isAborted { throw cleanup.interruptedError }
    let temporary = try cleanup.temporary(for: final)
    try body(temporary)
    try cleanup.commit(temporary, to: final)
    return final
  }
}
