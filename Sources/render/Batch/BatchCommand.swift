import ArgumentParser
import Batch
import Export
import Foundation
import Scenes

/// `render batch`: many renders from one jobs file, on all cores, skipping those whose
/// outputs are up to date, then a gallery of everything in the output folder.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Render many jobs from a YAML or JSON file (or every scene), cached, on all cores.",
    discussion: """
      A jobs file lists jobs, each a scene with its options:
        defaults: { quality: medium }
        jobs:
          - scene: softmax
            name: softmax-hot
            temperature: 2
          - scene: attention-heatmap
            slides: [png, pdf, html]
      A field x: value is the option --x value (a list is comma-separated, true turns a flag on,
      quality: low|medium|high|production|4k is -ql … -qk). A job whose outputs are up to date
      (same options, Reel, libraries, fonts and ffmpeg; files unchanged) is skipped.
      Afterwards OUTPUT/index.html shows everything rendered.
      """)

  @Argument(help: ArgumentHelp("The jobs file (.yaml, .yml or .json).", valueName: "jobs-file"))
  var jobsFile: String?

  @Flag(help: "Render every scene with its defaults (instead of a jobs file).")
  var all = false

  @Option(
    name: .customLong("jobs"), parsing: .unconditional,
    help: "Jobs rendered side by side (default: one per core).", transform: RenderOptions.whole)
  var slots: Int?

  @Option(help: "Folder for outputs (default: the file's 'output:', else Output).")
  var output: String?

  @Flag(help: "Render every job, even those whose outputs are up to date.")
  var force = false

  @Option(help: "The ffmpeg program to run (default: REEL_FFMPEG, else ffmpeg on PATH).")
  var ffmpeg: String?

  @Flag(inversion: .prefixedNo, help: "Write OUTPUT/index.html, a gallery of everything rendered.")
  var gallery = true

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    let started = Date()
    let file = try loadJobs()
    let root = output ?? file.output ?? "Output"
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let slots = min(self.slots ?? cores, file.jobs.count)
    guard (1...256).contains(slots) else { throw CLIError.usage("--jobs must be between 1 and 256; got \(slots)") }
    let keys = ContentKey(ffmpeg: ffmpeg)
    let jobs = try file.jobs.map { try prepare($0, file: file, root: root, keys: keys) }
    try Self.checkDistinctOutputs(jobs)

    let cleanup = CleanupRegistry()
    defer { cleanup.finish() }
    let interrupts = InterruptHandler(cleanup: cleanup, grace: .seconds(10))
    defer { withExtendedLifetime(interrupts) {} }
    let display = BatchDisplay(jobs: jobs, quiet: quiet)
    let runner = BatchRunner(
      jobs: jobs, slots: slots, threads: max(1, cores / slots), executable: ContentKey.executable,
      sharedArguments: ffmpeg.map { ["--ffmpeg=\($0)"] } ?? [], cleanup: cleanup, display: display)
    runner.run()
    display.finish()

    if gallery && !cleanup.isAborted {
      do {
        let page = try Gallery(root: root, ffmpeg: try? FFmpeg.locate(explicit: ffmpeg)).write()
        if !quiet { StandardError.write("gallery: \(page)\n") }
      } catch {
        Render.printError("the gallery could not be written: \(error)")
      }
    }
    if !quiet { print(display.table(elapsed: Date().timeIntervalSince(started))) }
    if let signal = cleanup.interruption { throw CLIError.failure(ExportError.interrupted(signal: signal)) }
    let failed = jobs.filter { if case .failed = $0.status { return true } else { return false } }
    if !failed.isEmpty {
      if quiet {
        for job in failed {
          if case .failed(let reason) = job.status { Render.printError("\(job.spec.name) (\(job.place)): \(reason)") }
        }
      }
      throw ExitCode(1)
    }
  }

  private func loadJobs() throws -> JobsFile {
    switch (jobsFile, all) {
    case (nil, false): throw CLIError.usage("name a jobs file (render batch course.yaml), or use --all")
    case (.some, true): throw CLIError.usage("use a jobs file or --all, not both")
    case (nil, true):
      let specs = SceneCatalog.all.enumerated().map { JobSpec(scene: $1.name, name: $1.name, line: $0 + 1, fields: []) }
      return JobsFile(path: "--all", output: nil, jobs: specs)
    case (let path?, false):
      do {
        return try JobsFile.load(path)
      } catch let error as JobsFileError {
        throw CLIError.usage(error.description)
      }
    }
  }

  /// The job for `spec`: its command line, checked by the same parser the CLI uses; its
  /// plan and key; skipped when its outputs are up to date. A job whose options do not
  /// parse is failed here, with the line and field, and the others still run.
  private func prepare(_ spec: JobSpec, file: JobsFile, root: String, keys: ContentKey) throws -> BatchJob {
    let place = "\(file.path):\(spec.line)"
    guard SceneCatalog.scene(named: spec.scene) != nil else {
      throw CLIError.usage(
        "\(place): field 'scene': unknown scene '\(spec.scene)'; the scenes are: "
          + SceneCatalog.all.map { $0.name }.joined(separator: ", "))
    }
    var options = Array(spec.arguments.dropFirst()).sorted()
    if !spec.fields.contains(where: { $0.name == "output" }) { options.append("--output=\(root)") }
    let arguments = Render.withSlidesDefault([spec.scene] + options)
    let key = keys.key(for: arguments)
    let plan: RenderPlan
    do {
      plan = try Self.plan(arguments)
    } catch {
      let message = Render.lowercasingFirst(Self.firstLine(of: error))
      let field = spec.field(mentionedIn: message)
      let reason = field.map { "field '\($0.name)': \(message)" } ?? message
      return BatchJob(
        spec: spec, place: field.map { "\(file.path):\($0.line)" } ?? place, arguments: arguments, plan: nil,
        key: key, status: .failed(reason))
    }
    var upToDate = false
    if !force, let record = OutputRecord.read(plan.recordPath) {
      upToDate = record.isCurrent(key: key, folder: plan.paths.folder)
    }
    return BatchJob(
      spec: spec, place: place, arguments: arguments, plan: plan, key: key, status: upToDate ? .skipped : .waiting)
  }

  /// Parses a scene's command line as the CLI would and plans it.
  private static func plan(_ arguments: [String]) throws -> RenderPlan {
    let command: ParsableCommand = try Render.parseAsRoot(arguments)
    guard let plannable = command as? PlannableRender else {
      throw CLIError.usage("'\(arguments.first ?? "")' is not a scene")
    }
    return try plannable.plan()
  }

  private static func firstLine(of error: Error) -> String {
    let text = (error as? CLIError)?.description ?? Render.message(for: error)
    let line = text.split(separator: "\n").first.map(String.init) ?? text
    return line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
  }

  /// Two jobs writing the same outputs would overwrite each other: refused with both lines.
  static func checkDistinctOutputs(_ jobs: [BatchJob]) throws {
    var seen: [String: BatchJob] = [:]
    for job in jobs {
      for output in job.plan?.outputs.sorted() ?? [] {
        if let first = seen[output], let root = job.plan?.paths.folder {
          let shown = output.dropFirst((root as NSString).deletingLastPathComponent.count + 1)
          throw CLIError.usage(
            "\(job.place): job '\(job.spec.name)' writes \(shown) as the job at \(first.place) does; give one of them another 'name:'"
          )
        }
        seen[output] = job
      }
    }
  }
}
