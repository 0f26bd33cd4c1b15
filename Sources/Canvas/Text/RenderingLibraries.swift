import CCairo
import Foundation

/// What else, besides Reel's own code and a scene's options, decides the pixels of a
/// frame: the versions of Cairo, Pango, HarfBuzz and fontconfig, and the installed fonts.
/// A cache of rendered outputs keys on this, so new fonts or libraries render again.
public enum RenderingLibraries {
  /// `cairo 1.16.0`, `pango 1.50.12`, `harfbuzz 6.0.0`, `fontconfig 21401`, one a line.
  public static var versions: String {
    [
      "cairo \(String(cString: cairo_version_string()))",
      "pango \(String(cString: pango_version_string()))",
      "harfbuzz \(String(cString: hb_version_string()))",
      "fontconfig \(FcGetVersion())",
    ].joined(separator: "\n")
  }

  /// Every font file fontconfig offers, with its size and modification time, sorted: one
  /// line each. Installing, removing or updating a font changes it.
  public static var fonts: String {
    guard let config = FcConfigGetCurrent(), let set = FcConfigGetFonts(config, FcSetSystem) else { return "" }
    var lines: Set<String> = []
    let count = Int(set.pointee.nfont)
    for index in 0..<count {
      guard let pattern = set.pointee.fonts[index] else { continue }
      var file: UnsafeMutablePointer<FcChar8>?
      guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { continue }
      let path = String(cString: UnsafeRawPointer(file).assumingMemoryBound(to: CChar.self))
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      lines.insert("\(path) \(info.st_size) \(info.st_mtim.tv_sec)")
    }
    return lines.sorted().joined(separator: "\n")
  }
}
