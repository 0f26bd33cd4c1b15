/// One job of a batch as the jobs file states it: a scene, the name of its outputs, and
/// its options, each remembered with the line it came from so errors can point there.
public struct JobSpec: Sendable, Equatable {
  /// One option: `--name value`, or a flag that is on.
  public struct Field: Sendable, Equatable {
    public let name: String
    public let value: Value
    /// The line in the jobs file (a default's line when the job does not set it).
    public let line: Int

    public enum Value: Sendable, Equatable {
      case flag(Bool)
      case text(String)
    }

    public init(name: String, value: Value, line: Int) {
      self.name = name
      self.value = value
      self.line = line
    }
  }

  public let scene: String
  /// The outputs' base name: the `name` field, else the scene's name.
  public let name: String
  /// The line where the job starts.
  public let line: Int
  public let fields: [Field]

  public init(scene: String, name: String, line: Int, fields: [Field]) {
    self.scene = scene
    self.name = name
    self.line = line
    self.fields = fields
  }

  /// Manim's quality names and the flags they stand for.
  static let qualityFlags = [
    "low": "-ql", "l": "-ql", "medium": "-qm", "m": "-qm", "high": "-qh", "h": "-qh",
    "production": "-qp", "p": "-qp", "4k": "-qk", "k": "-qk",
  ]

  /// The command line that renders this job: `[scene, --option, value, …]`.
  public var arguments: [String] {
    var result = [scene]
    for field in fields {
      switch field.value {
      case .flag(let on):
        if on { result.append("--\(field.name)") }
      case .text(let text):
        if field.name == "quality", let flag = Self.qualityFlags[text.lowercased()] {
          result.append(flag)
        } else {
          // `--name=value`, so a value starting with '-' stays a value.
          result.append("--\(field.name)=\(text)")
        }
      }
    }
    return result
  }

  /// The field an error message about `--option` (or `-q…` for quality) is about.
  public func field(mentionedIn message: String) -> Field? {
    fields.first { field in
      message.contains("--\(field.name)") || (field.name == "quality" && message.contains("-q"))
    }
  }
}
