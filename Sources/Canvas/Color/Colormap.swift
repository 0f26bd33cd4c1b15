/// A colormap: 256 sRGB colours that a value in [0, 1] picks from, as in matplotlib.
///
/// The tables are matplotlib's own (see `Scripts/generate-colormaps.py`), so a figure made
/// with Reel and one made with matplotlib agree entry for entry.
public struct Colormap: Sendable, Hashable {
  /// matplotlib's name (`viridis`, `RdBu_r`, …); users may type it in any case.
  public let name: String
  /// 256 entries, `0xRRGGBB`.
  public let table: [UInt32]
  /// Whether the map is centred on a midpoint (for signed data) rather than sequential.
  public let isDiverging: Bool

  public static let viridis = Colormap(name: "viridis", table: viridisTable, isDiverging: false)
  public static let magma = Colormap(name: "magma", table: magmaTable, isDiverging: false)
  public static let inferno = Colormap(name: "inferno", table: infernoTable, isDiverging: false)
  public static let plasma = Colormap(name: "plasma", table: plasmaTable, isDiverging: false)
  public static let cividis = Colormap(name: "cividis", table: cividisTable, isDiverging: false)
  /// matplotlib's `RdBu`: red for low, white in the middle, blue for high.
  public static let rdBu = Colormap(name: "RdBu", table: rdBuTable, isDiverging: true)
  /// matplotlib's `RdBu_r`: blue for low, white in the middle, red for high.
  public static let rdBuR = Colormap(name: "RdBu_r", table: rdBuRTable, isDiverging: true)
  /// Blue for low, light grey in the middle, red for high.
  public static let coolwarm = Colormap(name: "coolwarm", table: coolwarmTable, isDiverging: true)

  /// Every built-in colormap, in the order `--help` lists them.
  public static let all: [Colormap] = [.viridis, .magma, .inferno, .plasma, .cividis, .rdBu, .rdBuR, .coolwarm]

  /// The built-in colormap called `name`, in any case (`rdbu_r` is `RdBu_r`), if any.
  public static func named(_ name: String) -> Colormap? {
    all.first { $0.name.lowercased() == name.lowercased() }
  }

  /// The entry for `value`, clamped to [0, 1], picked as matplotlib does: the interval is
  /// cut into 256 equal bins, `floor(value · 256)`, with 1 falling in the last bin.
  public func color(at value: Double) -> Color {
    let clamped = value.isNaN ? 0 : min(max(value, 0), 1)
    return Color(rgb: table[min(Int(clamped * 256), 255)])
  }
}
