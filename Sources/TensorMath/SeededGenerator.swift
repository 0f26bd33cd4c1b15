import Foundation

/// A random number generator that gives the same sequence for the same seed on every
/// machine and Swift version (SplitMix64), so example data and pictures are reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1) from the top 53 bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A standard normal sample (Box–Muller), computed in Double for portability.
  public mutating func nextNormal() -> Double {
    let u1 = max(nextUnit(), 0x1p-53)
    let u2 = nextUnit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A rows×columns matrix of normal samples with standard deviation `scale`.
  public mutating func normalMatrix(rows: Int, columns: Int, scale: Double = 1) -> Matrix {
    var result = Matrix(rows: rows, columns: columns)
    for i in 0..<rows {
      for j in 0..<columns { result[i, j] = Float(nextNormal() * scale) }
    }
    return result
  }
}

extension SeededGenerator {
  /// A generator seeded from a base seed and a string, so the same word always gets the
  /// same random vector (FNV-1a over the UTF-8 bytes, mixed with the seed).
  public init(seed: UInt64, key: String) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in key.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    self.init(seed: seed ^ hash)
  }
}
