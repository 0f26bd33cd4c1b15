"""Compares Reel's typesetting with LaTeX's, formula by formula (see compare-with-latex).

For each formula: LaTeX's box (width, height, depth from \\wd \\ht \\dp, printed to the log)
against `render tex --metrics`, and the ink's width and height in 600 dpi images of both;
then a sheet with LaTeX on the left and Reel on the right, and a table in summary.md.
"""
import os
import re
import subprocess
import sys

from PIL import Image, ImageOps

render, fixture, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
DPI = 600
SIZE = 10  # pt: LaTeX's default

formulas = []
for line in open(fixture, encoding="utf-8"):
    if line.startswith("#") or "|" not in line:
        continue
    name, latex = line.split("|", 1)
    formulas.append((name.strip(), latex.strip()))

TEMPLATE = r"""\documentclass[border=0pt]{standalone}
\usepackage{lmodern}
\usepackage[T1]{fontenc}
\usepackage{amsmath,amssymb,xcolor}
\begin{document}
\sbox0{$\displaystyle %s$}%%
\typeout{REELBOX \the\wd0/\the\ht0/\the\dp0}%%
\usebox0
\end{document}
"""


def ink_box(image):
    """The ink's bounding box of a PNG: dark on white, or opaque on transparent."""
    if image.mode == "RGBA" and image.getextrema()[3][0] < 255:
        mask = image.getchannel("A")
    else:
        mask = ImageOps.invert(image.convert("L"))
    return mask.point(lambda v: 255 if v > 96 else 0).getbbox()


def points(text):
    return float(text.replace("pt", ""))


rows = []
for name, latex in formulas:
    base = os.path.join(out, name)
    with open(base + ".tex", "w", encoding="utf-8") as tex:
        tex.write(TEMPLATE % latex)
    run = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-output-directory", out, base + ".tex"],
        capture_output=True, text=True)
    match = re.search(r"REELBOX ([-\d.]+pt)/([-\d.]+pt)/([-\d.]+pt)", run.stdout)
    if run.returncode != 0 or not match:
        rows.append((name, None, None))
        print(f"{name}: LaTeX failed", file=sys.stderr)
        continue
    latex_box = [points(v) for v in match.groups()]
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-singlefile", base + ".pdf", base + "-latex"], check=True)
    ours = subprocess.run(
        [render, "tex", "-o", base + "-reel.png", "--size", str(SIZE), "--dpi", str(DPI), "--metrics", "--", latex],
        capture_output=True, text=True, check=True)
    reel_box = [float(v) for v in re.findall(r"=([-\d.]+)pt", ours.stdout)]
    latex_image = Image.open(base + "-latex.png").convert("RGB")
    reel_image = Image.open(base + "-reel.png")
    li = ink_box(latex_image)
    ri = ink_box(reel_image)
    ink = ((li[2] - li[0], li[3] - li[1]), (ri[2] - ri[0], ri[3] - ri[1]))
    rows.append((name, (latex_box, reel_box), ink))


def percent(ours, theirs):
    return 100 * (ours - theirs) / theirs if theirs else 0.0


lines = [
    "| formula | box width | height (baseline) | depth | ink width | ink height |",
    "|---|---|---|---|---|---|",
]
worst = {"width": 0.0, "ink": 0.0, "baseline": 0.0}
for name, boxes, ink in rows:
    if boxes is None:
        lines.append(f"| {name} | LaTeX failed | | | | |")
        continue
    (lw, lh, ld), (rw, rh, rd) = boxes
    (liw, lih), (riw, rih) = ink
    cells = [percent(rw, lw), rh - lh, rd - ld, percent(riw, liw), percent(rih, lih)]
    worst["width"] = max(worst["width"], abs(cells[0]))
    worst["baseline"] = max(worst["baseline"], abs(cells[1]))
    worst["ink"] = max(worst["ink"], abs(cells[3]), abs(cells[4]))
    lines.append(
        f"| {name} | {cells[0]:+.1f} % | {cells[1]:+.2f} pt | {cells[2]:+.2f} pt | {cells[3]:+.1f} % | {cells[4]:+.1f} % |")
summary = (
    f"Reel against pdflatex + lmodern at {SIZE} pt, {len(rows)} formulas. Worst: box width "
    f"{worst['width']:.1f} %, ink width or height {worst['ink']:.1f} %, height above the baseline "
    f"{worst['baseline']:.2f} pt.\n\n" + "\n".join(lines) + "\n")
with open(os.path.join(out, "summary.md"), "w", encoding="utf-8") as handle:
    handle.write(summary)
print(summary)

# The sheet: LaTeX left, Reel right, on white, scaled to 300 dpi.
pairs = []
for name, boxes, _ in rows:
    if boxes is None:
        continue
    base = os.path.join(out, name)
    left = Image.open(base + "-latex.png").convert("RGB")
    right = Image.new("RGB", Image.open(base + "-reel.png").size, "white")
    reel = Image.open(base + "-reel.png").convert("RGBA")
    right.paste(reel, mask=reel.getchannel("A"))
    left = left.crop(ink_box(left))
    right = right.crop(ink_box(right))
    pairs.append([im.resize((im.width // 2, im.height // 2), Image.LANCZOS) for im in (left, right)])
if not pairs:
    sys.exit("LaTeX typeset none of the formulas; see the .log files in " + out)
column = max(max(a.width, b.width) for a, b in pairs) + 60
height = sum(max(a.height, b.height) + 40 for a, b in pairs) + 40
sheet = Image.new("RGB", (2 * column, height), "white")
y = 20
for a, b in pairs:
    row = max(a.height, b.height)
    sheet.paste(a, (30, y + (row - a.height) // 2))
    sheet.paste(b, (column + 30, y + (row - b.height) // 2))
    y += row + 40
sheet.save(os.path.join(out, "side-by-side.png"))
print(os.path.join(out, "side-by-side.png"))
