/// Pixels of an image surface copied out, rectangle by rectangle, to be put back later.
public struct SavedPixels: Sendable {
  fileprivate let parts: [(rect: Rect, rows: [UInt8])]

  /// Bytes held.
  public var byteCount: Int { parts.reduce(0) { $0 + $1.rows.count } }
}

extension ImageSurface {
  /// A copy of the pixels of `outer` around `inner` (both in whole pixels, inside the
  /// surface, `inner` inside `outer`): the strips above, below, left and right of it.
  public func save(_ outer: Rect, around inner: Rect) -> SavedPixels {
    let strips = [
      Rect(x: outer.minX, y: outer.minY, width: outer.width, height: inner.minY - outer.minY),
      Rect(x: outer.minX, y: inner.maxY, width: outer.width, height: outer.maxY - inner.maxY),
      Rect(x: outer.minX, y: inner.minY, width: inner.minX - outer.minX, height: inner.height),
      Rect(x: inner.maxX, y: inner.minY, width: outer.maxX - inner.maxX, height: inner.height),
    ]
    return SavedPixels(parts: strips.filter { $0.width > 0 && $0.height > 0 }.map { ($0, save($0)) })
  }

  /// Puts the pixels of `saved` back where they came from.
  public func restore(_ saved: SavedPixels) {
    withUnsafeMutablePixels { pixels in
      for (rect, rows) in saved.parts {
        let (x, y, width, height) = whole(rect)
        rows.withUnsafeBytes { copy in
          for row in 0..<height {
            let target = (y + row) * stride + x * 4
            UnsafeMutableRawBufferPointer(rebasing: pixels[target..<target + width * 4])
              .copyMemory(from: UnsafeRawBufferPointer(rebasing: copy[row * width * 4..<(row + 1) * width * 4]))
          }
        }
      }
    }
  }

  /// The pixels of `rect`, row after row.
  private func save(_ rect: Rect) -> [UInt8] {
    let (x, y, width, height) = whole(rect)
    var rows = [UInt8](repeating: 0, count: width * height * 4)
    withUnsafePixels { pixels in
      rows.withUnsafeMutableBytes { copy in
        for row in 0..<height {
          let source = (y + row) * stride + x * 4
          UnsafeMutableRawBufferPointer(rebasing: copy[row * width * 4..<(row + 1) * width * 4])
            .copyMemory(from: UnsafeRawBufferPointer(rebasing: pixels[source..<source + width * 4]))
        }
      }
    }
    return rows
  }

  /// `rect`'s origin and size in whole pixels, checked to lie inside the surface.
  private func whole(_ rect: Rect) -> (x: Int, y: Int, width: Int, height: Int) {
    let (x, y, width, height) = (Int(rect.minX), Int(rect.minY), Int(rect.width), Int(rect.height))
    precondition(
      Rect(x: Double(x), y: Double(y), width: Double(width), height: Double(height)) == rect && x >= 0 && y >= 0
        && width >= 0 && height >= 0 && x + width <= self.width && y + height <= self.height,
      "a rectangle of whole pixels inside the surface")
    return (x, y, width, height)
  }
}
