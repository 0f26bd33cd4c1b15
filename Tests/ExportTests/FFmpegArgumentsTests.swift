import Testing

@testable import Export

@Suite struct FFmpegArgumentsTests {
  func arguments(_ format: OutputFormat, transparent: Bool = false, palette: String? = nil) -> [String] {
    FFmpegArguments(
      width: 1920, height: 1080, rate: FrameRate(60), format: format, transparent: transparent, palette: palette
    )
    .arguments(output: "/tmp/out")
  }

  func value(after flag: String, in arguments: [String]) -> String? {
    arguments.firstIndex(of: flag).map { arguments[$0 + 1] }
  }

  @Test func mp4TakesConvertedFramesAndIsTaggedForTheWeb() {
    let mp4 = arguments(.mp4)
    #expect(value(after: "-pix_fmt", in: mp4) == "yuv420p")  // converted by Reel, not by ffmpeg
    #expect(value(after: "-s", in: mp4) == "1920x1080")
    #expect(value(after: "-framerate", in: mp4) == "60")
    #expect(value(after: "-c:v", in: mp4) == "libx264")
    #expect(value(after: "-movflags", in: mp4) == "+faststart")
    #expect(value(after: "-colorspace", in: mp4) == "bt709")
    #expect(value(after: "-color_range", in: mp4) == "tv")
    #expect(!mp4.contains("-vf"))
    #expect(mp4.last == "/tmp/out")
    #expect(mp4.contains("-nostats") && value(after: "-loglevel", in: mp4) == "error")
  }

  @Test func presetAndCRFDefaultAndOverride() {
    let mp4 = arguments(.mp4)
    #expect(value(after: "-preset", in: mp4) == "veryfast" && value(after: "-crf", in: mp4) == "18")
    #expect(value(after: "-crf", in: arguments(.webm)) == "32")
    var custom = FFmpegArguments(width: 64, height: 64, rate: FrameRate(30), format: .mp4, transparent: false)
    custom.preset = .medium
    custom.crf = 23
    let chosen = custom.arguments(output: "/tmp/out")
    #expect(value(after: "-preset", in: chosen) == "medium" && value(after: "-crf", in: chosen) == "23")
    custom.format = .webm
    #expect(value(after: "-crf", in: custom.arguments(output: "/tmp/out")) == "23")
  }

  @Test func transparentWebMKeepsAlpha() {
    let webm = arguments(.webm, transparent: true)
    #expect(value(after: "-pix_fmt", in: webm) == "bgra")
    #expect(value(after: "-vf", in: webm)?.hasSuffix("format=yuva420p") == true)
    #expect(value(after: "-c:v", in: webm) == "libvpx-vp9")
    #expect(
      FFmpegArguments(width: 2, height: 2, rate: FrameRate(1), format: .webm, transparent: true).input == .straightBGRA)
    #expect(
      FFmpegArguments(width: 2, height: 2, rate: FrameRate(1), format: .webm, transparent: false).input == .yuv420p)
  }

  @Test func gifStreamsThroughAPaletteMadeBeforehand() {
    let gif = arguments(.gif, palette: "/tmp/palette.png")
    #expect(value(after: "-pix_fmt", in: gif) == "bgra")
    #expect(gif.filter { $0 == "-i" }.count == 2)
    #expect(gif.contains("/tmp/palette.png"))
    #expect(value(after: "-filter_complex", in: gif)?.contains("paletteuse") == true)
    #expect(value(after: "-filter_complex", in: gif)?.contains("palettegen") == false)
  }

  @Test func gifRatesDivideAHundred() {
    #expect(FrameRate.gif(requested: nil) == FrameRate(25))
    #expect(FrameRate.gif(requested: 60) == FrameRate(50))
    #expect(FrameRate.gif(requested: 240) == FrameRate(50))
    #expect(FrameRate.gif(requested: 30) == FrameRate(100, per: 3))
    #expect(FrameRate.gif(requested: 15) == FrameRate(100, per: 7))
    #expect(FrameRate.gif(requested: 25) == FrameRate(25))
    #expect(FrameRate(100, per: 3).description == "100/3")
    #expect(abs(FrameRate(100, per: 3).time(ofFrame: 3) - 0.09) < 1e-12)
    let gif = FFmpegArguments(width: 2, height: 2, rate: FrameRate(100, per: 3), format: .gif, transparent: false)
    #expect(value(after: "-framerate", in: gif.arguments(output: "x")) == "100/3")
  }
}
