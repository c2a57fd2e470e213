'use strict';
// A small PNG reader written on node:zlib alone, to check the library's PNGs
// without trusting the library's own decoder. Non-interlaced images of every
// colour type and bit depth 1..8 become 8-bit RGBA.

const zlib = require('node:zlib');

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

// The chunks, the header fields and the inflated (still filtered) IDAT data.
function readPng(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: bad signature');
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  if (chunks[0].type !== 'IHDR') throw new Error('the first chunk is not IHDR');
  const ihdr = chunks[0].data;
  const header = {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8],
    colorType: ihdr[9],
    interlace: ihdr[12],
  };
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const inflated = zlib.inflateSync(idat);
  return { ...header, chunks, inflated };
}

// Bytes per row of filtered data (without the filter-type byte).
function rowBytes(header) {
  return Math.ceil((header.width * CHANNELS[header.colorType] * header.bitDepth) / 8);
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function unfilter(header, inflated) {
  const stride = rowBytes(header);
  const bpp = Math.max(1, (CHANNELS[header.colorType] * header.bitDepth) >> 3);
  const out = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = inflated[y * (stride + 1)];
    const src = inflated.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = out.subarray(y * stride, (y + 1) * stride);
    const prior = y > 0 ? out.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp] : 0;
      const b = prior[x];
      const c = x >= bpp ? prior[x - bpp] : 0;
      let value = src[x];
      switch (filter) {
        case 0: break;
        case 1: value += a; break;
        case 2: value += b; break;
        case 3: value += (a + b) >> 1; break;
        case 4: value += paeth(a, b, c); break;
        default: throw new Error(`bad filter type ${filter} in row ${y}`);
      }
      row[x] = value & 0xff;
    }
  }
  return out;
}

function decodeRgba(png) {
  const header = readPng(png);
  if (header.interlace !== 0) throw new Error('interlaced PNGs are not supported here');
  if (header.bitDepth > 8) throw new Error('16-bit PNGs are not supported here');
  const raw = unfilter(header, header.inflated);
  const stride = rowBytes(header);
  const depth = header.bitDepth;
  const max = (1 << depth) - 1;
  const sample = (y, i) => {
    // The i-th sample of row y, at the image's bit depth.
    const bit = i * depth;
    const byte = raw[y * stride + (bit >> 3)];
    return (byte >> (8 - depth - (bit & 7))) & max;
  };
  const scale = (v) => Math.round((v * 255) / max);
  const plte = header.chunks.find((c) => c.type === 'PLTE');
  const trns = header.chunks.find((c) => c.type === 'tRNS');
  const channels = CHANNELS[header.colorType];
  const data = Buffer.alloc(header.width * header.height * 4);
  for (let y = 0; y < header.height; y++) {
    for (let x = 0; x < header.width; x++) {
      const o = (y * header.width + x) * 4;
      const s = (k) => sample(y, x * channels + k);
      switch (header.colorType) {
        case 3: {
          const i = s(0);
          data[o] = plte.data[i * 3];
          data[o + 1] = plte.data[i * 3 + 1];
          data[o + 2] = plte.data[i * 3 + 2];
          data[o + 3] = trns && i < trns.data.length ? trns.data[i] : 255;
          break;
        }
        case 0: {
          const v = s(0);
          data[o] = data[o + 1] = data[o + 2] = scale(v);
          data[o + 3] = trns && trns.data.readUInt16BE(0) === v ? 0 : 255;
          break;
        }
        case 4:
          data[o] = data[o + 1] = data[o + 2] = scale(s(0));
          data[o + 3] = scale(s(1));
          break;
        case 2: {
          const [r, g, b] = [s(0), s(1), s(2)];
          data[o] = scale(r);
          data[o + 1] = scale(g);
          data[o + 2] = scale(b);
          const opaque = !trns || trns.data.readUInt16BE(0) !== r || trns.data.readUInt16BE(2) !== g ||
            trns.data.readUInt16BE(4) !== b;
          data[o + 3] = opaque ? 255 : 0;
          break;
        }
        case 6:
          for (let k = 0; k < 4; k++) data[o + k] = scale(s(k));
          break;
        default:
          throw new Error(`bad colour type ${header.colorType}`);
      }
    }
  }
  return { width: header.width, height: header.height, data };
}

module.exports = { readPng, rowBytes, decodeRgba, SIGNATURE };
