import Foundation
import Testing

/// `render batch` end to end: failures stay in their job, up-to-date jobs are skipped, a
/// changed option renders only its job, interrupts keep finished work, the gallery loads.
@Suite struct BatchCommandTests {
  static let course = """
    # a small course, tiny sizes
    defaults:
      resolution: 160x90
      fps: 10
    jobs:
      - scene: attention-heatmap
      - scene: softmax
        name: softmax-hot
        temperature: 2
      - scene: softmax
        name: broken
        logits: [1, x]
      - scene: softmax
        name: no-encoder
        ffmpeg: /bin/false
      - scene: softmax
        name: softmax-slides
        slides: [png, pdf]
    """

  static func write(_ text: String, in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("course.yaml").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The table's status column by job name.
  static func statuses(_ table: String) -> [String: String] {
    var result: [String: String] = [:]
    for line in table.split(separator: "\n").dropFirst(2).prefix(while: { !$0.hasPrefix("batch:") }) {
      let words = line.split(separator: " ", omittingEmptySubsequences: true)
      guard let name = words.first, words.count >= 5 else { continue }
      result[String(name)] = words.suffix(words.last == "date" ? 3 : 1).joined(separator: " ")
    }
    return result
  }

  @Test func failuresStayInTheirJobAndASecondRunSkipsEverything() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(Self.course, in: folder)
    let output = folder.appendingPathComponent("out").path
    let first = try RenderCommand.run(["batch", file, "--output", output])
    #expect(first.status == 1, "\(first.stderr)")
    #expect(
      Self.statuses(first.stdout) == [
        "attention-heatmap": "done", "softmax-hot": "done", "broken": "FAILED", "no-encoder": "FAILED",
        "softmax-slides": "done",
      ], "\(first.stdout)")
    #expect(first.stdout.contains("broken (\(file):12): field 'logits': the value '1,x' is invalid"), "\(first.stdout)")
    #expect(first.stdout.contains("no-encoder (\(file):13): ffmpeg"), "\(first.stdout)")
    let clip = try VideoProbe(output + "/softmax-hot/softmax-hot.mp4")
    #expect(clip["codec_name"] == "h264" && clip["nb_read_frames"] == "314")
    #expect(FileManager.default.fileExists(atPath: output + "/softmax-slides/softmax-slides-slides.pdf"))
    #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
    let before = try FileManager.default.attributesOfItem(atPath: output + "/softmax-hot/softmax-hot.mp4")

    let second = try RenderCommand.run(["batch", file, "--output", output])
    #expect(second.status == 1)
    #expect(
      Self.statuses(second.stdout) == [
        "attention-heatmap": "up to date", "softmax-hot": "up to date", "broken": "FAILED", "no-encoder": "FAILED",
        "softmax-slides": "up to date",
      ], "\(second.stdout)")
    let after = try FileManager.default.attributesOfItem(atPath: output + "/softmax-hot/softmax-hot.mp4")
    #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)

    // One option changed: only that job renders again. --force renders every job.
    let edited = Self.course.replacingOccurrences(of: "temperature: 2", with: "temperature: 0.5")
    _ = try Self.write(edited, in: folder)
    let third = try RenderCommand.run(["batch", file, "--output", output])
    #expect(Self.statuses(third.stdout)["softmax-hot"] == "done")
    #expect(Self.statuses(third.stdout)["attention-heatmap"] == "up to date")
    #expect(Self.statuses(third.stdout)["softmax-slides"] == "up to date")
    let forced = try RenderCommand.run(["batch", file, "--output", output, "--force", "--no-gallery"])
    #expect(Self.statuses(forced.stdout)["attention-heatmap"] == "done", "\(forced.stdout)")
    // Nothing temporary is left anywhere.
    #expect(RenderCommand.files(in: folder.appendingPathComponent("out")).allSatisfy { !$0.contains(".partial-") })
  }

  @Test func aFileOutputEditedByHandIsRenderedAgain() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write("- scene: softmax\n  resolution: 160x90\n  fps: 5\n", in: folder)
    let output = folder.appendingPathComponent("out").path
    #expect(try RenderCommand.run(["batch", file, "--output", output, "--no-gallery"]).status == 0)
    // Rendered over by hand with other options: the record no longer matches the file.
    #expect(try RenderCommand.run(["softmax", "--fps", "4", "--resolution", "160x90", "--output", output]).status == 0)
    let again = try RenderCommand.run(["batch", file, "--output", output, "--no-gallery"])
    #expect(Self.statuses(again.stdout)["softmax"] == "done", "\(again.stdout)")
  }

  @Test(arguments: [
    ("jobs:\n  - scene: sofmax\n", "course.yaml:2: field 'scene': unknown scene 'sofmax'"),
    ("jobs:\n  - scene: softmax\n    fps: [30\n", "course.yaml:4: not valid YAML"),
    (
      "jobs:\n  - scene: softmax\n  - scene: softmax\n",
      "course.yaml:3: job 'softmax' writes softmax/softmax.mp4 as the job at"
    ),
    (
      "jobs:\n  - scene: softmax\n    slides: [png, pdf]\n  - scene: softmax\n    slides: [pdf]\n",
      "course.yaml:4: job 'softmax' writes softmax/softmax-slides.pdf as the job at"
    ),
  ])
  func badJobsFilesAreRefusedBeforeAnythingRenders(_ text: String, _ message: String) throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(text, in: folder)
    let output = folder.appendingPathComponent("out").path
    let result = try RenderCommand.run(["batch", file, "--output", output])
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func anInterruptedBatchKeepsFinishedOutputs() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(
      """
      defaults: { resolution: 320x180 }
      jobs:
        - { scene: softmax, name: long-one, fps: 60 }
        - { scene: attention-heatmap, name: short-one, fps: 5, resolution: 160x90 }
      """, in: folder)
    let output = folder.appendingPathComponent("out").path
    let short = output + "/short-one/short-one.mp4"
    // Two side by side: the short job finishes while the long one still runs.
    let result = try RenderCommand.run(["batch", file, "--output", output, "--jobs", "2"]) { process in
      _ = RenderCommand.waitUntil(process) { FileManager.default.fileExists(atPath: short) }
      kill(process.processIdentifier, SIGINT)
    }
    #expect(result.status == 130, "\(result.stderr)")
    #expect(result.stdout.contains("stopped"), "\(result.stdout)")
    #expect(try VideoProbe(short)["nb_read_frames"] == "59")
    let left = RenderCommand.files(in: URL(fileURLWithPath: output))
    #expect(left.allSatisfy { !$0.contains(".partial-") && !$0.contains(".lock") }, "\(left)")
    #expect(!left.contains("long-one/long-one.mp4"))
    let again = try RenderCommand.run(["batch", file, "--output", output, "--jobs", "2", "--no-gallery"]) { process in
      kill(process.processIdentifier, SIGINT)
    }
    #expect(again.status == 130 || again.status == 0)
  }

  @Test func galleryLoadsInChromium() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.write(
      """
      defaults: { resolution: 320x180, fps: 10 }
      jobs:
        - scene: attention-heatmap
        - { scene: softmax, format: webm }
        - { scene: softmax, name: softmax-gif, format: gif }
        - { scene: softmax, name: softmax-slides, slides: all }
        - { scene: attention-heatmap, name: heatmap-still, at: end }
      """, in: folder)
    let output = folder.appendingPathComponent("out")
    let result = try RenderCommand.run(["batch", file, "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
    let report = try HeadlessChromium.load(output.appendingPathComponent("index.html"))
    #expect(report.console.isEmpty, "\(report.console)")
    #expect(report.videos.count == 2, "\(report.json)")
    for video in report.videos {
      #expect((video["duration"] as? Double ?? 0) > 0 && video["error"] as? Int == 0, "\(video)")
    }
    // Two posters, the GIF, six slide thumbnails, the still.
    #expect(report.images.count == 10, "\(report.json)")
    for image in report.images {
      #expect((image["width"] as? Int ?? 0) > 0, "\(image)")
    }
  }
}
