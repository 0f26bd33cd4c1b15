import Export

/// The HTML of the gallery: one card per output folder, style inline, no script, nothing
/// fetched from the network.
enum GalleryPage {
  static func html(title: String, entries: [Gallery.Entry]) -> String {
    let cards = entries.map(card).joined(separator: "\n")
    let empty = entries.isEmpty ? "<p class=\"note\">Nothing rendered here yet.</p>" : ""
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Reel">
      <title>Reel · \(HTML.escape(title))</title>
      <style>
        body { margin: 0; padding: 32px 40px 48px; background: #f6f7f9; color: #1d2330;
               font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; }
        header h1 { margin: 0 0 4px; font-size: 26px; }
        .note { color: #5a6273; margin: 0 0 24px; }
        main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 24px; }
        section { background: #fff; border: 1px solid #dde1e8; border-radius: 10px; padding: 16px 18px 18px; }
        h2 { margin: 0 0 10px; font-size: 18px; }
        h3 { margin: 14px 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: #5a6273; }
        video, .media img { display: block; width: 100%; border-radius: 6px; background: #e9ecf1; }
        .media + .media { margin-top: 10px; }
        .links { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-top: 8px; }
        a { color: #1f5fbf; text-decoration: none; }
        a:hover { text-decoration: underline; }
        .thumbs { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px; }
        .thumbs img { display: block; width: 100%; border-radius: 4px; border: 1px solid #dde1e8; }
        .thumbs figcaption { font-size: 12px; color: #5a6273; margin-top: 2px; overflow: hidden;
                             text-overflow: ellipsis; white-space: nowrap; }
        figure { margin: 0; }
      </style>
      </head>
      <body>
      <header>
      <h1>\(HTML.escape(title))</h1>
      <p class="note">\(entries.count) output folder\(entries.count == 1 ? "" : "s"), rendered with Reel.</p>
      </header>
      \(empty)
      <main>
      \(cards)
      </main>
      </body>
      </html>

      """
  }

  private static func card(_ entry: Gallery.Entry) -> String {
    var parts: [String] = ["<section>", "<h2>\(HTML.escape(entry.name))</h2>"]
    for clip in entry.clips {
      let name = fileName(clip)
      if clip.hasSuffix(".gif") {
        parts.append("<div class=\"media\"><img src=\"\(HTML.link(clip))\" alt=\"\(HTML.escape(name))\"></div>")
      } else {
        let poster = entry.posters[clip].map { " poster=\"\(HTML.link($0))\"" } ?? ""
        parts.append(
          "<div class=\"media\"><video src=\"\(HTML.link(clip))\"\(poster) controls preload=\"metadata\" muted playsinline></video></div>"
        )
      }
      parts.append("<div class=\"links\"><a href=\"\(HTML.link(clip))\" download>\(HTML.escape(name))</a></div>")
    }
    if !entry.slides.isEmpty || entry.slidesPDF != nil || entry.deck != nil || !entry.vectorSlides.isEmpty {
      parts.append("<h3>Slides</h3>")
      if !entry.slides.isEmpty {
        let figures = entry.slides.map { slide in
          "<figure><a href=\"\(HTML.link(slide))\"><img src=\"\(HTML.link(slide))\" alt=\"\(HTML.escape(fileName(slide)))\"></a><figcaption>\(HTML.escape(fileName(slide)))</figcaption></figure>"
        }
        parts.append("<div class=\"thumbs\">" + figures.joined() + "</div>")
      }
      var links: [String] = []
      if let deck = entry.deck { links.append("<a href=\"\(HTML.link(deck))\">HTML deck</a>") }
      if let pdf = entry.slidesPDF { links.append("<a href=\"\(HTML.link(pdf))\">PDF</a>") }
      links += entry.vectorSlides.map { "<a href=\"\(HTML.link($0))\">\(HTML.escape(fileName($0)))</a>" }
      if !links.isEmpty { parts.append("<div class=\"links\">" + links.joined(separator: " ") + "</div>") }
    }
    if !entry.stills.isEmpty {
      parts.append("<h3>Stills</h3>")
      let figures = entry.stills.map { still in
        "<figure><a href=\"\(HTML.link(still))\"><img src=\"\(HTML.link(still))\" alt=\"\(HTML.escape(fileName(still)))\"></a><figcaption>\(HTML.escape(fileName(still)))</figcaption></figure>"
      }
      parts.append("<div class=\"thumbs\">" + figures.joined() + "</div>")
    }
    if let frames = entry.frames {
      parts.append("<h3>Frames</h3>")
      parts.append(
        "<div class=\"thumbs\"><figure><a href=\"\(HTML.link(frames.folder))/\"><img src=\"\(HTML.link(frames.first))\" alt=\"first frame\"></a><figcaption>\(frames.count) PNG frames</figcaption></figure></div>"
      )
    }
    if !entry.segments.isEmpty {
      parts.append("<h3>Segments</h3>")
      parts.append(
        "<div class=\"links\">"
          + entry.segments.map { "<a href=\"\(HTML.link($0))\">\(HTML.escape(fileName($0)))</a>" }.joined(
            separator: " ")
          + "</div>")
    }
    parts.append("</section>")
    return parts.joined(separator: "\n")
  }

  private static func fileName(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }
}
