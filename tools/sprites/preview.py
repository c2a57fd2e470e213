#!/usr/bin/env python3
"""Contact-sheet preview of the pixabots-original sprites (stdlib only).

Writes a scaled-up PNG with, top to bottom:
  (a) every part alone (all frames of animated parts) on a checker background
  (b) combos chosen to stress edge cases: every head with the tallest top,
      every body under every head, every eyes on every head, random mixes
  (c) bounce check: pairs of (rest, bounce) poses with head/eyes +2, top +3,
      body +1 (the body's bottom row stays planted at y=31)

  python3 tools/sprites/preview.py [--out preview.png] [--scale 6]
                                   [--section parts|combos|eyes|bounce|all]
                                   [--combo TOP,BODY,HEAD,EYES[:FRAME] ...]
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_sprites as bs  # noqa: E402
from check_geometry import pose, opaque_set, composite  # noqa: E402

S = bs.SIZE
CELL = S + 2          # one sprite + 2px gutter
BG = (92, 96, 112)    # mid grey behind combos
CHK = ((150, 150, 160), (120, 120, 132))
LABEL_BG = (40, 40, 52)


def load_parts():
    palette = bs.load_palette()
    parts = {}
    for cat in bs.CATEGORY_ORDER:
        parts[cat] = {}
        for name, n, _kind in bs.CATALOG[cat]:
            try:
                parts[cat][name] = bs.load_part(cat, name, n, palette)
            except bs.SpriteError as e:
                print(f"skip: {e}", file=sys.stderr)
    return palette, parts


class Sheet:
    def __init__(self, cols):
        self.cols = cols
        self.rows = []   # list of (kind, cells) ; cells: list of (grid|None, bg)

    def add_row(self, cells, bg="grey"):
        for i in range(0, max(len(cells), 1), self.cols):
            self.rows.append((bg, cells[i:i + self.cols]))

    def gap(self):
        self.rows.append(("gap", []))

    def render(self, palette, scale):
        w = self.cols * CELL
        heights = [4 if bg == "gap" else CELL for bg, _ in self.rows]
        h = sum(heights)
        img = [[LABEL_BG] * w for _ in range(h)]
        y0 = 0
        for (bg, cells), rh in zip(self.rows, heights):
            for ci, grid in enumerate(cells):
                ox, oy = ci * CELL + 1, y0 + 1
                for y in range(S):
                    for x in range(S):
                        if bg == "checker":
                            col = CHK[((x // 4) + (y // 4)) % 2]
                        else:
                            col = BG
                        ch = grid[y][x] if grid else "."
                        img[oy + y][ox + x] = palette[ch] if ch != "." else col
            y0 += rh
        out = []
        for row in img:
            big = []
            for px in row:
                big.extend([px + (255,)] * scale)
            for _ in range(scale):
                out.append(big)
        return bs.encode_png(w * scale, h * scale, out)


def tallest(parts_cat):
    best, top_y = None, S
    for name, grids in parts_cat.items():
        y = min(y for (_x, y) in opaque_set(grids[0]))
        if y < top_y:
            best, top_y = name, y
    return best


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="preview.png")
    ap.add_argument("--scale", type=int, default=6)
    ap.add_argument("--section", default="all",
                    choices=["parts", "combos", "eyes", "bounce", "all"])
    ap.add_argument("--combo", action="append", default=[],
                    help="TOP,BODY,HEAD,EYES[:FRAME] (names; '-' to omit a layer)")
    ap.add_argument("--cols", type=int, default=16)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-bounce", action="store_true", help="--combo: rest pose only")
    ap.add_argument("--cat", default=None, help="parts section: only this category")
    ap.add_argument("--head", default=None, help="parts section: draw eyes on this head")
    args = ap.parse_args(argv)

    palette, parts = load_parts()
    sheet = Sheet(args.cols)
    heads = parts["heads"]
    blank = ["." * S] * S

    def g(cat, name, frame=0):
        if name in (None, "-") or name not in parts[cat]:
            return blank
        fr = parts[cat][name]
        return fr[min(frame, len(fr) - 1)]

    def combo(t, b, h, e, ef=0, bounce=False):
        return pose(g("top", t), g("body", b), g("heads", h), g("eyes", e, ef), bounce)

    if args.combo:
        cells = []
        for spec in args.combo:
            names, _, fr = spec.partition(":")
            t, b, h, e = (names.split(",") + ["-"] * 4)[:4]
            cells.append(combo(t, b, h, e, int(fr or 0)))
            if not args.no_bounce:
                cells.append(combo(t, b, h, e, int(fr or 0), bounce=True))
        sheet.add_row(cells)
    else:
        if args.section in ("parts", "all"):
            for cat in bs.CATEGORY_ORDER:
                if args.cat and cat != args.cat:
                    continue
                cells = []
                for name, grids in parts[cat].items():
                    if len(grids) > 1 and cat == "eyes":
                        continue
                    cells.extend(grids)
                if cat == "eyes" and args.head:
                    cells = [composite([g("heads", args.head), e]) for e in cells]
                sheet.add_row(cells, "checker")
                if cat == "eyes":
                    for name, grids in parts[cat].items():
                        if len(grids) > 1:
                            fr = list(grids)
                            if args.head:
                                fr = [composite([g("heads", args.head), e]) for e in fr]
                            sheet.add_row(fr, "checker")
                sheet.gap()
        if args.section in ("combos", "all"):
            tops, bodies, eyes = list(parts["top"]), list(parts["body"]), list(parts["eyes"])
            tall = tallest(parts["top"]) if tops else None
            # every head with the tallest top, a body and an eyes
            sheet.add_row([combo(tall, bodies[i % len(bodies)] if bodies else None, h,
                                 eyes[i % len(eyes)] if eyes else None)
                           for i, h in enumerate(heads)])
            # every top on every head (cycling bodies/eyes)
            for hi, h in enumerate(heads):
                sheet.add_row([combo(t, bodies[(i + hi) % len(bodies)] if bodies else None, h,
                                     eyes[(i * 3 + hi) % len(eyes)] if eyes else None)
                               for i, t in enumerate(tops)])
            sheet.gap()
            # every body under every head
            for b in bodies:
                sheet.add_row([combo(tops[(i * 5) % len(tops)] if tops else None, b, h,
                                     eyes[(i * 7) % len(eyes)] if eyes else None)
                               for i, h in enumerate(heads)])
            sheet.gap()
            rnd = random.Random(args.seed)
            sheet.add_row([combo(rnd.choice(tops), rnd.choice(bodies), rnd.choice(list(heads)),
                                 rnd.choice(eyes)) for _ in range(args.cols * 2)])
            sheet.gap()
        if args.section in ("eyes", "all"):
            # every eyes (frame 0 and its last frame) on every head
            for e, grids in parts["eyes"].items():
                cells = [combo(None, None, h, e, 0) for h in heads]
                if len(grids) > 1:
                    cells += [combo(None, None, h, e, len(grids) // 2 if len(grids) > 2 else 1)
                              for h in heads]
                sheet.add_row(cells)
            sheet.gap()
        if args.section in ("bounce", "all"):
            tops, bodies, eyes = list(parts["top"]), list(parts["body"]), list(parts["eyes"])
            cells = []
            for i in range(max(len(tops), len(bodies), len(heads))):
                t = tops[i % len(tops)] if tops else None
                b = bodies[i % len(bodies)] if bodies else None
                h = list(heads)[i % len(heads)] if heads else None
                e = eyes[i % len(eyes)] if eyes else None
                cells += [combo(t, b, h, e), combo(t, b, h, e, bounce=True)]
            sheet.add_row(cells)

    data = sheet.render(palette, args.scale)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "wb") as f:
        f.write(data)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
