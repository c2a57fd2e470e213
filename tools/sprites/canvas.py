"""Tiny drawing helpers used by author.py to lay out the sprite grids.

A Canvas is a 32x32 grid of palette characters ('.' = transparent).
"""

S = 32


class Canvas:
    def __init__(self, rows=None):
        if rows is None:
            self.p = [["."] * S for _ in range(S)]
        else:
            self.p = [list(r) for r in rows]

    def copy(self):
        return Canvas(self.rows())

    def rows(self):
        return ["".join(r) for r in self.p]

    def get(self, x, y):
        if 0 <= x < S and 0 <= y < S:
            return self.p[y][x]
        return "."

    def set(self, x, y, ch):
        if 0 <= x < S and 0 <= y < S:
            self.p[y][x] = "." if ch == "_" else ch

    def put(self, x, y, text, mirror=False):
        """Stamp a multi-line pattern with its top-left at (x, y).
        '.' and ' ' in the pattern leave the canvas untouched; '_' erases.
        With mirror=True the pattern is also stamped mirrored about x=15.5."""
        lines = [ln for ln in text.strip("\n").split("\n")]
        for dy, line in enumerate(lines):
            for dx, ch in enumerate(line):
                if ch in ". ":
                    continue
                v = "." if ch == "_" else ch
                self.set(x + dx, y + dy, v)
                if mirror:
                    self.set(S - 1 - (x + dx), y + dy, v)

    def rect(self, x0, y0, x1, y1, ch):
        for y in range(y0, y1 + 1):
            for x in range(x0, x1 + 1):
                self.set(x, y, ch)

    def hline(self, x0, x1, y, ch):
        self.rect(x0, y, x1, y, ch)

    def vline(self, x, y0, y1, ch):
        self.rect(x, y0, x, y1, ch)

    def fill_mask(self, mask, ch):
        for (x, y) in mask:
            self.set(x, y, ch)

    def opaque(self):
        return {(x, y) for y in range(S) for x in range(S) if self.p[y][x] != "."}

    def outline(self, ch="k", diagonal=False):
        """Add a 1px border of `ch` around every opaque pixel."""
        pix = self.opaque()
        add = set()
        for (x, y) in pix:
            nb = [(1, 0), (-1, 0), (0, 1), (0, -1)]
            if diagonal:
                nb += [(1, 1), (1, -1), (-1, 1), (-1, -1)]
            for dx, dy in nb:
                q = (x + dx, y + dy)
                if q not in pix and 0 <= q[0] < S and 0 <= q[1] < S:
                    add.add(q)
        for (x, y) in add:
            self.p[y][x] = ch

    def recolor(self, old, new, region=None):
        for y in range(S):
            for x in range(S):
                if self.p[y][x] == old and (region is None or (x, y) in region):
                    self.p[y][x] = new

    def shifted(self, dx=0, dy=0):
        c = Canvas()
        for y in range(S):
            for x in range(S):
                if self.p[y][x] != ".":
                    c.set(x + dx, y + dy, self.p[y][x])
        return c


def rows_mask(spans):
    """spans: {y: [(x0, x1), ...]} -> set of (x, y)."""
    m = set()
    for y, ss in spans.items():
        for x0, x1 in ss:
            for x in range(x0, x1 + 1):
                m.add((x, y))
    return m


def ellipse_mask(cx, cy, rx, ry):
    """Filled ellipse centred on (cx, cy) (may be .5 values)."""
    m = set()
    for y in range(S):
        for x in range(S):
            if ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1.0:
                m.add((x, y))
    return m


def shade(c, mask, base, light=None, dark=None, light2=None):
    """Fill mask with base; top/left inner edge -> light, bottom/right inner edge -> dark."""
    for (x, y) in mask:
        ch = base
        if dark and ((x, y + 1) not in mask or (x + 1, y) not in mask):
            ch = dark
        if light and ((x, y - 1) not in mask or (x - 1, y) not in mask):
            ch = light
        c.set(x, y, ch)
    if light2:
        for (x, y) in mask:
            if (x, y - 1) not in mask and (x, y + 1) in mask:
                c.set(x, y, light2)


def mask_from_art(text, ch="#", x0=0, y0=0):
    m = set()
    for dy, line in enumerate(text.strip("\n").split("\n")):
        for dx, v in enumerate(line):
            if v == ch:
                m.add((x0 + dx, y0 + dy))
    return m
