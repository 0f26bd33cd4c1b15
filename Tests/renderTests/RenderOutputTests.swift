import Foundation
import Testing

/// End to end: real renders, checked with ffprobe and by decoding files.
@Suite struct RenderOutputTests {
  @Test func lowQualityMP4HasTheRightStream() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(["attention-heatmap", "-ql", "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    let files = RenderCommand.files(in: output)
    #expect(files == ["attention-heatmap/attention-heatmap.mp4"])
    let probe = try VideoProbe(output.appendingPathComponent("attention-heatmap/attention-heatmap.mp4").path)
    #expect(probe["codec_name"] == "h264")
    #expect(probe["pix_fmt"] == "yuv420p")
    #expect(probe["width"] == "854" && probe["height"] == "480")
    #expect(probe["r_frame_rate"] == "15/1")
    #expect(probe["color_space"] == "bt709")
    #expect(probe["nb_read_frames"] == "177")  // 11.8 s × 15 fps
    // Summary line names the file (stderr is not a terminal here).
    #expect(result.stderr.contains("attention-heatmap.mp4"))
  }

  @Test func mp4HasItsIndexFirst() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run([
      "attention-heatmap", "--resolution", "320x180", "--fps", "5", "--quiet",
      "--output", output.path,
    ])
    #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    let data = try Data(contentsOf: output.appendingPathComponent("attention-heatmap/attention-heatmap.mp4"))
    let moov = data.range(of: Data("moov".utf8))!.lowerBound
    let mdat = data.range(of: Data("mdat".utf8))!.lowerBound
    #expect(moov < mdat)
  }

  /// x264 records its settings in the stream: the CRF and the preset's choices show there.
  @Test func presetAndCRFReachTheEncoder() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    var settings: [String] = []
    for (preset, crf) in [("ultrafast", "30"), ("medium", "23")] {
      let result = try RenderCommand.run([
        "attention-heatmap", "--resolution", "320x180", "--fps", "5", "--preset", preset, "--crf", crf,
        "--name", preset, "--quiet", "--output", output.path,
      ])
      #expect(result.status == 0, "\(result.stderr)")
      let data = try Data(contentsOf: output.appendingPathComponent("\(preset)/\(preset).mp4"))
      let start = try #require(data.range(of: Data("x264 - core".utf8))).lowerBound
      settings.append(String(decoding: data[start..<min(start + 2_000, data.count)], as: UTF8.self))
    }
    #expect(settings[0].contains("crf=30.0") && settings[0].contains("cabac=0"))  // ultrafast: no CABAC
    #expect(settings[1].contains("crf=23.0") && settings[1].contains("cabac=1") && settings[1].contains("subme=7"))
  }

  @Test func pngSequenceHasOneFilePerFrame() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run([
      "attention-heatmap", "--format", "png", "--resolution", "320x180",
      "--fps", "5", "--output", output.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let files = RenderCommand.files(in: output)
    #expect(files.count == 59)  // 11.8 s × 5 fps
    #expect(files.first == "attention-heatmap/frames/attention-heatmap-00000.png")
    #expect(files.last == "attention-heatmap/frames/attention-heatmap-00058.png")
    // Any frame, drawn or held over a still stretch, is byte for byte the still at its time.
    for (frame, time) in [(12, "2.4"), (37, "7.4"), (58, "11.6")] {
      let still = try RenderCommand.run([
        "attention-heatmap", "--resolution", "320x180", "--at", time,
        "--quiet", "--output", output.path,
      ])
      #expect(still.status == 0)
      let stillData = try Data(
        contentsOf: output.appendingPathComponent("attention-heatmap/attention-heatmap-at-\(time)s.png"))
      let frameData = try Data(
        contentsOf: output.appendingPathComponent(
          String(format: "attention-heatmap/frames/attention-heatmap-%05d.png", frame)))
      #expect(stillData == frameData, "frame \(frame)")
    }
  }

  @Test(arguments: ["gif", "webm"])
  func otherVideoFormats(_ format: String) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run([
      "attention-heatmap", "--format", format, "--resolution", "320x180",
      "--fps", "5", "--output", output.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Only the clip remains: no temporary file, no GIF palette.
    #expect(RenderCommand.files(in: output) == ["attention-heatmap/attention-heatmap.\(format)"])
    let probe = try VideoProbe(output.appendingPathComponent("attention-heatmap/attention-heatmap.\(format)").path)
    #expect(probe["codec_name"] == (format == "gif" ? "gif" : "vp9"))
    #expect(probe["width"] == "320")
    #expect(probe["nb_read_frames"] == "59")
  }

  @Test func stillsAreDeterministicAndNamedByTime() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let path = output.appendingPathComponent("attention-heatmap/attention-heatmap-at-3s.png")
    #expect(try RenderCommand.run(["attention-heatmap", "-ql", "--at", "3", "--output", output.path]).status == 0)
    let first = try Data(contentsOf: path)
    #expect(try RenderCommand.run(["attention-heatmap", "-ql", "--at", "3", "--output", output.path]).status == 0)
    #expect(try Data(contentsOf: path) == first)
    #expect(first.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func transparentStillHasClearBackground() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run([
      "attention-heatmap", "--resolution", "320x180", "--at", "7",
      "--transparent", "--output", output.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Colour type 6 (RGBA) in the IHDR chunk: byte 25 of the file.
    let data = try Data(contentsOf: output.appendingPathComponent("attention-heatmap/attention-heatmap-at-7s.png"))
    #expect(data[25] == 6)
  }

  /// A render sweeps the leftovers of renders that are gone (their lock file is free) and
  /// keeps those of live ones (their lock is held — here by this test process).
  @Test func leftoversOfKilledRendersAreSweptButLiveOnesKept() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let folder = output.appendingPathComponent("attention-heatmap")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let dead = "gone_1_00000000000000aa"
    let live = "busy_1_00000000000000bb"
    for name in [
      ".attention-heatmap.partial-\(dead).mp4", ".reel-\(dead).lock", ".attention-heatmap.partial-\(live).mp4",
    ] {
      try Data("x".utf8).write(to: folder.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(".frames.partial-\(dead)"), withIntermediateDirectories: true)
    let held = open(folder.appendingPathComponent(".reel-\(live).lock").path, O_CREAT | O_RDWR, 0o644)
    defer { close(held) }
    #expect(flock(held, LOCK_EX) == 0)
    let result = try RenderCommand.run(["attention-heatmap", "-ql", "--at", "1", "--quiet", "--output", output.path])
    #expect(result.status == 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(
      left == [".attention-heatmap.partial-\(live).mp4", ".reel-\(live).lock", "attention-heatmap-at-1s.png"],
      "\(left)")
  }
}
