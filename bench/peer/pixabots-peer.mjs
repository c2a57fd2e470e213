#!/usr/bin/env node
// Command line of the benchmark peer: render one file, benchmark cases, or check the pipeline
// against the service's conformance files. See README.md.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import sharp from 'sharp';
import { loadPack, render } from './pipeline.mjs';

const USAGE = `usage:
  pixabots-peer.mjs render ID --pack DIR [--size 128] [--format png|gif|webp] [--animated]
                    [--speed 1] [--hue 0] [--saturate 1] [--bg #rrggbb] [--encode JSON] -o FILE
  pixabots-peer.mjs bench --pack DIR --ids 2156,0000 [--sizes 128,480] [--formats png,gif,webp]
                    [--reps 20] [--encode JSON]      (one JSON line per case on stdout)
  pixabots-peer.mjs check --conformance DIR [--encode JSON]
                    (renders every case of DIR/cases.json, compares file bytes and pixels)
gif and webp are animated unless --static; png is static. --merge js merges identical frames
in JS instead of in the encoder (the service lets the encoder do it). --encode adds sharp
options for the format, e.g. '{"effort":10}'.`;

const OPTIONS = {
  pack: { type: 'string' },
  size: { type: 'string', default: '128' },
  format: { type: 'string' },
  animated: { type: 'boolean', default: false },
  static: { type: 'boolean', default: false },
  speed: { type: 'string', default: '1' },
  hue: { type: 'string', default: '0' },
  saturate: { type: 'string', default: '1' },
  bg: { type: 'string' },
  encode: { type: 'string' },
  merge: { type: 'string', default: 'encoder' },
  output: { type: 'string', short: 'o' },
  ids: { type: 'string' },
  sizes: { type: 'string', default: '128,480' },
  formats: { type: 'string', default: 'png,gif,webp' },
  reps: { type: 'string', default: '20' },
  conformance: { type: 'string' },
  threads: { type: 'string', default: '1' },
  help: { type: 'boolean', short: 'h' },
};

function fail(msg) {
  process.stderr.write(`${msg}\n${USAGE}\n`);
  process.exit(2);
}

function renderOptions(v, format, size) {
  const o = {
    size,
    format,
    animated: format === 'png' ? v.animated : !v.static,
    speed: Number(v.speed),
    hue: Number(v.hue),
    saturate: Number(v.saturate),
    merge: v.merge,
  };
  if (v.bg) {
    if (!/^#[0-9a-fA-F]{6}$/.test(v.bg)) fail(`bad --bg ${v.bg}`);
    o.bg = v.bg.toLowerCase();
  }
  if (v.encode) o.encode = JSON.parse(v.encode);
  return o;
}

function formatOf(v) {
  if (v.format) return v.format;
  const ext = path.extname(v.output ?? '').slice(1).toLowerCase();
  return ['png', 'gif', 'webp'].includes(ext) ? ext : 'png';
}

async function cmdRender(v, positionals) {
  const id = positionals[0];
  if (!id || !v.pack || !v.output) fail('render needs ID, --pack and -o');
  const pack = await loadPack(v.pack);
  const buf = await render(pack, id, renderOptions(v, formatOf(v), Number(v.size)));
  await writeFile(v.output, buf);
  process.stderr.write(`${v.output}: ${buf.length} bytes\n`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function cmdBench(v) {
  if (!v.pack || !v.ids) fail('bench needs --pack and --ids');
  const pack = await loadPack(v.pack); // sprites decoded once, outside the timing
  const reps = Math.max(1, Number(v.reps));
  for (const id of v.ids.split(',')) {
    for (const size of v.sizes.split(',').map(Number)) {
      for (const format of v.formats.split(',')) {
        const o = renderOptions(v, format, size);
        const buf = await render(pack, id, o); // warm-up, and the bytes reported
        const times = [];
        for (let i = 0; i < reps; i++) {
          const t0 = process.hrtime.bigint();
          await render(pack, id, o);
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        const line = {
          id, size, format, animated: o.animated, bytes: buf.length,
          median_ms: +median(times).toFixed(3), min_ms: +Math.min(...times).toFixed(3), reps,
          threads: sharp.concurrency(), sharp: sharp.versions.sharp, libvips: sharp.versions.vips,
        };
        if (o.encode) line.encode = o.encode;
        process.stdout.write(`${JSON.stringify(line)}\n`);
      }
    }
  }
}

async function cmdCheck(v) {
  if (!v.conformance) fail('check needs --conformance DIR');
  const dir = v.conformance;
  const { cases } = JSON.parse(await readFile(path.join(dir, 'cases.json'), 'utf8'));
  const pack = await loadPack(path.join(dir, 'pack'));
  const tally = {};
  for (const c of cases) {
    if (!['png', 'gif', 'webp'].includes(c.kind) || c.file.includes('_ticks_')) continue;
    const animated = c.kind !== 'png';
    const o = {
      size: c.size, format: c.kind, animated, speed: c.speed ?? 1, hue: c.hue ?? 0,
      saturate: c.saturate ?? 1, bg: c.bg, merge: v.merge,
    };
    if (v.encode) o.encode = JSON.parse(v.encode);
    const buf = await render(pack, c.id, o);
    const expected = await readFile(path.join(dir, c.file));
    const { data } = await sharp(buf, { animated }).raw().toBuffer({ resolveWithObject: true });
    const pixels = crypto.createHash('sha256').update(data).digest('hex') === c.pixelsSha256;
    const same = buf.equals(expected);
    const t = (tally[c.kind] ??= { cases: 0, identical: 0, pixels: 0, bytes: 0, expectedBytes: 0 });
    t.cases++; t.identical += same; t.pixels += pixels; t.bytes += buf.length;
    t.expectedBytes += expected.length;
    if (!same) {
      process.stdout.write(`${JSON.stringify({ file: c.file, bytes: buf.length, expected: expected.length, pixels })}\n`);
    }
  }
  for (const [kind, t] of Object.entries(tally)) process.stdout.write(`${JSON.stringify({ kind, ...t })}\n`);
  const bad = Object.values(tally).some((t) => t.pixels !== t.cases);
  process.exit(bad ? 1 : 0);
}

const { values, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true });
if (values.help || positionals.length === 0) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 2);
}
sharp.concurrency(Number(values.threads)); // one libvips thread by default, for fair timing
sharp.cache(false); // no libvips operation cache between repetitions
const [mode, ...rest] = positionals;
if (mode === 'render') await cmdRender(values, rest);
else if (mode === 'bench') await cmdBench(values);
else if (mode === 'check') await cmdCheck(values);
else fail(`unknown mode ${mode}`);
