#!/usr/bin/env python3
"""Drafting aid that laid out the pixabots-original grids (sprites/src/**.txt).

The text grids are the source of truth; this script only records how the
first drafts (and the repetitive animation frames) were drawn. Re-running it
overwrites the grids, so it refuses to do that unless given --force.

  python3 tools/sprites/author.py --force [name ...]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from canvas import Canvas, S, ellipse_mask, rows_mask, shade, mask_from_art  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SRC = os.path.join(ROOT, "sprites", "src")

PARTS = {}


def part(cat, name):
    def deco(fn):
        PARTS[(cat, name)] = fn
        return fn
    return deco


# ---------------------------------------------------------------- heads
# Every head fills rows 7..22 (outline included) and is opaque over the
# shared face zone x 5..26, y 10..20 where all eyes live.

@part("heads", "box")
def head_box():
    c = Canvas()
    c.rect(3, 8, 28, 21, "G")
    c.hline(3, 28, 8, "w")
    c.vline(3, 8, 21, "w")
    c.hline(4, 28, 21, "g")
    c.vline(28, 9, 21, "g")
    c.hline(4, 27, 10, "g")            # lid seam
    c.hline(4, 27, 9, "G")
    for (x, y) in ((5, 9), (26, 9), (5, 20), (26, 20)):
        c.set(x, y, "K")               # rivets
    c.put(0, 13, """
.Gg
.Gg
.Gg
.Gg
""", mirror=True)
    c.set(30, 13, "G"); c.set(29, 13, "g")
    c.outline("k")
    return [c]


@part("heads", "ac")
def head_ac():
    c = Canvas()
    m = rows_mask({y: [(1, 30)] for y in range(8, 22)})
    m -= {(1, 8), (30, 8), (1, 21), (30, 21)}
    shade(c, m, "w", None, "G")
    c.hline(2, 29, 9, "w")
    c.hline(2, 29, 19, "G")
    c.hline(3, 28, 20, "K")            # air outlet slot
    c.put(3, 20, "g.g.g.g.g.g.g.g.g.g.g.g.g.")  # louver blades
    c.put(2, 21, "gggggggggggggggggggggggggggg")
    c.put(24, 8, """
kkkkk
kdcdk
""")
    c.set(3, 9, "t")                   # power LED
    # side intake grilles
    for y in range(11, 18, 2):
        c.set(2, y, "G")
        c.set(29, y, "G")
    c.outline("k")
    return [c]


def blob_canvas(base, light, dark, spot, gloss):
    c = Canvas()
    m = rows_mask({
        8: [(9, 21)],
        9: [(5, 25)],
        10: [(3, 28)],
        11: [(2, 29)],
        **{y: [(1, 30)] for y in range(12, 20)},
        20: [(2, 29)],
        21: [(3, 13), (17, 28)],
    })
    m |= {(23, 9), (24, 9), (25, 9), (26, 9)}
    shade(c, m, base, None, dark)
    for (x, y) in m:
        if (x, y - 1) not in m:
            c.set(x, y, light)
    c.put(4, 9, """
..ww
.w
""")
    c.put(27, 12, "..\n.")
    for (x, y) in ((28, 14), (27, 15), (3, 17), (4, 18), (28, 18)):
        c.set(x, y, spot)
    c.set(6, 10, gloss)
    c.outline("k")
    return c


@part("heads", "blob")
def head_blob():
    return [blob_canvas("l", "Y", "n", "n", "w")]


@part("heads", "blob-blue")
def head_blob_blue():
    return [blob_canvas("c", "w", "b", "C", "w")]


@part("heads", "bowl")
def head_bowl():
    c = Canvas()
    m = rows_mask({
        **{y: [(1, 30)] for y in range(8, 11)},
        **{y: [(2, 29)] for y in range(11, 19)},
        19: [(3, 28)],
        20: [(4, 27)],
        21: [(7, 24)],
    })
    shade(c, m, "b", None, "B")
    c.hline(1, 30, 8, "w")             # rim
    c.hline(2, 29, 9, "B")             # inside of the bowl
    c.set(1, 9, "w"); c.set(30, 9, "G")
    c.hline(1, 30, 10, "w")
    c.hline(2, 29, 11, "c")
    c.vline(3, 12, 17, "c")            # glaze highlight
    c.put(4, 18, "c")
    c.hline(5, 26, 16, "w")            # decorative band
    c.put(5, 16, "w.w.w.w.w.w.w.w.w.w.w.")
    c.put(5, 16, ".B.B.B.B.B.B.B.B.B.B.B")
    c.hline(8, 23, 21, "B")
    c.outline("k")
    return [c]


@part("heads", "punch-bowl")
def head_punch_bowl():
    c = Canvas()
    m = rows_mask({
        **{y: [(1, 30)] for y in range(8, 11)},
        **{y: [(2, 29)] for y in range(11, 18)},
        18: [(3, 28)],
        19: [(4, 27)],
        20: [(6, 25)],
        21: [(10, 21)],
    })
    shade(c, m, "r", None, "R")
    c.hline(1, 30, 8, "w")             # glass rim
    c.hline(1, 30, 9, "c")
    c.hline(2, 29, 10, "p")            # punch surface
    c.hline(2, 29, 11, "r")
    # glass walls
    for (x, y) in m:
        if (x - 1, y) not in m or (x + 1, y) not in m:
            c.set(x, y, "c")
    c.vline(3, 12, 16, "w")            # glass glint
    c.put(4, 17, "w")
    # floating fruit on the surface
    c.put(6, 9, """
.oo
oyyo
""")
    c.put(21, 9, """
.ll
lYYl
""")
    c.put(14, 10, "ww")
    c.put(10, 21, "cccccccccccc")
    c.outline("k")
    return [c]


@part("heads", "commodore")
def head_commodore():
    c = Canvas()
    m = rows_mask({y: [(1, 30)] for y in range(8, 22)})
    m -= {(1, 8), (30, 8)}
    shade(c, m, "s", None, "S")
    c.hline(2, 29, 8, "Y")             # lit top edge of the case
    c.hline(1, 30, 9, "S")             # slope to the keyboard deck
    c.put(3, 8, "roylb")               # rainbow badge
    c.put(3, 9, "roylb")
    # keyboard: three rows of keys
    for y, off in ((16, 3), (18, 4), (20, 3)):
        for x in range(off, 26, 2):
            c.set(x, y, "M")
        c.hline(3, 26, y - 1 if y == 16 else y - 1, c.get(3, y - 1))
    c.hline(8, 21, 20, "M")            # space bar
    c.set(7, 20, "S"); c.set(22, 20, "S")
    # function keys on the right
    for y in (11, 13, 15, 17):
        c.hline(27, 29, y, "m")
    c.set(28, 20, "r")                 # power LED
    c.outline("k")
    return [c]


@part("heads", "frame")
def head_frame():
    c = Canvas()
    m = rows_mask({y: [(1, 30)] for y in range(8, 22)})
    shade(c, m, "y", "Y", "o")
    c.rect(4, 10, 27, 20, "m")         # inner bevel
    c.rect(5, 11, 26, 19, "c")         # canvas
    c.hline(5, 26, 11, "w")
    c.put(5, 18, "..n.........l....n....")
    c.put(5, 19, "nnlnnnlnnnnllnnnlnnnln")
    for (x, y) in ((2, 9), (29, 9), (2, 20), (29, 20)):
        c.set(x, y, "w")
    c.hline(13, 18, 21, "m")           # name plate
    c.hline(14, 17, 21, "Y")
    c.outline("k")
    return [c]


# ---------------------------------------------------------------- output

def write_part(cat, name, frames):
    path = os.path.join(SRC, cat, name + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join("\n".join(fr.rows()) for fr in frames) + "\n")


def main(argv):
    if "--force" not in argv:
        print(__doc__)
        return 1
    names = [a for a in argv if not a.startswith("--")]
    for (cat, name), fn in PARTS.items():
        if names and name not in names and cat not in names:
            continue
        write_part(cat, name, fn())
        print(f"drew {cat}/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
