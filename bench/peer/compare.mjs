#!/usr/bin/env node
// Compare our CLI with the peer: bytes, whether the decoded pages are the same, and times.
// Ours is timed as whole processes (start-up included); for in-process numbers use
// build/bench/pixabots_bench. Prints a Markdown table, then one JSON line per case on stderr.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { loadPack, render } from './pipeline.mjs';

const { values: v } = parseArgs({
  options: {
    ours: { type: 'string' },
    pack: { type: 'string' },
    ids: { type: 'string', default: '0000,1000,2156,3409,8755,e36b' },
    sizes: { type: 'string', default: '64,128,480' },
    formats: { type: 'string', default: 'gif,webp' },
    reps: { type: 'string', default: '20' },
  },
});
if (!v.ours || !v.pack) {
  process.stderr.write('usage: compare.mjs --ours PATH/TO/pixabots --pack DIR [--ids ..] [--sizes ..] [--formats gif,webp] [--reps 20]\n');
  process.exit(2);
}
sharp.concurrency(1);
sharp.cache(false);
const reps = Math.max(1, Number(v.reps));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const decode = async (buf) => sharp(buf, { animated: true }).raw().toBuffer({ resolveWithObject: true });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pixabots-compare-'));
const pack = await loadPack(v.pack);

// Process start-up of ours, to read the process times against.
const startup = [];
for (let i = 0; i < reps; i++) {
  const t0 = process.hrtime.bigint();
  execFileSync(v.ours, ['--version']);
  startup.push(ms(t0));
}
process.stdout.write(`ours: ${v.ours}; process start-up (--version) median ${median(startup).toFixed(2)} ms\n\n`);
process.stdout.write('| id | size | format | peer bytes | our bytes | ours/peer | same pages | peer ms | our process ms |\n');
process.stdout.write('|---|---:|---|---:|---:|---:|---|---:|---:|\n');

const totals = {};
for (const format of v.formats.split(',')) {
  for (const size of v.sizes.split(',').map(Number)) {
    for (const id of v.ids.split(',')) {
      const o = { size, format, animated: format !== 'png' };
      const peer = await render(pack, id, o);
      const peerTimes = [];
      for (let i = 0; i < reps; i++) {
        const t0 = process.hrtime.bigint();
        await render(pack, id, o);
        peerTimes.push(ms(t0));
      }
      const out = path.join(tmp, `${id}_${size}.${format}`);
      const args = ['render', id, '--pack', v.pack, '--size', String(size), '--format', format, '-o', out];
      if (o.animated) args.push('--animated');
      const ourTimes = [];
      for (let i = 0; i < reps; i++) {
        const t0 = process.hrtime.bigint();
        execFileSync(v.ours, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        ourTimes.push(ms(t0));
      }
      const ours = readFileSync(out);
      const [a, b] = [await decode(peer), await decode(ours)];
      const samePages = a.info.pages === b.info.pages && a.data.equals(b.data);
      const row = {
        id, size, format, peerBytes: peer.length, ourBytes: ours.length,
        ratio: +(ours.length / peer.length).toFixed(3), samePages,
        pages: [a.info.pages, b.info.pages],
        peerMs: +median(peerTimes).toFixed(2), ourProcessMs: +median(ourTimes).toFixed(2),
      };
      const key = `${format}@${size}`;
      const t = (totals[key] ??= { peer: 0, ours: 0 });
      t.peer += peer.length; t.ours += ours.length;
      process.stdout.write(`| ${id} | ${size} | ${format} | ${row.peerBytes} | ${row.ourBytes} | ${row.ratio.toFixed(3)} | ${samePages ? 'yes' : `no (pages ${row.pages})`} | ${row.peerMs.toFixed(1)} | ${row.ourProcessMs.toFixed(1)} |\n`);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  }
}
process.stdout.write('\n| total | peer bytes | our bytes | ours/peer |\n|---|---:|---:|---:|\n');
for (const [key, t] of Object.entries(totals)) {
  process.stdout.write(`| ${key} | ${t.peer} | ${t.ours} | ${(t.ours / t.peer).toFixed(3)} |\n`);
}
rmSync(tmp, { recursive: true, force: true });
