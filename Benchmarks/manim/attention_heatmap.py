"""Manim CE equivalent of Reel's default clip, `render attention-heatmap`, for
Benchmarks/manim-bench: the same frame, the same figures, the same animations, the same
sections and length (11.8 s: title 0.6, tokens 1.0, weights 3.6, focus 6.6).

On screen, as in Reel's clip: the title and subtitle (the formula set in Latin Modern,
then what it means), the footnote; 7 row and 7 column token labels and the two axis
titles; a 7x7 grid of rounded cells in viridis with each cell's value printed in black or
white (whichever contrasts more, WCAG, as Reel chooses); a colorbar with its title, six
ticks and their labels; then the focus row ("sat") outlined over a white halo, its top key
("cat") outlined, their four labels recoloured, a leader line and dot, a two-line caption
written on, and the row's keys ranked as bars with values and the total.

The weights are the ones Reel prints for the default sentence and seed 89 (each row
rounded to two decimals so it adds up to exactly 1.00); colours come from the same
256-entry viridis table, picked the same way (matplotlib's floor(v * 256)). Positions are
Reel's layout at 1920x1080 in pixels (measured from its frames), turned into Manim units.
Text is Manim's Text/MarkupText (Pango), never Tex.

Render: manim render -qh --disable_caching attention_heatmap.py AttentionHeatmap

With EVERY_FRAME=1 in the environment the two holds are drawn frame by frame instead of
as one frozen frame: only so that `--format png-sequence` writes one PNG per video frame
(it writes a frozen hold once), for the SSIM reference; the timed render never sets it.
"""

import os

import numpy as np
from manim import (
    ITALIC,
    LEFT,
    PI,
    RIGHT,
    SEMIBOLD,
    UP,
    Create,
    Dot,
    FadeIn,
    LaggedStart,
    Line,
    MarkupText,
    Rectangle,
    RoundedRectangle,
    Scene,
    Text,
    VGroup,
    Write,
    config,
    linear,
)

config.background_color = "#FFFFFF"

# Reel's light theme.
INK = "#1F2430"
MUTED = "#5B6170"
RULE = "#C9CCD3"
SURFACE = "#F1F2F5"
ACCENT = "#E4572E"  # Theme.accent(against: viridis)
BACKGROUND = "#FFFFFF"
SANS = "DejaVu Sans"

TOKENS = ["The", "cat", "sat", "on", "the", "mat", "."]
# render attention-heatmap (seed 89): softmax(QK^T/sqrt(d_k)), each row rounded to sum 1.00.
WEIGHTS = [
    [0.12, 0.17, 0.07, 0.12, 0.11, 0.22, 0.19],
    [0.07, 0.11, 0.15, 0.08, 0.09, 0.39, 0.11],
    [0.02, 0.66, 0.08, 0.03, 0.01, 0.13, 0.07],
    [0.06, 0.17, 0.05, 0.10, 0.05, 0.40, 0.17],
    [0.14, 0.13, 0.09, 0.21, 0.11, 0.18, 0.14],
    [0.14, 0.10, 0.02, 0.04, 0.21, 0.36, 0.13],
    [0.28, 0.21, 0.04, 0.07, 0.24, 0.07, 0.09],
]
FOCUS = 2  # "sat": the query giving another token the most weight over uniform
NAMED = [1]  # "cat" (0.66); the runner-up, "mat" (0.13), is under a quarter of it

# matplotlib's viridis, 0xRRGGBB (Reel's Sources/Canvas/Color/Colormap+Tables.swift).
VIRIDIS = [
    0x440154, 0x440256, 0x450457, 0x450559, 0x46075A, 0x46085C, 0x460A5D, 0x460B5E,
    0x470D60, 0x470E61, 0x471063, 0x471164, 0x471365, 0x481467, 0x481668, 0x481769,
    0x48186A, 0x481A6C, 0x481B6D, 0x481C6E, 0x481D6F, 0x481F70, 0x482071, 0x482173,
    0x482374, 0x482475, 0x482576, 0x482677, 0x482878, 0x482979, 0x472A7A, 0x472C7A,
    0x472D7B, 0x472E7C, 0x472F7D, 0x46307E, 0x46327E, 0x46337F, 0x463480, 0x453581,
    0x453781, 0x453882, 0x443983, 0x443A83, 0x443B84, 0x433D84, 0x433E85, 0x423F85,
    0x424086, 0x424186, 0x414287, 0x414487, 0x404588, 0x404688, 0x3F4788, 0x3F4889,
    0x3E4989, 0x3E4A89, 0x3E4C8A, 0x3D4D8A, 0x3D4E8A, 0x3C4F8A, 0x3C508B, 0x3B518B,
    0x3B528B, 0x3A538B, 0x3A548C, 0x39558C, 0x39568C, 0x38588C, 0x38598C, 0x375A8C,
    0x375B8D, 0x365C8D, 0x365D8D, 0x355E8D, 0x355F8D, 0x34608D, 0x34618D, 0x33628D,
    0x33638D, 0x32648E, 0x32658E, 0x31668E, 0x31678E, 0x31688E, 0x30698E, 0x306A8E,
    0x2F6B8E, 0x2F6C8E, 0x2E6D8E, 0x2E6E8E, 0x2E6F8E, 0x2D708E, 0x2D718E, 0x2C718E,
    0x2C728E, 0x2C738E, 0x2B748E, 0x2B758E, 0x2A768E, 0x2A778E, 0x2A788E, 0x29798E,
    0x297A8E, 0x297B8E, 0x287C8E, 0x287D8E, 0x277E8E, 0x277F8E, 0x27808E, 0x26818E,
    0x26828E, 0x26828E, 0x25838E, 0x25848E, 0x25858E, 0x24868E, 0x24878E, 0x23888E,
    0x23898E, 0x238A8D, 0x228B8D, 0x228C8D, 0x228D8D, 0x218E8D, 0x218F8D, 0x21908D,
    0x21918C, 0x20928C, 0x20928C, 0x20938C, 0x1F948C, 0x1F958B, 0x1F968B, 0x1F978B,
    0x1F988B, 0x1F998A, 0x1F9A8A, 0x1E9B8A, 0x1E9C89, 0x1E9D89, 0x1F9E89, 0x1F9F88,
    0x1FA088, 0x1FA188, 0x1FA187, 0x1FA287, 0x20A386, 0x20A486, 0x21A585, 0x21A685,
    0x22A785, 0x22A884, 0x23A983, 0x24AA83, 0x25AB82, 0x25AC82, 0x26AD81, 0x27AD81,
    0x28AE80, 0x29AF7F, 0x2AB07F, 0x2CB17E, 0x2DB27D, 0x2EB37C, 0x2FB47C, 0x31B57B,
    0x32B67A, 0x34B679, 0x35B779, 0x37B878, 0x38B977, 0x3ABA76, 0x3BBB75, 0x3DBC74,
    0x3FBC73, 0x40BD72, 0x42BE71, 0x44BF70, 0x46C06F, 0x48C16E, 0x4AC16D, 0x4CC26C,
    0x4EC36B, 0x50C46A, 0x52C569, 0x54C568, 0x56C667, 0x58C765, 0x5AC864, 0x5CC863,
    0x5EC962, 0x60CA60, 0x63CB5F, 0x65CB5E, 0x67CC5C, 0x69CD5B, 0x6CCD5A, 0x6ECE58,
    0x70CF57, 0x73D056, 0x75D054, 0x77D153, 0x7AD151, 0x7CD250, 0x7FD34E, 0x81D34D,
    0x84D44B, 0x86D549, 0x89D548, 0x8BD646, 0x8ED645, 0x90D743, 0x93D741, 0x95D840,
    0x98D83E, 0x9BD93C, 0x9DD93B, 0xA0DA39, 0xA2DA37, 0xA5DB36, 0xA8DB34, 0xAADC32,
    0xADDC30, 0xB0DD2F, 0xB2DD2D, 0xB5DE2B, 0xB8DE29, 0xBADE28, 0xBDDF26, 0xC0DF25,
    0xC2DF23, 0xC5E021, 0xC8E020, 0xCAE11F, 0xCDE11D, 0xD0E11C, 0xD2E21B, 0xD5E21A,
    0xD8E219, 0xDAE319, 0xDDE318, 0xDFE318, 0xE2E418, 0xE5E419, 0xE7E419, 0xEAE51A,
    0xECE51B, 0xEFE51C, 0xF1E51D, 0xF4E61E, 0xF6E620, 0xF8E621, 0xFBE723, 0xFDE725,
]


def viridis(value):
    return "#%06X" % VIRIDIS[min(int(min(max(value, 0.0), 1.0) * 256), 255)]


def luminance(hex_color):
    def linear_channel(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * linear_channel(r) + 0.7152 * linear_channel(g) + 0.0722 * linear_channel(b)


def contrasting_text(hex_color):
    """Black or white, whichever contrasts more (WCAG), as Reel prints cell values."""
    lum = luminance(hex_color)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


# Reel lays out in pixels of the 1920x1080 frame, y down; Manim's frame is 8 units tall.
UNIT = 8 / 1080
# Manim font_size for a Pango font of `px` pixels at 1080p (Text scales by 0.05 * size/48).
FONT = 0.5338
# Manim stroke_width for a line `px` pixels wide (Cairo camera: 0.01 units per width).
STROKE = 1 / (0.01 / UNIT)


def at(x, y):
    return np.array([(x - 960) * UNIT, (540 - y) * UNIT, 0.0])


def px(length):
    return length * UNIT


def text(string, size, color=INK, **kwargs):
    return Text(string, font=SANS, font_size=size * FONT, color=color, **kwargs)


def markup(string, size, color=INK, **kwargs):
    return MarkupText(string, font=SANS, font_size=size * FONT, color=color, **kwargs)


def place(mobject, x0, x1, y0, y1):
    """Centres the ink box of `mobject` on Reel's ink box x0..x1, y0..y1 (pixels, inclusive)."""
    mobject.move_to(at((x0 + x1 + 1) / 2, (y0 + y1 + 1) / 2))
    return mobject


def box(x0, y0, x1, y1, corner, **style):
    """A rounded rectangle from pixel corners."""
    shape = RoundedRectangle(
        width=px(x1 - x0), height=px(y1 - y0), corner_radius=px(corner), **style
    )
    return shape.move_to(at((x0 + x1) / 2, (y0 + y1) / 2))


class AttentionHeatmap(Scene):
    def hold(self, seconds):
        self.wait(seconds, frozen_frame=False if os.environ.get("EVERY_FRAME") == "1" else None)

    def construct(self):
        n = len(TOKENS)
        grid_x, grid_y, cell, gap = 273.9, 192.2, 117.22, 3.0

        # -- title: on the first frame; the footnote fades in ------------------------
        title = place(text("Self-attention weights", 46, weight=SEMIBOLD), 673, 1248, 38, 82)
        formula = MarkupText(
            "softmax(<i>QK</i><sup>⊤</sup>/√<i>d</i><sub><i>k</i></sub>)",
            font="Latin Modern Roman",
            font_size=29 * FONT,
            color=MUTED,
        )
        formula.scale_to_fit_width(px(258))
        place(formula, 430, 687, 88, 119)
        meaning = place(
            text(": each row is one query's attention over the keys and adds up to 1", 24, MUTED),
            694, 1487, 93, 116,
        )
        footnote = place(
            text(
                "Illustrative weights: seeded random projections of made-up embeddings (seed 89), "
                "not a trained model. Each row is rounded so its values add up to 1.00.",
                18,
                MUTED,
            ),
            265, 1653, 1040, 1057,
        )
        self.add(title, formula, meaning)
        self.play(FadeIn(footnote), run_time=0.6)

        # -- tokens: row and column labels, axis titles -----------------------------
        row_boxes = [
            (209, 259, 238, 260), (219, 261, 358, 378), (220, 261, 475, 495), (228, 259, 596, 612),
            (216, 259, 708, 730), (208, 261, 827, 847), (256, 258, 960, 963),
        ]
        column_boxes = [
            (305, 356, 154, 176), (429, 470, 156, 176), (546, 587, 156, 176), (668, 699, 160, 176),
            (778, 822, 154, 176), (893, 945, 156, 176), (1034, 1036, 172, 175),
        ]
        row_labels = [place(text(t, 28), *b) for t, b in zip(TOKENS, row_boxes)]
        column_labels = [place(text(t, 28), *b) for t, b in zip(TOKENS, column_boxes)]
        keys_title = place(text("Keys", 24, MUTED, slant=ITALIC), 205, 260, 158, 180)
        queries_title = text("Queries", 24, MUTED, slant=ITALIC).rotate(PI / 2)
        place(queries_title, 171, 192, 557, 647)
        self.play(
            # Each part spans the whole play, as in Reel (not the longest one alone).
            LaggedStart(*[FadeIn(l, shift=LEFT * px(10)) for l in row_labels], lag_ratio=0.15, run_time=1.0),
            LaggedStart(*[FadeIn(l, shift=UP * px(10)) for l in column_labels], lag_ratio=0.15, run_time=1.0),
            FadeIn(VGroup(keys_title, queries_title), run_time=1.0),
        )

        # -- weights: the grid fills row by row, the colorbar fades in; then a hold --
        rows = []
        for i, weights in enumerate(WEIGHTS):
            row = VGroup()
            for j, w in enumerate(weights):
                fill = viridis(w)
                x0, y0 = grid_x + j * cell + gap / 2, grid_y + i * cell + gap / 2
                size = cell - gap
                tile = box(
                    x0, y0, x0 + size, y0 + size, size * 0.08,
                    fill_color=fill, fill_opacity=1, stroke_width=0,
                )
                value = text("%.2f" % w, 30, contrasting_text(fill))
                value.move_to(at(x0 + size / 2, y0 + size / 2))
                row.add(tile, value)
            rows.append(row)

        bar_x0, bar_x1, bar_y0, bar_y1 = 1678.5, 1704.5, grid_y, grid_y + n * cell
        gradient = Rectangle(width=px(bar_x1 - bar_x0), height=px(bar_y1 - bar_y0))
        gradient.move_to(at((bar_x0 + bar_x1) / 2, (bar_y0 + bar_y1) / 2))
        gradient.set_fill([viridis(k / 64) for k in range(65)], opacity=1)
        gradient.set_sheen_direction(UP)
        gradient.set_stroke(RULE, width=1 * STROKE)
        colorbar = [place(text("weight", 22, MUTED, slant=ITALIC), 1681, 1753, 148, 169), gradient]
        for v, label in [(0, "0"), (0.2, "0.2"), (0.4, "0.4"), (0.6, "0.6"), (0.8, "0.8"), (1, "1")]:
            y = bar_y1 - v * (bar_y1 - bar_y0)
            colorbar.append(Line(at(bar_x1, y), at(bar_x1 + 6, y), color=MUTED, stroke_width=1.5 * STROKE))
            tick = text(label, 20, MUTED)
            tick.move_to(at(1716, y + 1.5), aligned_edge=LEFT)
            colorbar.append(tick)
        self.play(
            LaggedStart(*[FadeIn(r, rate_func=linear) for r in rows], lag_ratio=1.0, run_time=2.0),
            LaggedStart(*[FadeIn(m) for m in colorbar], lag_ratio=0.1, run_time=2.0),
        )
        self.hold(1.6)

        # -- focus: outline the row and its top key, caption, ranked list -----------
        row_y0 = grid_y + FOCUS * cell

        def outline(x0, y0, x1, y1, width):
            style = dict(fill_opacity=0)
            halo = box(x0, y0, x1, y1, 5, stroke_color=BACKGROUND, stroke_width=2 * width * STROKE, **style)
            line = box(x0, y0, x1, y1, 5, stroke_color=ACCENT, stroke_width=width * STROKE, **style)
            return [halo, line]

        row_outline = outline(grid_x - 4, row_y0 - 4, grid_x + n * cell + 4, row_y0 + cell + 4, 4)
        key_outlines = []
        for key in NAMED:
            x0 = grid_x + key * cell
            key_outlines += outline(x0 + 2, row_y0 + 2, x0 + cell - 2, row_y0 + cell - 2, 3)
        accented = [labels[k] for k in [FOCUS] + NAMED for labels in (row_labels, column_labels)]
        self.play(
            *[Create(m) for m in row_outline],
            *[l.animate.set_color(ACCENT) for l in accented],
            run_time=0.7,
        )
        self.play(*[Create(m) for m in key_outlines], run_time=0.5)

        leader_y = row_y0 + cell / 2 + 1
        leader = [
            Line(at(1100.5, leader_y), at(1140.5, leader_y), color=ACCENT, stroke_width=2 * STROKE),
            Dot(at(1140.5, leader_y), radius=px(4), color=ACCENT),
        ]
        self.play(*[Create(m) for m in leader], run_time=0.4)

        accent = f'<span foreground="{ACCENT}">%s</span>'
        caption = [
            place(markup("“" + accent % "sat" + "” attends most", 30, weight=SEMIBOLD), 1154, 1476, 473, 496),
            place(markup("to “" + accent % "cat" + "” (0.66)", 30, weight=SEMIBOLD), 1151, 1397, 512, 538),
        ]
        self.play(
            LaggedStart(*[Write(c, run_time=1) for c in caption], lag_ratio=0.6),
            run_time=1.2,
            rate_func=linear,
        )

        entries = [  # label, its ink box, weight, named
            ("cat", (1245, 1274, 608, 622), 0.66, True),
            ("mat", (1236, 1274, 639, 653), 0.13, False),
            ("sat (itself)", (1174, 1272, 668, 686), 0.08, False),
            (".", (1270, 1272, 712, 714), 0.07, False),
            ("on", (1251, 1272, 735, 747), 0.03, False),
            ("2 other keys", (1152, 1273, 762, 782), 0.03, False),
        ]
        track_x, track_width = 1286.0, 290.0
        listed = [place(text("its row: each key's weight", 20, MUTED, slant=ITALIC), 1151, 1411, 572, 592)]
        for k, (label, ink, weight, named) in enumerate(entries):
            top = 607.7 + 31.25 * k
            listed.append(
                box(track_x, top, track_x + track_width, top + 14, 3,
                    fill_color=SURFACE, fill_opacity=1, stroke_width=0)
            )
            listed.append(
                box(track_x, top, track_x + track_width * weight, top + 14, 3,
                    fill_color=ACCENT if named else MUTED, fill_opacity=1, stroke_width=0)
            )
            listed.append(place(text(label, 20, ACCENT if named else INK), *ink))
            value = text("%.2f" % weight, 20)
            value.move_to(at(1629.5, top + 7), aligned_edge=RIGHT)
            listed.append(value)
        listed.append(place(text("Σ 1.00", 20, weight=SEMIBOLD), 1562, 1629, 794, 809))
        self.play(
            LaggedStart(*[FadeIn(m, shift=LEFT * px(8)) for m in listed], lag_ratio=0.08),
            run_time=1.0,
        )
        self.hold(2.8)
