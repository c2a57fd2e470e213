// The Pixabots render pipeline as /work/shared/SPEC.md describes it, done with sharp the way
// the service does it (libvips composite, modulate, flatten, nearest resize, gif/webp save).
// Written for this repository as a benchmark peer; it is not the service's code.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

const N = 32; // native sprite size
const PAD = 4; // animation canvas padding below the sprite

// Encoding order (the ID's characters). Each part: [name, frames, kind].
export const CATALOG = {
  eyes: [
    ['big-face', 1, 'static'], ['cheeky-terminal', 16, 'sequence'], ['glasses', 2, 'blink'],
    ['human', 2, 'blink'], ['human-2', 2, 'blink'], ['monitor', 1, 'static'],
    ['monitor-round', 1, 'static'], ['mustache', 1, 'static'], ['terminal', 2, 'blink'],
    ['terminal-green', 2, 'blink'], ['terminal-light', 1, 'static'],
    ['terminal-round', 2, 'blink'], ['tight-visor', 8, 'sequence'], ['visor', 8, 'sequence'],
    ['wayfarer', 4, 'sequence'], ['wayfarer-face', 8, 'sequence'],
  ],
  heads: ['ac', 'blob', 'blob-blue', 'bowl', 'box', 'commodore', 'frame', 'punch-bowl']
    .map((n) => [n, 1, 'static']),
  body: ['backpack', 'claws', 'heart', 'swag', 'tank', 'wings', 'fire'].map((n) => [n, 1, 'static']),
  top: ['antenna', 'bulb', 'bunny-ears', 'disco', 'leaf', 'lollypop', 'mohawk', 'plant', 'radar',
    'bun', 'horns', 'spikes'].map((n) => [n, 1, 'static']),
};
export const ENCODING_ORDER = ['eyes', 'heads', 'body', 'top'];
export const LAYER_ORDER = ['top', 'body', 'heads', 'eyes'];

// Bounce: per tick, offsets for top, heads, eyes, body (unrounded).
const BOUNCE = [
  [0, 0, 0, 0], [0, 0, 0, 0], [0, 1, 1, 0], [1, 2, 2, 1],
  [2, 2, 2, 1], [2.5, 2, 2, 1], [2, 1, 1, 1], [1, 0, 0, 0],
];
const BLINK = [0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
export const FRAME_MS = 72;

export function decodeId(id) {
  if (typeof id !== 'string' || !/^[0-9a-z]{4}$/.test(id)) throw new Error(`invalid ID "${id}"`);
  const combo = {};
  ENCODING_ORDER.forEach((cat, i) => {
    const index = parseInt(id[i], 36);
    if (index >= CATALOG[cat].length) throw new Error(`invalid ID "${id}": ${cat} index ${index}`);
    combo[cat] = index;
  });
  return combo;
}

export function frameDelayMs(speed = 1) {
  const s = Math.min(4, Math.max(0.25, speed));
  return Math.max(20, Math.round(FRAME_MS / s));
}

// A pack: every sheet decoded once into raw RGBA 32x32 frames (Buffer per frame).
export async function loadPack(dir) {
  const pack = {};
  for (const cat of ENCODING_ORDER) {
    pack[cat] = await Promise.all(CATALOG[cat].map(async ([name, frames, kind]) => {
      const file = await readFile(path.join(dir, cat, `${name}.png`));
      const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const sheetFrames = Math.max(1, Math.floor(info.width / N));
      const count = Math.min(frames, sheetFrames);
      const out = [];
      for (let f = 0; f < count; f++) {
        const buf = Buffer.alloc(N * N * 4);
        for (let y = 0; y < N; y++) {
          data.copy(buf, y * N * 4, (y * info.width + f * N) * 4, (y * info.width + f * N + N) * 4);
        }
        out.push(buf);
      }
      return { name, kind, frames: out };
    }));
  }
  return pack;
}

// Per tick: rounded offsets and sprite frame index per category.
export function timeline(pack, combo) {
  const parts = Object.fromEntries(ENCODING_ORDER.map((c) => [c, pack[c][combo[c]]]));
  const animatedParts = ENCODING_ORDER.some((c) => parts[c].frames.length > 1);
  const ticks = animatedParts ? 16 : 8;
  const out = [];
  for (let t = 0; t < ticks; t++) {
    const [top, heads, eyes, body] = BOUNCE[t % 8];
    const offsets = { top: Math.round(top), heads: Math.round(heads), eyes: Math.round(eyes), body: Math.round(body) };
    const sprite = {};
    for (const c of ENCODING_ORDER) {
      const p = parts[c];
      let f = 0;
      if (p.kind === 'blink') f = BLINK[t];
      else if (p.kind === 'sequence') f = t % p.frames.length;
      sprite[c] = Math.min(f, p.frames.length - 1);
    }
    out.push({ tick: t, offsets, sprite });
  }
  return { parts, ticks: out };
}

const raw32 = (h = N) => ({ raw: { width: N, height: h, channels: 4 } });

// One tick composited on the 32x36 canvas (libvips composite: one float pass over the stack),
// cropped to the top 32x32. Returns raw RGBA.
export async function composeTick(parts, tick) {
  const layers = [];
  for (const c of LAYER_ORDER) {
    const frame = parts[c].frames[tick.sprite[c]];
    const dy = tick.offsets[c];
    if (c === 'body' && dy > 0) {
      // Feet stay planted: rows 0..30 shift down, row 31 stays at y = 31 on top of them.
      layers.push({ input: frame.subarray(0, (N - 1) * N * 4), ...raw32(N - 1), left: 0, top: dy });
      layers.push({ input: frame.subarray((N - 1) * N * 4), ...raw32(1), left: 0, top: N - 1 });
    } else {
      layers.push({ input: frame, ...raw32(), left: 0, top: dy });
    }
  }
  const canvas = await sharp({
    create: { width: N, height: N + PAD, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  }).composite(layers).raw().toBuffer();
  return canvas.subarray(0, N * N * 4); // crop: the top 32 rows
}

function hasPalette(o) {
  return (o.hue ?? 0) !== 0 || (o.saturate ?? 1) !== 1;
}
function normHue(h) {
  return ((Math.round(h) % 360) + 360) % 360;
}
function bgColour(hex) {
  const v = parseInt(hex.slice(1), 16);
  return { r: v >> 16, g: (v >> 8) & 255, b: v & 255 };
}
async function palette(buf, o) {
  return sharp(buf, raw32()).modulate({ hue: normHue(o.hue ?? 0), saturation: o.saturate ?? 1 })
    .ensureAlpha().raw().toBuffer();
}
// Animated frames keep 4 channels (alpha 255) so they stack uniformly; a static render with bg
// is RGB, as the service's PNGs are.
async function flatten(buf, o, keepAlpha) {
  const img = sharp(buf, raw32()).flatten({ background: bgColour(o.bg) });
  return (keepAlpha ? img.ensureAlpha() : img).raw().toBuffer();
}

// Filters at 32x32. Static: palette then bg (SPEC "Static render"). Animated: bg then palette
// (what the service's animated references show).
async function filterFrame(buf, o, animated) {
  let b = buf;
  if (animated) {
    if (o.bg) b = await flatten(b, o, true);
    if (hasPalette(o)) b = await palette(b, o);
  } else {
    if (hasPalette(o)) b = await palette(b, o);
    if (o.bg) b = await flatten(b, o, false);
  }
  return b;
}

// Merge identical consecutive frames, adding their delays (the 'js' merge mode).
export function mergeFrames(frames, delay) {
  const pages = [];
  const delays = [];
  for (const f of frames) {
    if (pages.length && pages[pages.length - 1].equals(f)) delays[delays.length - 1] += delay;
    else { pages.push(f); delays.push(delay); }
  }
  return { pages, delays };
}

export const DEFAULT_ENCODE = {
  png: {},
  gif: {},
  webp: { lossless: true },
};

// Render one avatar. o: {size, format: png|gif|webp, animated, speed, hue, saturate, bg,
// merge: 'encoder' (default: hand every tick to the encoder, which merges identical
// consecutive frames and adds their delays in its own units, as the service's bytes show) |
// 'js' (merge here first; GIF delays then round differently, e.g. 2 x 24 ms -> 50 ms, not 40),
// encode: extra sharp options for the format}.
export async function render(pack, id, o = {}) {
  const size = o.size ?? 128;
  const format = o.format ?? 'png';
  const animated = o.animated ?? format !== 'png';
  const combo = decodeId(id);
  const { parts, ticks } = timeline(pack, combo);
  const encodeOpts = { ...DEFAULT_ENCODE[format], ...(o.encode ?? {}) };

  if (!animated) {
    const f = await filterFrame(await composeTick(parts, ticks[0]), o, false);
    const channels = o.bg ? 3 : 4;
    const img = sharp(f, { raw: { width: N, height: N, channels } }).resize(size, size, { kernel: 'nearest' });
    if (format === 'png') return img.png(encodeOpts).toBuffer();
    if (format === 'gif') return img.gif(encodeOpts).toBuffer();
    return img.webp(encodeOpts).toBuffer();
  }
  if (format === 'png') throw new Error('animated PNG is not produced by the service');

  const frames = [];
  for (const t of ticks) frames.push(await filterFrame(await composeTick(parts, t), o, true));
  const delay = frameDelayMs(o.speed ?? 1);
  const { pages, delays } = o.merge === 'js'
    ? mergeFrames(frames, delay)
    : { pages: frames, delays: frames.map(() => delay) };
  // Scale the stacked pages as one strip (sharp does not resize raw input page by page),
  // then hand the scaled strip to the encoder with its page height.
  const n = pages.length;
  const scaled = await sharp(Buffer.concat(pages), { raw: { width: N, height: N * n, channels: 4 } })
    .resize(size, size * n, { kernel: 'nearest' }).raw().toBuffer();
  const img = sharp(scaled, { raw: { width: size, height: size * n, channels: 4, pageHeight: size } });
  const anim = { loop: 0, delay: delays };
  if (format === 'gif') return img.gif({ ...anim, ...encodeOpts }).toBuffer();
  return img.webp({ ...anim, ...encodeOpts }).toBuffer();
}
