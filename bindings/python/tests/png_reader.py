"""A small, independent PNG decoder (standard library only) for the tests:
8-bit RGBA out of any non-interlaced PNG of colour type 0, 2, 3, 4 or 6 and
bit depth 1..8 (16-bit samples keep their high byte). It checks the library's
PNG output without trusting the library's own decoder."""

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


class PngFormatError(ValueError):
    pass


def chunks(data):
    """(type, payload) for every chunk, CRCs checked."""
    if data[:8] != SIGNATURE:
        raise PngFormatError("not a PNG signature")
    pos = 8
    while pos < len(data):
        if pos + 12 > len(data):
            raise PngFormatError("truncated chunk")
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        payload = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + payload) != crc:
            raise PngFormatError(f"bad CRC in {kind!r}")
        yield kind.decode("ascii"), payload
        pos += 12 + length
        if kind == b"IEND":
            return
    raise PngFormatError("no IEND")


def header(data):
    """IHDR as a dict: width, height, depth, color, interlace."""
    kind, payload = next(chunks(data))
    if kind != "IHDR" or len(payload) != 13:
        raise PngFormatError("first chunk is not IHDR")
    width, height, depth, color, compression, filtering, interlace = struct.unpack(">IIBBBBB", payload)
    return dict(width=width, height=height, depth=depth, color=color, interlace=interlace)


_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(raw, height, stride, bpp):
    rows = []
    previous = bytearray(stride)
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        line = bytearray(raw[pos + 1 : pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 255
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upper_left = previous[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, previous[i], upper_left)) & 255
        elif kind != 0:
            raise PngFormatError(f"unknown filter {kind}")
        rows.append(line)
        previous = line
    return rows


def _samples(line, count, depth):
    """`count` samples of `depth` bits from a row, as ints."""
    if depth == 8:
        return list(line[:count])
    if depth == 16:
        return [line[2 * i] for i in range(count)]  # high byte is enough at 8 bits out
    per_byte = 8 // depth
    mask = (1 << depth) - 1
    out = []
    for i in range(count):
        byte = line[i // per_byte]
        shift = 8 - depth * (i % per_byte + 1)
        out.append((byte >> shift) & mask)
    return out


def decode(data):
    """(width, height, RGBA bytes)."""
    info = header(data)
    width, height, depth, color = info["width"], info["height"], info["depth"], info["color"]
    if info["interlace"] != 0:
        raise PngFormatError("interlaced PNGs are not supported here")
    if color not in _CHANNELS:
        raise PngFormatError(f"colour type {color}")
    palette = None
    transparency = None
    idat = bytearray()
    for kind, payload in chunks(data):
        if kind == "PLTE":
            palette = [tuple(payload[i : i + 3]) for i in range(0, len(payload), 3)]
        elif kind == "tRNS":
            transparency = payload
        elif kind == "IDAT":
            idat += payload
    channels = _CHANNELS[color]
    bits = channels * depth
    stride = (width * bits + 7) // 8
    raw = zlib.decompress(bytes(idat))
    if len(raw) != height * (1 + stride):
        raise PngFormatError(f"IDAT inflates to {len(raw)} bytes, expected {height * (1 + stride)}")
    rows = _unfilter(raw, height, stride, max(1, bits // 8))
    scale = 255 // ((1 << depth) - 1) if depth < 8 else 1
    out = bytearray()
    for line in rows:
        samples = _samples(line, width * channels, depth)
        for x in range(width):
            s = samples[x * channels : (x + 1) * channels]
            if color == 3:
                r, g, b = palette[s[0]]
                a = transparency[s[0]] if transparency is not None and s[0] < len(transparency) else 255
            elif color == 0:
                r = g = b = s[0] * scale
                a = 255
                if transparency is not None and len(transparency) >= 2:
                    key = struct.unpack(">H", transparency[:2])[0]
                    if depth < 16 and s[0] == key:
                        a = 0
            elif color == 4:
                r = g = b = s[0]
                a = s[1]
            elif color == 2:
                r, g, b = s
                a = 255
                if transparency is not None and len(transparency) >= 6 and depth == 8:
                    if (r, g, b) == struct.unpack(">HHH", transparency[:6]):
                        a = 0
            else:
                r, g, b, a = s
            out += bytes((r, g, b, a))
    return width, height, bytes(out)
