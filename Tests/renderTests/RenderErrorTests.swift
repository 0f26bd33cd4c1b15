import Foundation
import Testing

/// Bad input gets one clear line and a non-zero exit code, never a crash.
@Suite struct RenderErrorTests {
  func expectUsageError(
    _ arguments: [String], mentions text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(arguments + ["--output", output.path])
    #expect(result.status == 2, "exit status for \(arguments)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("render: error: "), sourceLocation: sourceLocation)
    #expect(result.stderr.contains(text), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(
      result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(RenderCommand.files(in: output).isEmpty, sourceLocation: sourceLocation)
  }

  @Test func listsScenes() throws {
    let result = try RenderCommand.run(["list"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("attention-heatmap"))
  }

  @Test func sceneHelpListsItsOwnOptionsAndTheSharedOnes() throws {
    let softmax = try RenderCommand.run(["softmax", "--help"])
    #expect(softmax.status == 0)
    for option in ["--logits", "--temperature", "--labels", "--theme", "--resolution", "--format"] {
      #expect(softmax.stdout.contains(option), "\(option)")
    }
    #expect(!softmax.stdout.contains("--tokens"))
    let heatmap = try RenderCommand.run(["attention-heatmap", "--help"])
    #expect(heatmap.stdout.contains("--tokens") && !heatmap.stdout.contains("--logits"))
  }

  @Test func optionOfAnotherSceneIsRefusedNamingTheScene() throws {
    try expectUsageError(
      ["attention-heatmap", "--logits", "1,2"], mentions: "attention-heatmap: unknown option '--logits'")
  }

  @Test func sectionsListsTheClipWithoutRendering() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try RenderCommand.run(["softmax", "--logits", "-1,2", "--sections", "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("duration ") == true)
    #expect(
      lines.dropFirst().map { $0.split(separator: " ")[1] } == [
        "title", "logits", "exponentiate", "normalise", "probabilities", "temperature",
      ])
    #expect(RenderCommand.files(in: output).isEmpty, "nothing rendered")
  }

  @Test func softmaxOptionsAreChecked() throws {
    try expectUsageError(["softmax", "--logits", "1,x"], mentions: "'x' is not a number")
    try expectUsageError(["softmax", "--logits", "1"], mentions: "2 to 8 values")
    try expectUsageError(["softmax", "--temperature", "9"], mentions: "--temperature must be between 0.25 and 2")
    try expectUsageError(["softmax", "--labels", "a,b"], mentions: "one name per logit")
    try expectUsageError(["softmax", "--theme", "sepia"], mentions: "sepia")
  }

  @Test func qkvFlowOptionsAreChecked() throws {
    try expectUsageError(["qkv-flow", "--d-k", "0"], mentions: "--d-k must be between 1 and 512; got 0")
    try expectUsageError(["qkv-flow", "--d-model", "1000000"], mentions: "--d-model must be between 2 and 512")
    try expectUsageError(["qkv-flow", "--tokens", ""], mentions: "--tokens needs at least one word")
    try expectUsageError(
      ["qkv-flow", "--tokens", "a b c d e f g h i j k l m"], mentions: "--tokens takes 1 to 12 words; got 13")
  }

  @Test func positionalEncodingOptionsAreChecked() throws {
    try expectUsageError(
      ["positional-encoding", "--d-model", "1"], mentions: "--d-model must be between 2 and 1024; got 1")
    try expectUsageError(
      ["positional-encoding", "--positions", "0"], mentions: "--positions must be between 2 and 500")
    try expectUsageError(
      ["positional-encoding", "--d-model", "8", "--dims", "0,9"], mentions: "9 is not a dimension of d_model 8")
    try expectUsageError(["positional-encoding", "--dims", "0,x"], mentions: "'x' is not a dimension")
  }

  @Test func neuronDiagramOptionsAreChecked() throws {
    try expectUsageError(["neuron-diagram", "--layers", "0"], mentions: "--layers takes 3 to 10 layers")
    try expectUsageError(["neuron-diagram", "--layers", "4,0,3"], mentions: "a layer needs 1 to 4096 neurons; got 0")
    try expectUsageError(["neuron-diagram", "--layers", "3,x"], mentions: "'x' is not a number of neurons")
    try expectUsageError(
      ["neuron-diagram", "--layers", Array(repeating: "4", count: 100).joined(separator: ",")],
      mentions: "an output); got 100")
    try expectUsageError(
      ["neuron-diagram", "--input", "0.1,0.2"], mentions: "--input needs one value per input neuron: 4 values; got 2")
    try expectUsageError(["neuron-diagram", "--activation", "swish"], mentions: "unknown activation 'swish'")
  }

  @Test func unknownSceneShowsTheListAndExitsTwo() throws {
    let result = try RenderCommand.run(["no-such-scene"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("unknown scene 'no-such-scene'"))
    #expect(result.stderr.contains("attention-heatmap"))
  }

  @Test(arguments: ["abc", "0x0", "-5x10", "1920x", "1920x1080x3", "100000x100"])
  func rejectsBadResolutions(_ value: String) throws {
    try expectUsageError(["attention-heatmap", "--resolution", value], mentions: "--resolution")
  }

  @Test func rejectsOddSizesForMP4() throws {
    try expectUsageError(["attention-heatmap", "--resolution", "855x480"], mentions: "even width and height")
  }

  @Test(arguments: ["0", "-3", "100000"])
  func rejectsBadFrameRates(_ value: String) throws {
    try expectUsageError(["attention-heatmap", "--fps=\(value)"], mentions: "fps")
  }

  @Test func rejectsUnparsableFrameRate() throws {
    try expectUsageError(["attention-heatmap", "--fps", "fast"], mentions: "fast")
  }

  @Test func rejectsStillOutsideTheClip() throws {
    try expectUsageError(["attention-heatmap", "--at", "100"], mentions: "--at must be between 0 and 11.80 s")
    try expectUsageError(["attention-heatmap", "--at", "-1"], mentions: "--at must be between 0 and 11.80 s")
  }

  @Test func rejectsBadStillTimesAndScaleTops() throws {
    try expectUsageError(["attention-heatmap", "--at", "soon"], mentions: "or 'end'")
    try expectUsageError(["attention-heatmap", "-s", "--at", "3"], mentions: "use one of them")
    try expectUsageError(["attention-heatmap", "--vmax", "2"], mentions: "'auto' or a number from 0.05 to 1")
  }

  @Test func lastFrameByNameAndByManimsFlag() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    for arguments in [["--at", "end"], ["-s"]] {
      let result = try RenderCommand.run(
        ["attention-heatmap", "-ql", "--colormap", "rdbu_r", "--vmax", "auto", "--output", output.path] + arguments)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let stills = RenderCommand.files(in: output)
    #expect(stills.count == 1 && stills[0].hasSuffix("-at-11.8s.png"), "\(stills)")
  }

  @Test func rejectsUnknownColormapAndFormat() throws {
    try expectUsageError(["attention-heatmap", "--colormap", "jet"], mentions: "viridis")
    try expectUsageError(["attention-heatmap", "--colormap", "jet"], mentions: "RdBu_r")
    try expectUsageError(["attention-heatmap", "--format", "avi"], mentions: "avi")
  }

  @Test func rejectsPresetAndCRFWhereTheyDoNotApply() throws {
    try expectUsageError(["attention-heatmap", "--preset", "quick"], mentions: "veryslow")
    try expectUsageError(["attention-heatmap", "--preset", "slow", "--format", "webm"], mentions: "--preset")
    try expectUsageError(["attention-heatmap", "--crf", "52"], mentions: "between 0 and 51")
    try expectUsageError(["attention-heatmap", "--crf", "64", "--format", "webm"], mentions: "between 0 and 63")
    try expectUsageError(["attention-heatmap", "--crf", "20", "--format", "gif"], mentions: "--crf")
    try expectUsageError(["attention-heatmap", "--crf", "20", "--at", "1"], mentions: "a still")
    try expectUsageError(["attention-heatmap", "--preset", "fast", "--slides", "png"], mentions: "slides")
  }

  @Test func rejectsTransparentMP4() throws {
    try expectUsageError(["attention-heatmap", "--transparent"], mentions: "--transparent")
  }

  @Test func rejectsAFrameTooNarrowForTheTokens() throws {
    let tokens = (0..<64).map { "t\($0)" }.joined(separator: " ")
    try expectUsageError(
      ["attention-heatmap", "--resolution", "200x1080", "--at", "1", "--tokens", tokens],
      mentions: "too narrow for 64 tokens")
  }

  @Test func rejectsTooFewTokens() throws {
    try expectUsageError(["attention-heatmap", "--tokens", "alone"], mentions: "2 to 64 tokens")
  }

  @Test func unwritableOutputFolderIsOneLine() throws {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let blocker = folder.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let result = try RenderCommand.run(["attention-heatmap", "-ql", "--at", "1", "--output", blocker.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("cannot create output folder"))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func missingFFmpegNamesThePackage() throws {
    let empty = try RenderCommand.temporaryFolder()
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: empty)
      try? FileManager.default.removeItem(at: output)
    }
    let result = try RenderCommand.run(
      ["attention-heatmap", "-ql", "--output", output.path],
      environment: ["PATH": empty.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("apt-get install ffmpeg"))
    #expect(!RenderCommand.files(in: output).contains { $0.hasSuffix(".mp4") })
  }

  @Test func ffmpegFailingMidStreamShowsItsErrorAndLeavesNoFile() throws {
    let bin = try RenderCommand.temporaryFolder()
    let output = try RenderCommand.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: bin)
      try? FileManager.default.removeItem(at: output)
    }
    // A stand-in ffmpeg that reads one frame's worth of input, complains and dies.
    let fake = bin.appendingPathComponent("ffmpeg")
    try Data("#!/bin/sh\nhead -c 100000 >/dev/null\necho 'Conversion failed: disk on fire' >&2\nexit 1\n".utf8).write(
      to: fake)
    chmod(fake.path, 0o755)
    let result = try RenderCommand.run(
      ["attention-heatmap", "-ql", "--output", output.path],
      environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("disk on fire"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(RenderCommand.files(in: output).isEmpty, "\(RenderCommand.files(in: output))")
  }

  /// Moments to interrupt a render at, each recognised by what it leaves on disk or runs.
  enum Moment: String, CaseIterable {
    /// The MP4 is being written: its temporary file exists.
    case encodingMP4
    /// PNG frames are being written: the temporary frame folder holds a frame.
    case writingFrames
    /// The GIF palette is being made: ffmpeg runs, no GIF is written yet.
    case makingPalette
    /// The GIF is being written: its temporary file exists.
    case encodingGIF

    var format: String {
      switch self {
      case .encodingMP4: return "mp4"
      case .writingFrames: return "png"
      case .makingPalette, .encodingGIF: return "gif"
      }
    }

    func hasArrived(in folder: URL, process: Process) -> Bool {
      let names = RenderCommand.files(in: folder).map { ($0 as NSString).lastPathComponent }
      switch self {
      case .encodingMP4: return names.contains { $0.contains(".partial") && $0.hasSuffix(".mp4") }
      case .writingFrames: return names.contains { $0.hasSuffix("-00000.png") }
      case .makingPalette: return RenderCommand.hasChildProcess(process)
      case .encodingGIF: return names.contains { $0.contains(".partial") && $0.hasSuffix(".gif") }
      }
    }
  }

  @Test(arguments: Moment.allCases)
  func interruptLeavesNoPartialFile(at moment: Moment) throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    var arrived = false
    let result = try RenderCommand.run(["attention-heatmap", "-qh", "--format", moment.format, "--output", output.path])
    {
      process in
      arrived = RenderCommand.waitUntil(process) { moment.hasArrived(in: output, process: process) }
      process.terminate()  // SIGTERM, as a job scheduler would send
    }
    #expect(arrived, "the render reached \(moment.rawValue) before ending")
    #expect(result.status == 143, "SIGTERM: 128 + 15. \(result.stderr)")
    #expect(result.stderr.contains("interrupted"))
    #expect(RenderCommand.files(in: output).isEmpty, "\(RenderCommand.files(in: output))")
  }

  /// A bad attention file or model: one line naming it and the problem, exit code 1, and
  /// no output file.
  @Test func badAttentionFilesAndModelsGetOneLine() throws {
    let output = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let bad = output.appendingPathComponent("attn.npy")
    try Data("\u{93}NUMPY\u{01}\u{00}".utf8).write(to: bad)
    for (arguments, message) in [
      (["attention-heatmap", "--weights", bad.path, "--at", "1"], "render: error: attn.npy: "),
      (
        ["attention-heatmap", "--weights", "/nonexistent/attn.npy", "-s"],
        "render: error: /nonexistent/attn.npy: no such file"
      ),
      (
        ["export-attention", "--model", "/nonexistent/model", "--text", "hi", "--output", output.path + "/a.npy"],
        "render: error: /nonexistent/model: no such model directory"
      ),
    ] {
      let result = try RenderCommand.run(
        arguments + (arguments[0] == "export-attention" ? [] : ["--output", output.path]))
      #expect(result.status == 1, "\(arguments)")
      #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
      #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }
    #expect(RenderCommand.files(in: output) == ["attn.npy"])
  }
}
