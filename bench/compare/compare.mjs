#!/usr/bin/env node
// Ours vs the service's pipeline, in process on both sides: runs the same
// cases through pixabots_bench (Render/<format>/<size>, medians of Google
// Benchmark repetitions, wall time) and through bench/peer (sharp, one libvips
// thread, median of --peer-reps renders), both on the same sprite pack, and
// prints a Markdown table. Not part of CI. See bench/compare/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: v } = parseArgs({
  options: {
    bench: { type: 'string', default: path.join(root, 'build-bench/bench/pixabots_bench') },
    pack: { type: 'string', default: path.join(root, 'tests/data/conformance/pack') },
    ids: { type: 'string', default: '2156' },
    sizes: { type: 'string', default: '32,128,480,1920' },
    formats: { type: 'string', default: 'png,gif,webp,apng,svg,svg_compact,rgba' },
    reps: { type: 'string', default: '5' },        // our Google Benchmark repetitions
    'peer-reps': { type: 'string', default: '20' }, // peer renders per case
    json: { type: 'boolean', default: false },      // also one JSON line per case on stderr
    help: { type: 'boolean', short: 'h' },
  },
});
if (v.help) {
  process.stdout.write('usage: compare.mjs [--bench PATH] [--pack DIR] [--ids 2156] [--sizes 32,128,480,1920]\n' +
    '                   [--formats png,gif,webp,apng,svg,svg_compact,rgba] [--reps 5] [--peer-reps 20] [--json]\n');
  process.exit(0);
}
if (!existsSync(v.bench)) {
  process.stderr.write(`no benchmark binary at ${v.bench}: build it (cmake --build build-bench --target pixabots_bench) or pass --bench\n`);
  process.exit(2);
}

const PEER_FORMATS = new Set(['png', 'gif', 'webp']);  // what bench/peer renders
const sizes = v.sizes.split(',');
const formats = v.formats.split(',');
const peerFormats = formats.filter((f) => PEER_FORMATS.has(f));

// Medians (ms, bytes) of our Render/<format>/<size> benchmarks for one ID.
function runOurs(id) {
  const filter = `^Render/(${formats.join('|')})/(${sizes.join('|')})$`;
  const out = execFileSync(v.bench, [
    `--benchmark_filter=${filter}`, `--benchmark_repetitions=${v.reps}`,
    '--benchmark_report_aggregates_only=true', '--benchmark_format=json',
  ], { env: { ...process.env, PIXABOTS_BENCH_PACK: v.pack, PIXABOTS_BENCH_IDS: id }, maxBuffer: 64 << 20 });
  const scale = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 };
  const result = new Map();
  for (const b of JSON.parse(out).benchmarks) {
    if (b.aggregate_name !== 'median') continue;
    result.set(b.run_name, { ms: b.real_time * scale[b.time_unit], bytes: b.bytes });
  }
  return result;
}

// The peer's median ms and bytes per "<format>/<size>" for one ID.
function runPeer(id) {
  const result = new Map();
  if (peerFormats.length === 0) return result;
  const out = execFileSync('node', [
    path.join(root, 'bench/peer/pixabots-peer.mjs'), 'bench', '--pack', v.pack, '--ids', id,
    '--sizes', v.sizes, '--formats', peerFormats.join(','), '--reps', v['peer-reps'],
  ], { maxBuffer: 64 << 20 });
  for (const line of out.toString().split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    result.set(`${r.format}/${r.size}`, { ms: r.median_ms, bytes: r.bytes });
  }
  return result;
}

const fmtMs = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} us`);
const fmtBytes = (b) => (b >= 10000 ? `${(b / 1000).toFixed(1)} kB` : `${Math.round(b)} B`);
const ids = v.ids.split(',');

process.stdout.write(`pack ${path.relative(root, v.pack) || v.pack}; ours: ${path.relative(root, v.bench)} ` +
  `(median of ${v.reps} repetitions); peer: bench/peer, sharp, 1 thread (median of ${v['peer-reps']})\n\n`);
process.stdout.write('| case | ours median | peer median | speed (peer/ours) | our bytes | peer bytes | bytes (ours/peer) |\n');
process.stdout.write('|---|---:|---:|---:|---:|---:|---:|\n');
for (const id of ids) {
  const ours = runOurs(id);
  const peer = runPeer(id);
  for (const format of formats) {
    for (const size of sizes) {
      const key = `${format}/${size}`;
      const o = ours.get(`Render/${key}`);
      const p = peer.get(key);
      if (!o) continue;
      const name = ids.length > 1 ? `${key} ${id}` : key;
      const cells = p
        ? [fmtMs(p.ms), `${(p.ms / o.ms).toFixed(p.ms / o.ms >= 100 ? 0 : 1)}x`, fmtBytes(o.bytes), fmtBytes(p.bytes),
          `${(o.bytes / p.bytes).toFixed(2)}`]
        : ['—', '—', fmtBytes(o.bytes), '—', '—'];
      process.stdout.write(`| ${name} | ${fmtMs(o.ms)} | ${cells.join(' | ')} |\n`);
      if (v.json) {
        process.stderr.write(`${JSON.stringify({ id, format, size: Number(size), ours_ms: o.ms, ours_bytes: o.bytes,
          peer_ms: p?.ms ?? null, peer_bytes: p?.bytes ?? null })}\n`);
      }
    }
  }
}
