import Export
import Foundation
import Yams

/// A batch's jobs file, YAML or JSON (JSON is read as YAML):
///
/// ```yaml
/// output: Output            # optional; --output overrides it
/// defaults:                 # optional; options every job has unless it sets them
///   quality: medium
/// jobs:
///   - scene: softmax
///     name: softmax-hot     # the outputs' name (default: the scene's)
///     temperature: 2
///     logits: [3, 1, 0.2, -1]
///   - scene: attention-heatmap
///     slides: [png, pdf]
/// ```
///
/// A list of jobs alone is a jobs file too. A field `x: value` is the option `--x value`;
/// a list is comma-separated; `true` turns a flag on; `quality: low|medium|high|
/// production|4k` is Manim's `-ql` … `-qk`.
public struct JobsFile: Sendable, Equatable {
  public let path: String
  public let output: String?
  public let jobs: [JobSpec]

  public init(path: String, output: String?, jobs: [JobSpec]) {
    self.path = path
    self.output = output
    self.jobs = jobs
  }

  /// Fields the batch sets itself, so a job may not.
  static let reserved: Set<String> = ["threads", "quiet", "sections", "help", "progress-lines", "record-key"]

  public static func load(_ path: String) throws -> JobsFile {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw JobsFileError(path: path, line: nil, message: "cannot read it: \(OutputPaths.reason(error))")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw JobsFileError(path: path, line: nil, message: "it is not UTF-8 text")
    }
    return try parse(text, path: path)
  }

  public static func parse(_ text: String, path: String) throws -> JobsFile {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw JobsFileError(path: path, yamlError: error)
    }
    guard let root else { throw JobsFileError(path: path, line: nil, message: "it has no jobs") }
    var output: String?
    var defaults: [JobSpec.Field] = []
    let jobList: Node
    switch root {
    case .sequence:
      jobList = root
    case .mapping(let mapping):
      var list: Node?
      for (key, value) in mapping {
        let line = key.mark?.line
        switch key.string ?? "" {
        case "jobs": list = value
        case "output":
          guard let text = value.scalar?.string, !text.isEmpty else {
            throw JobsFileError(path: path, line: line, field: "output", message: "write a folder name")
          }
          output = text
        case "defaults":
          defaults = try fields(of: value, path: path, context: "defaults")
        default:
          throw JobsFileError(
            path: path, line: line, field: key.string,
            message: "unknown field; the top level has jobs, defaults and output")
        }
      }
      guard let list else { throw JobsFileError(path: path, line: root.mark?.line, message: "it has no 'jobs:' list") }
      jobList = list
    default:
      throw JobsFileError(path: path, line: root.mark?.line, message: "expected a list of jobs, or a map with 'jobs:'")
    }
    guard case .sequence(let sequence) = jobList, !sequence.isEmpty else {
      throw JobsFileError(path: path, line: jobList.mark?.line, field: "jobs", message: "expected a list of jobs")
    }
    var jobs: [JobSpec] = []
    for node in sequence {
      jobs.append(try job(node, defaults: defaults, path: path))
    }
    return JobsFile(path: path, output: output, jobs: jobs)
  }

  private static func job(_ node: Node, defaults: [JobSpec.Field], path: String) throws -> JobSpec {
    let line = node.mark?.line ?? 0
    guard case .mapping(let mapping) = node else {
      throw JobsFileError(path: path, line: line, message: "a job is a map with at least 'scene: NAME'")
    }
    var scene: String?
    var name: String?
    for (key, value) in mapping {
      switch key.string {
      case "scene":
        guard let text = value.scalar?.string, !text.isEmpty else {
          throw JobsFileError(path: path, line: key.mark?.line, field: "scene", message: "write the scene's name")
        }
        scene = text
      case "name":
        guard let text = value.scalar?.string, !text.isEmpty else {
          throw JobsFileError(path: path, line: key.mark?.line, field: "name", message: "write a name for the outputs")
        }
        name = text
      default: break
      }
    }
    guard let scene else {
      throw JobsFileError(path: path, line: line, message: "this job has no 'scene:'; see 'render list' for the scenes")
    }
    let own = try fields(of: node, path: path, context: "job").filter { $0.name != "scene" }
    let ownNames = Set(own.map(\.name))
    let merged = defaults.filter { !ownNames.contains($0.name) && $0.name != "name" && $0.name != "scene" } + own
    return JobSpec(scene: scene, name: name ?? scene, line: line, fields: merged)
  }

  /// The fields of a map, as options.
  private static func fields(of node: Node, path: String, context: String) throws -> [JobSpec.Field] {
    guard case .mapping(let mapping) = node else {
      throw JobsFileError(path: path, line: node.mark?.line, field: context, message: "expected a map of options")
    }
    return try mapping.map { key, value in
      let line = key.mark?.line ?? 0
      guard let name = key.string, !name.isEmpty else {
        throw JobsFileError(path: path, line: line, message: "a field name must be text")
      }
      let option = name.hasPrefix("--") ? String(name.dropFirst(2)) : name
      if reserved.contains(option) {
        throw JobsFileError(path: path, line: line, field: name, message: "the batch sets this itself; leave it out")
      }
      return JobSpec.Field(name: option, value: try Self.value(value, path: path, field: name), line: line)
    }
  }

  private static func value(_ node: Node, path: String, field: String) throws -> JobSpec.Field.Value {
    switch node {
    case .scalar(let scalar):
      // Only `true` and `false` are flags: YAML 1.1 would also read `no`, `on`, `yes` as
      // booleans, but `name: no` is a name.
      if scalar.style == .plain, ["true", "false"].contains(scalar.string.lowercased()) {
        return .flag(scalar.string.lowercased() == "true")
      }
      return .text(scalar.string)
    case .sequence(let items):
      let texts = try items.map { item -> String in
        guard let text = item.scalar?.string else {
          throw JobsFileError(path: path, line: item.mark?.line, field: field, message: "a list holds plain values")
        }
        return text
      }
      return .text(texts.joined(separator: ","))
    default:
      throw JobsFileError(path: path, line: node.mark?.line, field: field, message: "expected a value or a list")
    }
  }
}

/// A jobs file that cannot be used, with where and why: `course.yaml:12: field 'fps': …`.
public struct JobsFileError: Error, CustomStringConvertible, Equatable {
  public let path: String
  public let line: Int?
  public let field: String?
  public let message: String

  public init(path: String, line: Int?, field: String? = nil, message: String) {
    self.path = path
    self.line = line
    self.field = field
    self.message = message
  }

  init(path: String, yamlError: YamlError) {
    switch yamlError {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let during = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
      self.init(path: path, line: mark.line, message: "not valid YAML: \(problem)\(during)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      self.init(
        path: path, line: context.mark.line, field: duplicates.sorted().first, message: "this field is given twice")
    default:
      self.init(path: path, line: nil, message: "not valid YAML: \(yamlError)")
    }
  }

  public var description: String {
    let place = line.map { "\(path):\($0)" } ?? path
    return "\(place): " + (field.map { "field '\($0)': " } ?? "") + message
  }
}
