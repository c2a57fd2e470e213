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
    c.put(22, 9, "GGGG.cc")          # status display strip
    c.put(26, 9, "t")                  # power LED
    c.put(2, 8, "b.b\n.b.\nb.b")      # snowflake badge
    c.hline(4, 27, 18, "G")            # front panel seam
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
    c.put(5, 19, "w.w.w.w.w.w.w.w.w.w.w.")  # decorative dots
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


# ---------------------------------------------------------------- eyes
# Eyes live inside the face zone x 5..26, y 10..20 (every head is opaque there).

@part("eyes", "big-face")
def eyes_big_face():
    c = Canvas()
    eye = """
.kkkkk.
kwwwwwk
kwwwkwk
kwkkkwk
kwkkkwk
kwwwwwk
.kkkkk.
"""
    c.put(6, 10, eye)
    c.put(19, 10, eye)
    c.put(11, 16, """
..kkkkkk..
.kwwwwwwk.
kRRRRRRRRk
.kRRrrRRk.
..kkkkkk..
""")
    c.put(5, 17, "pp")
    c.put(25, 17, "pp")
    return [c]


def screen(c, x0, y0, x1, y1, border="k", inner="d", round_=0):
    c.rect(x0, y0, x1, y1, border)
    c.rect(x0 + 1, y0 + 1, x1 - 1, y1 - 1, inner)
    if round_:
        for (x, y) in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            c.set(x, y, "_")
        if round_ > 1:
            for (x, y) in ((x0 + 1, y0 + 1), (x1 - 1, y0 + 1), (x0 + 1, y1 - 1), (x1 - 1, y1 - 1)):
                c.set(x, y, border)


@part("eyes", "cheeky-terminal")
def eyes_cheeky_terminal():
    """A terminal that types a cheeky face, pokes its tongue out, winks,
    blinks, wipes the screen and starts over (16 frames)."""
    ink = "c"

    def base():
        c = Canvas()
        screen(c, 6, 10, 25, 20, "k", "d", round_=1)
        c.hline(8, 10, 11, "K")        # glare in the top-left corner
        c.set(7, 12, "K")
        c.set(7, 11, "K")
        return c

    def eye(c, x, state="open"):
        if state == "open":
            c.rect(x, 12, x + 1, 14, ink)
        elif state == "wink":
            c.put(x - 1, 13, ".cc.\nc..c")
        else:
            c.hline(x - 1, x + 2, 14, ink)

    def mouth(c, tongue=False):
        c.put(11, 16, "c........c\n.cccccccc.")
        if tongue:
            c.put(17, 18, "pp\npp")
            c.set(18, 19, "R")

    def cursor(c, x, y):
        c.hline(x, x + 1, y, ink)

    frames = []
    for i in range(16):
        c = base()
        if i in (0, 2, 15):
            cursor(c, 10, 14)
        if 3 <= i <= 13:
            eye(c, 10, "shut" if i == 13 else "open")
        if i == 3:
            cursor(c, 20, 14)
        if 4 <= i <= 13:
            eye(c, 20, "wink" if i in (8, 9) else "shut" if i == 13 else "open")
        if i == 4:
            cursor(c, 11, 17)
        if 5 <= i <= 13:
            mouth(c, tongue=6 <= i <= 10)
        if i == 12:
            cursor(c, 22, 17)
        if i == 14:
            c.hline(7, 24, 15, "C")    # screen wipe
            c.hline(7, 24, 16, "K")
        frames.append(c)
    return frames


@part("eyes", "glasses")
def eyes_glasses():
    """Thick-rimmed specs; frame 1 closes the eyes behind the lenses."""
    lens = """
kkkkkkkk
kcwccccK
kwwwwwwK
kwwwwwwK
kwwwwwwK
.kwwwwK.
..kkkk..
"""
    frames = []
    for closed in (False, True):
        c = Canvas()
        c.put(6, 11, lens)
        c.put(18, 11, lens)
        c.hline(14, 17, 12, "k")       # bridge
        c.hline(14, 17, 11, "K")
        c.set(5, 11, "k"); c.set(26, 11, "k")   # temples
        for x0 in (6, 18):
            if closed:
                c.put(x0 + 2, 14, "kkkk")
                c.put(x0 + 1, 15, "K....K")
            else:
                c.put(x0 + 3, 13, "kk\nkk")
                c.set(x0 + 3, 13, "g")
        frames.append(c)
    return frames


@part("eyes", "human")
def eyes_human():
    eye = """
.kkkkk.
kwbbbwk
kwbkbwk
.kwwwk.
..kkk..
"""
    closed = """
.......
.......
kkkkkkk
.k.k.k.
.......
"""
    frames = []
    for shut in (False, True):
        c = Canvas()
        c.put(7, 11, "..MMMM")
        c.put(18, 11, "MMMM")
        c.put(7, 13, closed if shut else eye)
        c.put(18, 13, closed if shut else eye)
        if not shut:
            c.set(9, 14, "w")
            c.set(20, 14, "w")
        frames.append(c)
    return frames


@part("eyes", "human-2")
def eyes_human_2():
    eye = """
k.kkkkk
.kwwwwwk
.kwmmmwk
.kwmkmwk
..kwwwk.
...kkk..
"""
    closed = """
........
........
........
kkkkkkk.
.kkkkk..
........
"""
    frames = []
    for shut in (False, True):
        c = Canvas()
        c.put(6, 11, closed if shut else eye)
        # right eye is the mirror image of the left
        for y in range(11, 17):
            for x in range(6, 14):
                v = c.get(x, y)
                if v != ".":
                    c.set(31 - x, y, v)
        if not shut:
            c.set(9, 13, "w")
            c.set(20, 13, "w")
        c.put(7, 18, "pp")
        c.put(23, 18, "pp")
        c.put(14, 18, ".kk")
        frames.append(c)
    return frames


@part("eyes", "monitor")
def eyes_monitor():
    c = Canvas()
    c.put(8, 10, """
kkkkkkkkkkkkkkkk
kKKKKKKKKKKKKKKk
kKccbbbbbbbbbbKk
kKcbwwbbbbwwbbKk
kKbbwwbbbbwwbbKk
kKbbbbbbbbbbbbKk
kKbbbwbbbbwbbbKk
kKbbbbwwwwbbbbKk
kKKKKKKKKKKKgtKk
kkkkkkkkkkkkkkkk
.....kggggggk...
""")
    c.set(21, 18, "t")
    c.set(20, 18, "K")
    return [c]


def eyes_monitor():
    c = Canvas()
    screen(c, 8, 10, 23, 19, "k", "G")
    c.rect(10, 12, 21, 17, "b")
    c.hline(10, 21, 12, "c")
    c.set(10, 12, "w")
    c.rect(12, 13, 13, 14, "w")
    c.rect(18, 13, 19, 14, "w")
    c.put(13, 15, "w....w\n.wwww.")
    c.put(13, 18, ".....t")
    c.put(12, 20, "kkkkkkkk")
    c.hline(11, 20, 19, "k")
    c.put(13, 20, "gggggg")
    c.put(12, 20, "k")
    return [c]


@part("eyes", "monitor-round")
def eyes_monitor_round():
    c = Canvas()
    c.put(9, 10, """
...kkkkkkkk...
..kGGGGGGGGk..
.kGkkkkkkkkGk.
kGkCcCCCCCCkGk
kGkcCwCCwCCkGk
kGkCCwCCwCCkGk
kGkCCCCCCCCkGk
kGkCwCCCCwCkGk
kGkCCwwwwCCkGk
.kGkkkkkkkkGk.
..kGGGGGGGGk..
...kkkkkkkk...
""")
    c.set(20, 19, "r")
    return [c]


def eyes_monitor_round():
    c = Canvas()
    c.put(8, 10, """
...kkkkkkkk...
..kGGGGGGGGk..
.kGGkkkkkkGGk.
kGGkCCCCCCkGGk
kGkCwCCCCCCkGk
kGkCCwCCwCCkGk
kGkCCwCCwCCkGk
kGkCCCCCCCCkGk
kGGkCwwwwCkGGk
.kGGkkkkkkGGk.
..kGGGGGGGGk..
...kkkkkkkk...
""")
    c.set(20, 19, "r")
    return [c]


@part("eyes", "mustache")
def eyes_mustache():
    c = Canvas()
    c.put(10, 12, "kk\nkk")
    c.put(20, 12, "kk\nkk")
    c.set(10, 12, "w")
    c.set(20, 12, "w")
    c.put(5, 14, """
........kkkkk.........
.k....kkMMMMMkk....k..
.kk..kMmmmmmmmMk..kk..
..kMkMmmmmmmmmmMkMk...
...kMMmmmkkmmmmMMk....
....kkkkk..kkkkkk.....
""")
    # make it symmetric: mirror the left half over the right
    for y in range(14, 20):
        for x in range(5, 16):
            c.set(31 - x, y, c.get(x, y))
    return [c]


def term_frames(ink, inner, border, hl, shape="bar", round_=1, scan=None, dim="G"):
    """Screen with two eyes and a '>_' prompt; frame 1 closes the eyes."""
    frames = []
    for shut in (False, True):
        c = Canvas()
        screen(c, 6, 10, 25, 20, border, inner, round_=round_)
        if scan:
            for y in range(12, 20, 2):
                c.hline(7, 24, y, scan)
        c.hline(8, 11, 11, hl)         # glare in the top-left corner
        c.set(7, 12, hl)
        c.set(7, 11, hl if round_ < 2 else border)
        for x0 in (9, 19):
            if shut:
                c.hline(x0, x0 + 3, 14, ink)
            elif shape == "bar":
                c.rect(x0 + 1, 12, x0 + 2, 15, ink)
            elif shape == "round":
                c.put(x0, 12, ".xx.\nxxxx\nxxxx\n.xx.".replace("x", ink))
        c.put(8, 17, (dim + "." + "\n." + dim + "\n" + dim + "."))
        c.hline(11, 12, 19, ink)
        frames.append(c)
    return frames


@part("eyes", "terminal")
def eyes_terminal():
    return term_frames("w", "d", "k", "K", "bar")


@part("eyes", "terminal-green")
def eyes_terminal_green():
    return term_frames("t", "d", "k", "N", "bar", scan="N", dim="n")


@part("eyes", "terminal-light")
def eyes_terminal_light():
    c = Canvas()
    screen(c, 6, 10, 25, 20, "k", "Y", round_=1)
    c.hline(8, 11, 11, "w")
    c.set(7, 12, "w")
    caret = """
.K..
K.K.
...K
""".replace("K..\n", "K..\n")
    c.put(9, 12, """
..K..
.K.K.
K...K
""")
    c.put(18, 12, """
..K..
.K.K.
K...K
""")
    c.put(14, 16, "K..K\n.KK.")
    c.put(8, 17, "S.\n.S\nS.")
    c.hline(11, 12, 19, "K")
    return [c]


@part("eyes", "terminal-round")
def eyes_terminal_round():
    return term_frames("c", "B", "k", "b", "round", round_=2, dim="C")


def visor_base(y0, y1):
    c = Canvas()
    c.rect(5, y0, 26, y1, "k")
    c.set(5, y0, "_"); c.set(26, y0, "_"); c.set(5, y1, "_"); c.set(26, y1, "_")
    return c


@part("eyes", "tight-visor")
def eyes_tight_visor():
    frames = []
    pos = [8, 12, 16, 20, 23, 20, 16, 12]
    dirs = [1, 1, 1, 1, 1, -1, -1, -1]
    for i in range(8):
        c = visor_base(13, 16)
        c.hline(6, 25, 14, "K")
        c.hline(6, 25, 15, "K")
        x, d = pos[i], dirs[i]
        for k, col in ((0, "y"), (-1 * d, "o"), (1 * d, "o"), (-2 * d, "r"), (-3 * d, "R"), (-4 * d, "R")):
            if 6 <= x + k <= 25:
                c.set(x + k, 14, col)
                c.set(x + k, 15, col if col != "y" else "o")
        frames.append(c)
    return frames


@part("eyes", "visor")
def eyes_visor():
    frames = []
    for i in range(8):
        c = Canvas()
        c.put(5, 11, """
..kkkkkkkkkkkkkkkkkk..
.kBBBBBBBBBBBBBBBBBBk.
kBBBBBBBBBBBBBBBBBBBBk
kBBBBBBBBBBBBBBBBBBBBk
kbbbbbbbbbbbbbbbbbbbbk
kbbbbbbbbbbbbbbbbbbbbk
.kbbbbbbbbbbbbbbbbbbk.
..kkkkkkkkkkkkkkkkkk..
""")
        # a soft glint sweeping left -> right
        gx = 3 + i * 3
        for row in range(6):
            y = 12 + row
            for k, col in ((0, "w"), (1, "c"), (-1, "c")):
                x = 5 + gx + k - row // 2
                if c.get(x, y) in "Bb":
                    c.set(x, y, col)
        frames.append(c)
    return frames


def wayfarers(c, y0=12, glint=None):
    lens = """
kkkkkkkkk
kKKKKKKKk
kKKKKKKKk
kKKKKKKk.
.kKKKKKk.
..kkkkk..
"""
    c.put(6, y0, lens)
    # right lens is the mirror image
    c.put(17, y0, "\n".join(line[::-1] for line in lens.strip("\n").split("\n")))
    c.hline(15, 16, y0, "k")
    c.hline(15, 16, y0 + 1, "k")
    c.set(5, y0, "k"); c.set(26, y0, "k")
    if glint is not None:
        for x0 in (7, 18):
            for row in range(4):
                x = x0 + glint + (3 - row)
                y = y0 + 1 + row
                if c.get(x, y) == "K":
                    c.set(x, y, "w")
                if c.get(x + 1, y) == "K":
                    c.set(x + 1, y, "G")


@part("eyes", "wayfarer")
def eyes_wayfarer():
    frames = []
    for i in range(4):
        c = Canvas()
        wayfarers(c, 12, glint=[-3, 0, 3, 6][i])
        frames.append(c)
    return frames


@part("eyes", "wayfarer-face")
def eyes_wayfarer_face():
    frames = []
    for i in range(8):
        c = Canvas()
        wayfarers(c, 11, glint=[-3, 0, 3, 6, 99, 99, 99, 99][i])
        if i in (5, 6):
            c.put(11, 18, """
k........k
.kwwwwwwk.
..kkkkkk..
""")
        else:
            c.put(13, 18, """
.......k
kkkkkkk.
""")
        frames.append(c)
    return frames


# ---------------------------------------------------------------- top
# Tops sit in rows 0..14; their base reaches down into rows 7..10, which every
# head covers, so they stay attached while bouncing.

def mirror_left(c, x_max=15):
    """Copy columns 0..x_max onto their mirror image (31 - x)."""
    for y in range(S):
        for x in range(0, x_max + 1):
            v = c.get(x, y)
            if v != ".":
                c.set(31 - x, y, v)


@part("top", "antenna")
def top_antenna():
    c = Canvas()
    c.put(13, 1, """
.rrrr.
rwrrrr
rprrrR
.rRRR.
""")
    c.rect(15, 5, 16, 8, "G")
    c.vline(16, 5, 8, "g")
    c.put(12, 8, """
..gggg..
.gGGGGg.
gGGGGGGg
""")
    c.outline("k")
    return [c]


@part("top", "bulb")
def top_bulb():
    c = Canvas()
    globe = ellipse_mask(15.5, 4, 5.2, 3.6)
    globe = {(x, y) for (x, y) in globe if 1 <= y <= 7}
    shade(c, globe, "Y", None, "y")
    c.put(12, 2, "ww\nw")
    c.put(15, 3, "o\n.o\no\n.o")
    c.rect(13, 7, 18, 11, "G")
    c.hline(13, 18, 8, "g")
    c.hline(13, 18, 10, "g")
    c.outline("k")
    return [c]


@part("top", "bunny-ears")
def top_bunny_ears():
    c = Canvas()
    c.put(6, 0, """
.ww.....
wwww....
wppw....
wppww...
wwppw...
.wppw...
.wppww..
.wwppw..
..wwww..
..wwwww.
...wwww.
""")
    mirror_left(c)
    c.outline("k")
    return [c]


@part("top", "disco")
def top_disco():
    c = Canvas()
    cx, cy = 15.5, 5.4
    ball = ellipse_mask(cx, cy, 4.9, 4.6)
    ball = {(x, y) for (x, y) in ball if y >= 1}
    for (x, y) in ball:
        d = (x - cx) + (y - cy)            # light comes from the upper left
        a, b = ("w", "G") if d < -2 else ("G", "g") if d < 3 else ("g", "K")
        c.set(x, y, a if (x + y) % 2 == 0 else b)
    for (x, y) in ((13, 3), (16, 2), (12, 6), (18, 5), (15, 6)):
        c.set(x, y, "c")
    for (x, y) in ((14, 4), (17, 3), (19, 7)):
        c.set(x, y, "v")
    c.rect(13, 9, 18, 11, "g")
    c.hline(13, 18, 9, "G")
    c.put(20, 1, """
.w.
www
.w.
""")
    c.outline("k")
    return [c]


@part("top", "leaf")
def top_leaf():
    c = Canvas()
    c.put(15, 1, """
.......llll
....lllllll
..llllnllll
.lllllnllll
llllnnlllll
lllnlllll..
lnnllll....
n.lll......
""")
    c.put(13, 0, "")
    c.rect(14, 6, 15, 11, "n")
    c.vline(15, 6, 11, "N")
    c.outline("k")
    return [c]


@part("top", "lollypop")
def top_lollypop():
    c = Canvas()
    c.put(11, 1, """
..pppp..
.pwwrrp.
pwrrwwrp
prwwrrwp
prwrwrwp
pwrrwrrp
.prwwrp.
..pppp..
""")
    c.rect(15, 9, 16, 11, "w")
    c.vline(16, 9, 11, "G")
    c.outline("k")
    return [c]


@part("top", "mohawk")
def top_mohawk():
    c = Canvas()
    # a tall, narrow strip of spiked-up hair, tips bright, roots darker
    c.put(10, 0, """
..........p.
.......p.pp.
....p.pp.pPp
.p.pp.pPppPp
.ppPppPpPPp.
..pPPpPPPPp.
..pPPPPPPP..
..PPPPPPPP..
..PPPPPPPP..
..PPPPPPPP..
..PPPPPPPP..
""")


    c.outline("k")
    return [c]


@part("top", "plant")
def top_plant():
    c = Canvas()
    c.put(9, 1, """
..lll....lll..
.lllnl..lnlll.
..llnnllnnll..
....llnnll....
..oooooooooo..
..mmmmmmmmmm..
...ooooooooo..
...oooooooom..
...oooooooom..
...oooooooom..
""")
    c.set(15, 4, "N"); c.set(16, 4, "N")
    c.set(11, 5, "Y")
    c.outline("k")
    return [c]


@part("top", "radar")
def top_radar():
    c = Canvas()
    c.put(8, 1, """
w...........
Gw..........
GGw.........
gGGww.......
.gGGGww.....
..ggGGGwww..
....gggggg..
""")
    c.put(13, 0, """
.....r
....Kr
...K..
..K...
.K....
""")
    c.rect(12, 8, 13, 10, "g")
    c.vline(12, 8, 10, "G")
    c.rect(10, 10, 15, 11, "g")
    c.outline("k")
    return [c]


@part("top", "bun")
def top_bun():
    c = Canvas()
    bun = ellipse_mask(15.5, 3.2, 4.8, 2.9)
    bun = {(x, y) for (x, y) in bun if y >= 1}
    shade(c, bun, "m", None, "M")
    c.put(13, 1, "SSS\nS")
    c.put(14, 3, "M")
    c.put(15, 4, "MM")
    c.put(18, 2, "M")
    c.hline(12, 19, 6, "r")            # hair tie
    c.set(19, 6, "R"); c.set(12, 6, "R")
    c.rect(9, 7, 22, 11, "m")          # hair under the head's top edge
    c.hline(10, 21, 7, "M")
    c.outline("k")
    return [c]


@part("top", "horns")
def top_horns():
    c = Canvas()
    c.put(4, 1, """
r.....
rr....
rrr...
rrrr..
.rrrr.
.rrrRR
..rRRR
..rRRRR
...RRRR
...RRRR
""")
    mirror_left(c)
    c.outline("k")
    return [c]


@part("top", "spikes")
def top_spikes():
    c = Canvas()
    heights = [6, 3, 1, 3, 6]
    for i, top_y in enumerate(heights):
        x0 = 5 + i * 5
        for y in range(top_y, 11):
            half = (y - top_y) // 2 + 1
            for x in range(x0 + 2 - half + 1, x0 + 2 + half + 1):
                if 4 <= x <= 27:
                    c.set(x, y, "G" if x <= x0 + 2 else "g")
        c.set(x0 + 2, top_y, "w")
    c.rect(5, 9, 26, 11, "g")
    c.outline("k")
    return [c]


# ---------------------------------------------------------------- body
# Bodies occupy rows 20..31; the head covers rows 20..22; feet on row 31.

def torso(c, col="G", light="w", dark="g", x0=9, x1=22, legs=True, leg="g", foot="K"):
    m = rows_mask({y: [(x0, x1)] for y in range(21, 28)})
    m -= {(x0, 27), (x1, 27)}
    shade(c, m, col, light, dark)
    if legs:
        c.rect(11, 28, 13, 29, leg)
        c.rect(18, 28, 20, 29, leg)
        c.rect(9, 30, 14, 30, foot)
        c.rect(17, 30, 22, 30, foot)


@part("body", "heart")
def body_heart():
    c = Canvas()
    torso(c)
    c.put(12, 23, """
.rr.rr.
rwrrrrr
rrrrrrR
.rrrRR.
..rRR..
...R...
""")
    c.outline("k")
    return [c]


@part("body", "swag")
def body_swag():
    c = Canvas()
    torso(c, "P", "v", "K", foot="w")
    c.put(9, 30, "wwwrww")
    c.put(17, 30, "wwrwww")
    c.put(10, 21, """
y..........y
.y........y.
..y......y..
...y....y...
....yyyy....
...yooooy...
...yoyyoy...
....yyyy....
""")
    c.put(14, 26, "yyyy")
    c.put(15, 26, "oo")
    c.outline("k")
    return [c]


@part("body", "backpack")
def body_backpack():
    c = Canvas()
    c.put(4, 21, """
..nnn....
.nnnnn...
nnnnnn...
nNNNnn...
nnyNnn...
nnnnnn...
nnnnnn...
.NNNNN...
""")
    mirror_left(c)
    torso(c, "G", "w", "g")
    for x in (11, 19):
        c.rect(x, 21, x + 1, 27, "m")
        c.vline(x + 1, 21, 27, "M")
    c.hline(11, 20, 25, "m")
    c.put(15, 25, "yy")
    c.outline("k")
    return [c]


@part("body", "claws")
def body_claws():
    c = Canvas()
    torso(c, "G", "w", "g")
    c.put(0, 22, """
..r...r...
.rr...rr..
.rr...rr..
.rRr.rRr..
..rrrrR...
..rrrRRgg.
...RRR....
""")
    mirror_left(c)
    c.outline("k")
    return [c]


@part("body", "tank")
def body_tank():
    c = Canvas()
    torso(c, "n", "l", "N", x0=10, x1=21, legs=False)
    c.put(13, 23, "KKKKKK\nKccccK\nKKKKKK")       # vision slit
    x0 = 3
    c.rect(x0, 26, x0 + 25, 30, "K")
    c.hline(x0 + 1, x0 + 24, 26, "g")
    for x in range(x0 + 2, x0 + 24, 3):
        c.set(x, 26, "K")
    for w in range(4):
        wx = x0 + 2 + w * 6
        c.put(wx, 27, ".GGG.\nGGgGG\n.GGG.")
    c.set(x0, 26, "_"); c.set(x0 + 25, 26, "_"); c.set(x0, 30, "_"); c.set(x0 + 25, 30, "_")
    c.outline("k")
    return [c]


@part("body", "wings")
def body_wings():
    c = Canvas()
    # little wings on the back, poking out at the sides: rising tips,
    # scalloped feather ends along the bottom
    c.put(0, 21, """
...wwwwwww
.wwwwwwwww
wwwwwwwwww
wGwwwwwwww
wwGwwGwwww
.wwGwwGwww
.cwwGwwGww
..cwwcwwcw
...c..c..c
""")

    mirror_left(c)
    torso(c, "G", "w", "g")
    c.outline("k")
    return [c]


@part("body", "fire")
def body_fire():
    c = Canvas()
    c.put(0, 21, """
........rrrrrrrr
..r....rrooooooo
..rr..rroooooooo
.rorr.rooooyoooo
.roorrroooyyyoyy
..rooooooyyYyyyY
..rroooooyYYYyYY
...rrooooyYYYYYY
....rroooyyYYYYY
......rrrooyyyyy
""")
    mirror_left(c)
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
