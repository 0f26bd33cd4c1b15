import Canvas

/// The HTML of a click-through deck: one page, its style and script inline, that plays
/// each section's clip as its own slide and holds on its last frame.
///
/// Next (→, space, Page Down, Enter, a click) plays the current slide if it has not
/// played, finishes it at once if it is playing, and otherwise moves on and plays the next
/// one. Back (←, Page Up, Backspace) shows the previous slide as it ends. F toggles full
/// screen, Home and End jump. Opened plainly, the deck plays the first slide; the slide
/// number is kept in the address (`#3`) and a page opened at `#3` shows slide 3 as it ends,
/// so a reload stays put. Nothing is fetched from the network.
public enum DeckPage {
  public struct Entry: Sendable, Equatable {
    /// The clip's path relative to the page.
    public let clip: String
    public let title: String

    public init(clip: String, title: String) {
      self.clip = clip
      self.title = title
    }
  }

  /// The page for `entries`, in the theme's colours; `aspect` (width / height) keeps the
  /// clips' shape in any window.
  public static func html(title: String, entries: [Entry], background: Color, ink: Color, aspect: Double) -> String {
    let videos = entries.enumerated().map { index, entry in
      """
          <video src="\(HTML.link(entry.clip))" data-title="\(HTML.escape(entry.title))" muted playsinline \
      preload="auto" aria-label="Slide \(index + 1): \(HTML.escape(entry.title))"></video>
      """
    }.joined(separator: "\n")
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Reel">
      <title>\(HTML.escape(title))</title>
      <style>
        html, body { margin: 0; height: 100%; background: \(background.hex); overflow: hidden; }
        body { font: 15px/1.4 "DejaVu Sans", system-ui, sans-serif; color: \(ink.hex); cursor: pointer; }
        #stage { position: absolute; inset: 0; margin: auto; max-width: 100vw; max-height: 100vh;
                 aspect-ratio: \(String(format: "%.6f", aspect)); width: min(100vw, calc(100vh * \(String(format: "%.6f", aspect)))); }
        video { position: absolute; inset: 0; width: 100%; height: 100%; visibility: hidden; }
        video.current { visibility: visible; }
        #hud { position: fixed; right: 14px; bottom: 12px; opacity: 0.85; transition: opacity 0.6s;
               padding: 3px 10px; border-radius: 6px; background: \(background.withAlpha(0.85).hex);
               user-select: none; font-variant-numeric: tabular-nums; }
        #hud.quiet { opacity: 0; }
        #hud kbd { font: inherit; border: 1px solid currentColor; border-radius: 4px; padding: 0 4px; }
      </style>
      </head>
      <body>
      <main id="stage">
      \(videos)
      </main>
      <div id="hud" role="status" aria-live="polite"></div>
      <noscript><p style="position:fixed;top:1em;left:1em">This deck needs JavaScript to step through its slides.</p></noscript>
      <script>
      "use strict";
      (() => {
        const slides = Array.from(document.querySelectorAll("video"));
        const hud = document.getElementById("hud");
        let current = 0;
        let phase = "start";  // "start": not played yet, "playing", "end": holding the last frame
        let request = 0;      // counts show() calls, so a late promise or event of an earlier one is ignored
        let hudTimer = 0;

        function showHud(text, markup) {
          if (markup) { hud.innerHTML = markup; } else { hud.textContent = text; }
          hud.classList.remove("quiet");
          clearTimeout(hudTimer);
          hudTimer = setTimeout(() => hud.classList.add("quiet"), 2500);
        }
        function label() {
          return (current + 1) + " / " + slides.length + " \\u00b7 " + slides[current].dataset.title;
        }
        function atEnd(video) {
          video.pause();
          const mine = request;
          const seek = () => { if (mine === request) { video.currentTime = video.duration; } };
          if (isFinite(video.duration)) { seek(); } else { video.addEventListener("loadedmetadata", seek, { once: true }); }
        }
        function show(index, how) {
          request += 1;
          const mine = request;
          slides.forEach((video, k) => { if (k !== index) { video.pause(); } });
          current = index;
          const video = slides[index];
          if (how === "play") {
            video.currentTime = 0;
            phase = "playing";
            // A play() cut short by a pause (the next key press) rejects; only the latest counts.
            video.play().catch(() => { if (mine === request && phase === "playing") { phase = "start"; } });
          }
          else if (how === "end") { atEnd(video); phase = "end"; }
          else { video.pause(); video.currentTime = 0; phase = "start"; }
          slides.forEach((other, k) => other.classList.toggle("current", k === index));
          history.replaceState(null, "", "#" + (index + 1));
          showHud(label());
        }
        function next() {
          const video = slides[current];
          if (phase === "start") { show(current, "play"); }
          else if (phase === "playing") { atEnd(video); phase = "end"; }
          else if (current + 1 < slides.length) { show(current + 1, "play"); }
          else { showHud(label() + " \\u00b7 end of deck"); }
        }
        function back() {
          if (current > 0) { show(current - 1, "end"); } else { show(0, "start"); }
        }
        function fullScreen() {
          if (document.fullscreenElement) { document.exitFullscreen(); }
          else { document.documentElement.requestFullscreen().catch(() => {}); }
        }
        slides.forEach((video, k) => video.addEventListener("ended", () => { if (k === current) { phase = "end"; } }));
        document.addEventListener("keydown", (event) => {
          if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) { return; }
          switch (event.key) {
            case "ArrowRight": case "ArrowDown": case "PageDown": case " ": case "Enter": next(); break;
            case "ArrowLeft": case "ArrowUp": case "PageUp": case "Backspace": back(); break;
            case "Home": show(0, "start"); break;
            case "End": show(slides.length - 1, "end"); break;
            case "f": case "F": fullScreen(); break;
            default: return;
          }
          event.preventDefault();
        });
        document.addEventListener("click", next);
        window.addEventListener("hashchange", () => {
          const asked = parseInt(location.hash.slice(1), 10);
          if (asked >= 1 && asked <= slides.length && asked !== current + 1) { show(asked - 1, "end"); }
        });
        const asked = parseInt(location.hash.slice(1), 10);
        if (asked >= 1 && asked <= slides.length) { show(asked - 1, "end"); }
        else {
          show(0, "play");
          showHud("", "<kbd>\\u2192</kbd> or click: next \\u00b7 <kbd>\\u2190</kbd> back \\u00b7 <kbd>F</kbd> full screen");
        }
      })();
      </script>
      </body>
      </html>

      """
  }
}
