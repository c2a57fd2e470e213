#!/usr/bin/env python3
"""Build the pixabots-original sprite pack from its text grids.

Source of truth:
  sprites/src/palette.txt            one "<char> #rrggbb" per line ('.' = transparent)
  sprites/src/<category>/<name>.txt  frames of 32 rows x 32 chars, separated by a blank line

Output:
  sprites/<category>/<name>.png      RGBA sheet, frames*32 wide, 32 high, frames left to right
  sprites/manifest.json              pack manifest (catalog order)

Usage:
  python3 tools/sprites/build_sprites.py           # (re)write PNGs + manifest
  python3 tools/sprites/build_sprites.py --check   # exit 1 if committed files differ

Python 3 standard library only. Output bytes are deterministic.
"""

import argparse
import os
import struct
import sys
import zlib

SIZE = 32
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SPRITES = os.path.join(ROOT, "sprites")
SRC = os.path.join(SPRITES, "src")

# Catalog: category -> [(name, frames, kind)], in index order.
# Layer (compositing) order bottom-to-top is: top, body, heads, eyes.
CATEGORY_ORDER = ["eyes", "heads", "body", "top"]
CATALOG = {
    "eyes": [
        ("big-face", 1, "static"),
        ("cheeky-terminal", 16, "sequence"),
        ("glasses", 2, "blink"),
        ("human", 2, "blink"),
        ("human-2", 2, "blink"),
        ("monitor", 1, "static"),
        ("monitor-round", 1, "static"),
        ("mustache", 1, "static"),
        ("terminal", 2, "blink"),
        ("terminal-green", 2, "blink"),
        ("terminal-light", 1, "static"),
        ("terminal-round", 2, "blink"),
        ("tight-visor", 8, "sequence"),
        ("visor", 8, "sequence"),
        ("wayfarer", 4, "sequence"),
        ("wayfarer-face", 8, "sequence"),
    ],
    "heads": [
        ("ac", 1, "static"),
        ("blob", 1, "static"),
        ("blob-blue", 1, "static"),
        ("bowl", 1, "static"),
        ("box", 1, "static"),
        ("commodore", 1, "static"),
        ("frame", 1, "static"),
        ("punch-bowl", 1, "static"),
    ],
    "body": [
        ("backpack", 1, "static"),
        ("claws", 1, "static"),
        ("heart", 1, "static"),
        ("swag", 1, "static"),
        ("tank", 1, "static"),
        ("wings", 1, "static"),
        ("fire", 1, "static"),
    ],
    "top": [
        ("antenna", 1, "static"),
        ("bulb", 1, "static"),
        ("bunny-ears", 1, "static"),
        ("disco", 1, "static"),
        ("leaf", 1, "static"),
        ("lollypop", 1, "static"),
        ("mohawk", 1, "static"),
        ("plant", 1, "static"),
        ("radar", 1, "static"),
        ("bun", 1, "static"),
        ("horns", 1, "static"),
        ("spikes", 1, "static"),
    ],
}


class SpriteError(Exception):
    pass


def load_palette(path=None):
    """Return {char: (r, g, b)}; '.' is transparent and may not be redefined."""
    path = path or os.path.join(SRC, "palette.txt")
    pal = {}
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) != 2 or len(parts[0]) != 1:
                raise SpriteError(f"{path}:{lineno}: expected '<char> #rrggbb', got {line!r}")
            ch, hexv = parts
            if ch == ".":
                raise SpriteError(f"{path}:{lineno}: '.' is reserved for transparent")
            if ch in pal:
                raise SpriteError(f"{path}:{lineno}: duplicate palette char {ch!r}")
            if len(hexv) != 7 or hexv[0] != "#":
                raise SpriteError(f"{path}:{lineno}: bad colour {hexv!r}")
            try:
                rgb = tuple(int(hexv[i:i + 2], 16) for i in (1, 3, 5))
            except ValueError:
                raise SpriteError(f"{path}:{lineno}: bad colour {hexv!r}") from None
            if rgb in pal.values():
                raise SpriteError(f"{path}:{lineno}: colour {hexv} defined twice")
            pal[ch] = rgb
    return pal


def parse_grid_file(path, palette):
    """Parse a grid file into a list of frames; each frame is a list of 32 strings."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    frames, cur, start = [], [], 1
    for lineno, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if line == "":
            if cur:
                frames.append((start, cur))
                cur = []
            continue
        if not cur:
            start = lineno
        cur.append((lineno, line))
    if cur:
        frames.append((start, cur))
    out = []
    for fi, (start, rows) in enumerate(frames):
        if len(rows) != SIZE:
            raise SpriteError(f"{path}:{start}: frame {fi} has {len(rows)} rows, expected {SIZE}")
        for lineno, row in rows:
            if len(row) != SIZE:
                raise SpriteError(f"{path}:{lineno}: row has {len(row)} chars, expected {SIZE}")
            for x, ch in enumerate(row):
                if ch != "." and ch not in palette:
                    raise SpriteError(f"{path}:{lineno}:{x + 1}: unknown palette char {ch!r}")
        out.append([row for _, row in rows])
    if not out:
        raise SpriteError(f"{path}: no frames")
    return out


def load_part(category, name, frames_expected, palette):
    path = os.path.join(SRC, category, name + ".txt")
    if not os.path.exists(path):
        raise SpriteError(f"missing grid file {os.path.relpath(path, ROOT)}")
    frames = parse_grid_file(path, palette)
    if len(frames) != frames_expected:
        raise SpriteError(f"{os.path.relpath(path, ROOT)}: {len(frames)} frames, catalog says {frames_expected}")
    return frames


def load_all(palette=None):
    """Return (palette, {category: [(name, frames, kind, grids)]})."""
    palette = palette or load_palette()
    parts = {}
    for cat in CATEGORY_ORDER:
        parts[cat] = []
        for name, nframes, kind in CATALOG[cat]:
            parts[cat].append((name, nframes, kind, load_part(cat, name, nframes, palette)))
    return palette, parts


def grid_to_rgba(grid, palette):
    """32x32 grid -> list of rows, each a list of (r,g,b,a)."""
    rows = []
    for row in grid:
        rows.append([(0, 0, 0, 0) if ch == "." else palette[ch] + (255,) for ch in row])
    return rows


def encode_png(width, height, rows):
    """rows: height lists of width (r,g,b,a) tuples -> PNG bytes (RGBA8, no interlace)."""
    raw = bytearray()
    for row in rows:
        raw.append(0)  # filter type 0 (None) for every scanline: simple and deterministic
        for px in row:
            raw.extend(px)

    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def sheet_png(grids, palette):
    frames = [grid_to_rgba(g, palette) for g in grids]
    rows = []
    for y in range(SIZE):
        row = []
        for fr in frames:
            row.extend(fr[y])
        rows.append(row)
    return encode_png(SIZE * len(grids), SIZE, rows)


def manifest_text():
    lines = [
        "{",
        '  "format": "pixabots-pack",',
        '  "version": 1,',
        '  "name": "pixabots-original",',
        '  "license": "CC0-1.0",',
        '  "categories": {',
    ]
    for ci, cat in enumerate(CATEGORY_ORDER):
        lines.append(f'    "{cat}": [')
        entries = CATALOG[cat]
        for i, (name, frames, kind) in enumerate(entries):
            comma = "," if i + 1 < len(entries) else ""
            lines.append(f'      {{"name": "{name}", "frames": {frames}, "kind": "{kind}"}}{comma}')
        lines.append("    ]" + ("," if ci + 1 < len(CATEGORY_ORDER) else ""))
    lines.append("  }")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def expected_outputs():
    """Return {relative path: bytes} for every generated file."""
    palette, parts = load_all()
    out = {}
    for cat in CATEGORY_ORDER:
        for name, _n, _k, grids in parts[cat]:
            out[os.path.join("sprites", cat, name + ".png")] = sheet_png(grids, palette)
    out[os.path.join("sprites", "manifest.json")] = manifest_text()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if committed PNGs/manifest differ from the grids")
    ap.add_argument("--no-geometry", action="store_true",
                    help="skip the composability/geometry checks (tools/sprites/check_geometry.py)")
    args = ap.parse_args(argv)
    try:
        outputs = expected_outputs()
    except SpriteError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not args.no_geometry:
        sys.path.insert(0, HERE)
        import check_geometry  # noqa: E402
        problems = check_geometry.check_all()
        if problems:
            for p in problems:
                print(f"geometry: {p}", file=sys.stderr)
            print(f"error: {len(problems)} geometry problem(s)", file=sys.stderr)
            return 3
    stale = []
    for rel, data in sorted(outputs.items()):
        path = os.path.join(ROOT, rel)
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old == data:
            continue
        stale.append(rel)
        if not args.check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    expected = set(outputs)
    for cat in CATEGORY_ORDER:
        d = os.path.join(SPRITES, cat)
        if os.path.isdir(d):
            for fn in sorted(os.listdir(d)):
                rel = os.path.join("sprites", cat, fn)
                if fn.endswith(".png") and rel not in expected:
                    print(f"warning: {rel} is not in the catalog", file=sys.stderr)
                    if args.check:
                        stale.append(rel)
    if args.check:
        if stale:
            for rel in stale:
                print(f"out of date: {rel}", file=sys.stderr)
            print("run: python3 tools/sprites/build_sprites.py", file=sys.stderr)
            return 1
        print(f"ok: {len(outputs)} files up to date")
        return 0
    print(f"wrote {len(stale)} of {len(outputs)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
