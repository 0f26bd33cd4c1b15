import Foundation
import Testing

/// Runs a program from Debian's packages (pdfinfo, pdftotext, chromium, ffmpeg) and
/// collects what it prints.
enum ExternalTool {
  struct Output {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static func run(_ program: String, _ arguments: [String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// The SSIM ffmpeg measures between two videos (the "All" figure).
  static func ssim(_ a: String, _ b: String) throws -> Double {
    let result = try run("ffmpeg", ["-hide_banner", "-i", a, "-i", b, "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-"])
    let line = result.stderr.split(separator: "\n").first { $0.contains("SSIM") && $0.contains("All:") }
    let value = line?.split(separator: " ").first { $0.hasPrefix("All:") }?.dropFirst(4)
    return Double(value ?? "") ?? 0
  }
}

/// Loads a page in headless Chromium (Debian's `chromium`) and reports on it: the
/// harness page frames it, waits for every video's metadata and every image to decode,
/// optionally presses keys, and writes the results as JSON into its own DOM, which
/// Chromium prints. Console messages of the page come from Chromium's log.
enum HeadlessChromium {
  struct Report {
    /// Parsed from the harness: videos (src, duration, error, width), images (src, width),
    /// which video is current after each key, and the page's address hash.
    let json: [String: Any]
    /// Console messages and uncaught errors, from Chromium's log.
    let console: [String]

    var videos: [[String: Any]] { json["videos"] as? [[String: Any]] ?? [] }
    var images: [[String: Any]] { json["images"] as? [[String: Any]] ?? [] }
  }

  static func load(_ page: URL, keys: [String] = []) throws -> Report {
    let folder = try RenderCommand.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let harness = folder.appendingPathComponent("harness.html")
    let keyList = keys.map { "\"\($0)\"" }.joined(separator: ",")
    let html = """
      <!DOCTYPE html><html><body><pre id="result">pending</pre>
      <iframe id="page" src="\(page.absoluteString)" width="960" height="540"></iframe>
      <script>
      const frame = document.getElementById("page");
      frame.addEventListener("load", async () => {
        const doc = frame.contentDocument;
        const videos = Array.from(doc.querySelectorAll("video"));
        const images = Array.from(doc.querySelectorAll("img"));
        const ready = (v) => v.readyState >= 1 ? Promise.resolve() : new Promise((ok) => {
          v.addEventListener("loadedmetadata", ok, { once: true });
          v.addEventListener("error", ok, { once: true }); });
        await Promise.all(videos.map(ready));
        await Promise.all(images.map((i) => i.decode().catch(() => {})));
        // A poster is loaded as an image of its own (decode() on such an image can hang).
        const posters = await Promise.all(videos.filter((v) => v.poster).map((v) => new Promise((ok) => {
          const image = new Image();
          image.onload = () => ok({ src: v.getAttribute("poster"), width: image.naturalWidth });
          image.onerror = () => ok({ src: v.getAttribute("poster"), width: 0 });
          image.src = v.poster; })));
        const current = () => videos.findIndex((v) => v.classList.contains("current"));
        const steps = [current()];
        for (const key of [\(keyList)]) {
          doc.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true }));
          steps.push(current());
        }
        document.getElementById("result").textContent = JSON.stringify({
          videos: videos.map((v) => ({ src: v.getAttribute("src"), duration: v.duration,
            error: v.error ? v.error.code : 0, width: v.videoWidth })),
          images: images.map((i) => ({ src: i.getAttribute("src"), width: i.naturalWidth })).concat(posters),
          steps: steps, hash: frame.contentWindow.location.hash });
      });
      </script></body></html>
      """
    try Data(html.utf8).write(to: harness)
    // Should Chromium dump the page before the harness finished (virtual time does not
    // wait for media on a busy machine), the run is repeated, up to five times.
    var result = ExternalTool.Output(status: -1, stdout: "", stderr: "")
    var text = "pending"
    for attempt in 1...5 where text == "pending" {
      result = try ExternalTool.run(
        "chromium",
        [
          "--headless", "--no-sandbox", "--disable-gpu",
          "--user-data-dir=\(folder.appendingPathComponent("profile-\(attempt)").path)",
          "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=30000",
          "--dump-dom", harness.absoluteString,
        ])
      let dom = result.stdout
      guard let start = dom.range(of: "<pre id=\"result\">"),
        let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
      else { continue }
      text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
    guard let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
      Issue.record("chromium did not finish the harness (status \(result.status)): \(result.stderr.suffix(600))")
      return Report(json: [:], console: [])
    }
    // Messages from the page under test (the harness logs nothing).
    let console = result.stderr.split(separator: "\n").map(String.init).filter {
      $0.contains(":CONSOLE") && !$0.contains("harness.html")
    }
    return Report(json: json, console: console)
  }
}
