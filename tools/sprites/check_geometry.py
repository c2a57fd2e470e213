#!/usr/bin/env python3
"""Geometry / composability checks for the pixabots-original sprite grids.

These rules keep every one of the 16x8x7x12 combinations reading as one
character (see sprites/README.md):

  heads  opaque bbox rows exactly 7..22
  eyes   inside x 4..30, y 9..22, and every eye pixel of every frame lies on an
         opaque pixel of EVERY head (eyes never spill off a face)
  top    inside y 0..14, and overlaps every head's opaque pixels on >= 2 rows
  body   inside y 20..31, with pixels on row 31 (feet), overlapping every head
  all    alpha is 0/255 only (palette has no alpha), <= 32 distinct colours in
         the whole pack, every frame uses a dark outline colour; for heads, tops
         and bodies >= 90% of silhouette-edge pixels are dark
  combos every top+head+body composite is one 8-connected silhouette, both at
         rest and in the bounce pose (head/eyes +2, top +3, body +1 with the
         body's bottom row kept at y=31)

Usage: python3 tools/sprites/check_geometry.py   (exit 1 on any problem)
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_sprites as bs  # noqa: E402

S = bs.SIZE
LAYER_ORDER = ["top", "body", "heads", "eyes"]  # bottom to top
DARK_LUMA = 70  # a colour darker than this counts as "outline dark"


def luma(rgb):
    r, g, b = rgb
    return (299 * r + 587 * g + 114 * b) // 1000


def opaque_set(grid):
    return {(x, y) for y, row in enumerate(grid) for x, ch in enumerate(row) if ch != "."}


def bbox(pixels):
    xs = [p[0] for p in pixels]
    ys = [p[1] for p in pixels]
    return min(xs), min(ys), max(xs), max(ys)


def shift_grid(grid, dy, keep_bottom_row=False):
    """Shift a grid down by dy rows (clipped). With keep_bottom_row the last
    row (feet) stays at y=31 and the rest moves (the body's bounce)."""
    if dy == 0:
        return list(grid)
    blank = "." * S
    if keep_bottom_row:
        upper = list(grid[:S - 1])                  # rows 0..30 move down by dy
        out = [blank] * dy + upper[:S - 1 - dy]     # rows 0..30 of the result
        slid = upper[S - 1 - dy]                    # the row that slid onto y=31
        feet = grid[S - 1]                          # planted feet stay at y=31, drawn on top
        out.append("".join(f if f != "." else s_ for f, s_ in zip(feet, slid)))
        return out
    return [blank] * dy + list(grid[:S - dy])


def composite(layers):
    """layers: list of grids bottom-to-top -> one grid (plain 'over', all opaque)."""
    out = [list("." * S) for _ in range(S)]
    for g in layers:
        for y, row in enumerate(g):
            for x, ch in enumerate(row):
                if ch != ".":
                    out[y][x] = ch
    return ["".join(r) for r in out]


def pose(top, body, head, eyes, bounce=False):
    """Composite one character; bounce = head/eyes +2, top +3, body +1 (feet kept)."""
    if bounce:
        top = shift_grid(top, 3)
        body = shift_grid(body, 1, keep_bottom_row=True)
        head = shift_grid(head, 2)
        eyes = shift_grid(eyes, 2) if eyes else None
    layers = [top, body, head] + ([eyes] if eyes else [])
    return composite(layers)


def components8(pixels):
    pixels = set(pixels)
    n = 0
    while pixels:
        n += 1
        stack = [pixels.pop()]
        while stack:
            x, y = stack.pop()
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    q = (x + dx, y + dy)
                    if q in pixels:
                        pixels.remove(q)
                        stack.append(q)
    return n


def edge_pixels(pix):
    out = []
    for (x, y) in pix:
        for q in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if q not in pix:
                out.append((x, y))
                break
    return out


def check_all():
    problems = []
    try:
        palette, parts = bs.load_all()
    except bs.SpriteError as e:
        return [str(e)]
    dark = {ch for ch, rgb in palette.items() if luma(rgb) < DARK_LUMA}
    if not dark:
        problems.append("palette has no dark outline colour")

    used = set()
    for cat in bs.CATEGORY_ORDER:
        for name, _n, _k, grids in parts[cat]:
            for fi, g in enumerate(grids):
                for row in g:
                    used.update(ch for ch in row if ch != ".")
    if len(used) > 32:
        problems.append(f"pack uses {len(used)} distinct colours (> 32)")

    heads = {name: grids[0] for name, _n, _k, grids in parts["heads"]}
    head_sets = {n: opaque_set(g) for n, g in heads.items()}
    common_face = set.intersection(*head_sets.values()) if head_sets else set()

    # per-sprite rules
    for cat in bs.CATEGORY_ORDER:
        for name, _n, _k, grids in parts[cat]:
            for fi, g in enumerate(grids):
                tag = f"{cat}/{name}[{fi}]"
                pix = opaque_set(g)
                if not pix:
                    problems.append(f"{tag}: empty frame")
                    continue
                x0, y0, x1, y1 = bbox(pix)
                chars = {g[y][x] for (x, y) in pix}
                if not (chars & dark):
                    problems.append(f"{tag}: no dark outline colour used")
                if cat in ("heads", "top", "body"):
                    edges = edge_pixels(pix)
                    nd = sum(1 for (x, y) in edges if g[y][x] in dark)
                    if nd < 0.9 * len(edges):
                        problems.append(f"{tag}: only {nd}/{len(edges)} silhouette-edge pixels are dark")
                if cat == "heads":
                    if (y0, y1) != (7, 22):
                        problems.append(f"{tag}: rows {y0}..{y1}, expected 7..22")
                elif cat == "eyes":
                    if x0 < 4 or x1 > 30 or y0 < 9 or y1 > 22:
                        problems.append(f"{tag}: bbox x{x0}..{x1} y{y0}..{y1} outside x4..30 y9..22")
                    off = pix - common_face
                    if off:
                        for hn, hs in head_sets.items():
                            bad = pix - hs
                            if bad:
                                problems.append(f"{tag}: {len(bad)} px off head '{hn}', e.g. {sorted(bad)[:3]}")
                elif cat == "top":
                    if y0 < 0 or y1 > 14:
                        problems.append(f"{tag}: rows {y0}..{y1} outside 0..14")
                    for hn, hs in head_sets.items():
                        rows = {y for (x, y) in pix & hs}
                        if len(rows) < 2:
                            problems.append(f"{tag}: overlaps head '{hn}' on {len(rows)} rows (< 2)")
                elif cat == "body":
                    if y0 < 20 or y1 != 31:
                        problems.append(f"{tag}: rows {y0}..{y1}, expected within 20..31 ending at 31")
                    for hn, hs in head_sets.items():
                        if not (pix & hs):
                            problems.append(f"{tag}: does not overlap head '{hn}'")

    # combination connectivity (eyes lie inside the head, so they cannot matter)
    for tn, _n, _k, tg in parts["top"]:
        for bn, _n2, _k2, bg in parts["body"]:
            for hn, hg in heads.items():
                for bounce in (False, True):
                    c = pose(tg[0], bg[0], hg, None, bounce)
                    n = components8(opaque_set(c))
                    if n != 1:
                        problems.append(f"combo top={tn} body={bn} head={hn}"
                                        f"{' (bounce)' if bounce else ''}: {n} separate pieces")
    return problems


def main():
    problems = check_all()
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print("geometry ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
