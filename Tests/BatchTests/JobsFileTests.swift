import Batch
import Testing

@Suite struct JobsFileTests {
  @Test func fieldsBecomeOptionsWithDefaultsUnderneath() throws {
    let file = try JobsFile.parse(
      """
      output: Course
      defaults:
        quality: medium
        theme: dark
      jobs:
        - scene: softmax
          name: hot
          temperature: 2
          logits: [3, 1, 0.2, -1]
          theme: light
        - scene: attention-heatmap
          transparent: true
          causal: false
          quality: 4k
      """, path: "course.yaml")
    #expect(file.output == "Course")
    #expect(file.jobs.count == 2)
    let hot = file.jobs[0]
    #expect(hot.name == "hot" && hot.scene == "softmax" && hot.line == 6)
    #expect(
      hot.arguments == ["softmax", "-qm", "--name=hot", "--temperature=2", "--logits=3,1,0.2,-1", "--theme=light"])
    let heatmap = file.jobs[1]
    #expect(heatmap.name == "attention-heatmap")
    #expect(heatmap.arguments == ["attention-heatmap", "--theme=dark", "--transparent", "-qk"])
    #expect(heatmap.field(mentionedIn: "--theme must be light or dark")?.line == 4)
    #expect(hot.field(mentionedIn: "the value '3,1,0.2,-1' is invalid for '--logits <logits>'")?.line == 9)
  }

  @Test func aListOfJobsAloneAndJSONAreJobsFilesToo() throws {
    let list = try JobsFile.parse("- scene: softmax\n- scene: attention-heatmap\n  fps: 30\n", path: "a.yaml")
    #expect(list.jobs.map(\.arguments) == [["softmax"], ["attention-heatmap", "--fps=30"]])
    let json = try JobsFile.parse(
      #"{"jobs": [{"scene": "softmax", "slides": ["png", "html"], "transparent": false}]}"#, path: "a.json")
    #expect(json.jobs.map(\.arguments) == [["softmax", "--slides=png,html"]])
  }

  /// YAML 1.1 reads `no`, `on` and `off` as booleans; a name is a name all the same.
  @Test func wordsThatLookBooleanStayWords() throws {
    let file = try JobsFile.parse("- scene: softmax\n  name: no\n  labels: [on, off]\n", path: "a.yaml")
    #expect(file.jobs.map(\.arguments) == [["softmax", "--name=no", "--labels=on,off"]])
  }

  @Test(arguments: [
    ("jobs:\n  - scene: softmax\n    fps: [30\n", "a.yaml:4: not valid YAML"),
    ("jobs:\n  - name: x\n", "a.yaml:2: this job has no 'scene:'"),
    ("jobz:\n  - scene: softmax\n", "a.yaml:1: field 'jobz': unknown field"),
    ("jobs:\n  - scene: softmax\n    threads: 4\n", "a.yaml:3: field 'threads': the batch sets this itself"),
    ("jobs:\n  - scene: softmax\n    labels: {a: 1}\n", "a.yaml:3: field 'labels': expected a value or a list"),
    ("jobs:\n  - scene: softmax\n    fps: 1\n    fps: 2\n", "field 'fps': this field is given twice"),
    ("jobs: []\n", "a.yaml:1: field 'jobs': expected a list of jobs"),
    ("", "a.yaml: it has no jobs"),
  ])
  func malformedFilesSayWhereAndWhat(_ text: String, _ message: String) {
    #expect {
      _ = try JobsFile.parse(text, path: "a.yaml")
    } throws: { error in
      "\(error)".hasPrefix(message) || "\(error)".contains(message)
    }
  }
}
