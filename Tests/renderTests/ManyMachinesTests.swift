import Foundation
import Testing

/// The README's commands for rendering on many machines, run as written: GNU parallel here
/// and over ssh (a stand-in `ssh` runs the command on this machine), the Slurm array script
/// once per task, the Kubernetes Indexed Job's command once per index; each time the parts
/// join into a clip with every frame.
@Suite(.serialized) struct ManyMachinesTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
    .standardized
  /// In place of the README's `-qh`, so the test is quick: 118 frames.
  static let tiny = "--resolution 160x90 --fps 10 --quiet"

  /// The shell block that follows `<!-- tested: NAME -->` in the README.
  static func readmeBlock(_ name: String) throws -> String {
    let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
    let marker = try #require(readme.range(of: "<!-- tested: \(name) -->\n```sh\n"))
    let end = try #require(readme.range(of: "```", range: marker.upperBound..<readme.endIndex))
    return String(readme[marker.upperBound..<end.lowerBound])
  }

  /// A folder holding `render` (a link to the built binary) and a stand-in `ssh`.
  static func tools() throws -> URL {
    let bin = try RenderCommand.temporaryFolder()
    try FileManager.default.createSymbolicLink(
      at: bin.appendingPathComponent("render"), withDestinationURL: RenderCommand.executable)
    let ssh = bin.appendingPathComponent("ssh")
    // GNU parallel runs `ssh HOST -- COMMAND…`; here the command runs locally.
    try Data("#!/bin/sh\nshift\n[ \"$1\" = \"--\" ] && shift\nexec sh -c \"$*\"\n".utf8).write(to: ssh)
    chmod(ssh.path, 0o755)
    return bin
  }

  /// Runs `script` with bash in `folder`, the tools first on PATH.
  static func bash(_ script: String, in folder: URL, tools: URL, environment: [String: String] = [:]) throws
    -> ExternalTool.Output
  {
    let file = folder.appendingPathComponent("commands.sh")
    try Data(("set -euo pipefail\n" + script).utf8).write(to: file)
    let path = "\(tools.path):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")"
    // A login shell always sets SHELL; without it GNU parallel over ssh runs nothing and
    // still exits 0 (CI machines may start the tests without it).
    let login = ["PATH": path, "SHELL": "/bin/bash"]
    let variables = (login.merging(environment) { $1 }).map { "\($0.key)=\($0.value)" }
    return try ExternalTool.run("env", ["-C", folder.path] + variables + ["bash", file.path])
  }

  static func expectJoinedClip(in folder: URL, _ output: ExternalTool.Output) throws {
    #expect(output.status == 0, "\(output.stderr)")
    let clip = folder.appendingPathComponent("Output/attention-heatmap/attention-heatmap.mp4").path
    let probe = try VideoProbe(clip)
    #expect(probe["nb_read_frames"] == "118" && probe["width"] == "160", "\(probe.fields)")
  }

  @Test func gnuParallelOnThisMachine() throws {
    let folder = try RenderCommand.temporaryFolder()
    let tools = try Self.tools()
    defer {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(at: tools)
    }
    let script = try Self.readmeBlock("parallel-local").replacingOccurrences(of: "-qh", with: Self.tiny)
    #expect(script.contains("parallel -j 4 render attention-heatmap"))
    try Self.expectJoinedClip(in: folder, try Self.bash(script, in: folder, tools: tools))
  }

  @Test func gnuParallelOverSSH() throws {
    let folder = try RenderCommand.temporaryFolder()
    let tools = try Self.tools()
    defer {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(at: tools)
    }
    let script = try Self.readmeBlock("parallel-ssh").replacingOccurrences(of: "-qh", with: Self.tiny)
      .replacingOccurrences(of: "parallel -S", with: "parallel --ssh \(tools.path)/ssh -S")
    #expect(script.contains("-S 4/node1,4/node2 --wd \"$PWD\""))
    try Self.expectJoinedClip(in: folder, try Self.bash(script, in: folder, tools: tools))
  }

  @Test func slurmArrayScriptOncePerTask() throws {
    let folder = try RenderCommand.temporaryFolder()
    let tools = try Self.tools()
    defer {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(at: tools)
    }
    let script = Self.repository.appendingPathComponent("Docs/cluster/slurm-render.sbatch").path
    let text = try String(contentsOfFile: script, encoding: .utf8)
    #expect(text.contains("#SBATCH --array=1-8"))
    // What Slurm does for --array=1-8: the script once per task, with its index.
    for task in 1...8 {
      let result = try Self.bash(
        "\(script) attention-heatmap \(Self.tiny)", in: folder, tools: tools,
        environment: ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_CPUS_PER_TASK": "1"])
      #expect(result.status == 0, "task \(task): \(result.stderr)")
    }
    let join =
      "render join Output/attention-heatmap/attention-heatmap-frames-*.mp4 -o Output/attention-heatmap/attention-heatmap.mp4"
    #expect(try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8).contains(join))
    try Self.expectJoinedClip(in: folder, try Self.bash(join, in: folder, tools: tools))
  }

  @Test func kubernetesIndexedJobOncePerIndex() throws {
    let folder = try RenderCommand.temporaryFolder()
    let tools = try Self.tools()
    defer {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(at: tools)
    }
    let manifest = try String(
      contentsOf: Self.repository.appendingPathComponent("Docs/cluster/kubernetes-render-job.yaml"), encoding: .utf8)
    let lines = manifest.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    let completions = try #require(
      lines.first { $0.hasPrefix("completions:") }.flatMap {
        Int($0.dropFirst(12).trimmingCharacters(in: .whitespaces))
      })
    #expect(lines.contains("completionMode: Indexed") && lines.contains("parallelism: \(completions)"))
    let command = try #require(lines.first { $0.hasPrefix("- exec render ") }).dropFirst(2)
    #expect(command.hasSuffix("/\(completions)\""), "the N of --part must equal completions")
    let local = command.replacingOccurrences(of: "-qh", with: Self.tiny).replacingOccurrences(
      of: "/out", with: "Output")
    for index in 0..<completions {
      let result = try Self.bash(local, in: folder, tools: tools, environment: ["JOB_COMPLETION_INDEX": "\(index)"])
      #expect(result.status == 0, "index \(index): \(result.stderr)")
    }
    try Self.expectJoinedClip(
      in: folder,
      try Self.bash(
        "render join Output/attention-heatmap/attention-heatmap-frames-*.mp4 -o Output/attention-heatmap/attention-heatmap.mp4",
        in: folder, tools: tools))
  }
}
