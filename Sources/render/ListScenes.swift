import ArgumentParser
import Scenes

/// `render list`: every scene with its one-line summary.
struct ListScenes: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the scenes that can be rendered.")

  func run() {
    print(Self.listing)
  }

  static var listing: String {
    let width = SceneCatalog.all.map { $0.name.count }.max() ?? 0
    return SceneCatalog.all.map { scene in
      scene.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + scene.summary
    }.joined(separator: "\n")
  }
}
