import Canvas
import Foundation
import Reel
import TensorMath

/// Softmax step by step: logits as bars, exponentiated, normalised into probabilities that
/// sum to 1, then a temperature sweep.
public struct SoftmaxScene: ReelScene {
  public static let name = "softmax"
  public static let summary = "Softmax step by step: logits, exponentials, probabilities, temperature"

  public let options: SoftmaxOptions

  public init(options: SoftmaxOptions) throws {
    self.options = options
  }

  public func record(into scene: inout SceneRecorder, measurer m: TextMeasurer) throws {
    let title = scene.make(
      .text(
        "softmax", font: Font(size: 48), color: scene.theme.ink, at: Point(scene.frameSize.width / 2, 200), measurer: m)
    )
    scene.play(.write(title))
  }
}
