#!/usr/bin/env node
// pixabots-web against the issue's budgets, with the native library beside it
// in the same run: download size, load() in a fresh process, and renders per
// format as a ratio to native. A measurement, not a test: it exits 0 whether
// or not a budget is met and marks each PASS or MISS.
//
//   node bench/web/run.mjs [--processes 21] [--rounds 7] [--batch-ms 50] [--json]
//
// Needs bindings/web/dist (scripts/build-web.sh), bindings/node's node_modules
// and the native shared library (PIXABOTS_LIBRARY, default build/src/libpixabots.so.1).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { measureLoad } from './load.mjs';
import { nativeLibrary } from './paths.mjs';
import { measureRender } from './render.mjs';
import { sizes } from './size.mjs';
import { formatKb, formatMs, verdict } from './stats.mjs';

const BUDGETS = { rawBytes: 400 * 1000, gzipBytes: 160 * 1000, loadMs: 30 };

const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '21' },
    rounds: { type: 'string', default: '7' },
    'batch-ms': { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
  },
});

const loadBefore = loadavg();
const size = sizes();
const load = measureLoad(Number(args.processes));
const render = await measureRender({ rounds: Number(args.rounds), targetBatchMs: Number(args['batch-ms']) });
const result = {
  node: process.version,
  nativeLibrary,
  loadAverage: { before: loadBefore, after: loadavg() },
  budgets: BUDGETS,
  size,
  load,
  render,
};

function row(cells) {
  console.log(`| ${cells.join(' | ')} |`);
}

function table(header, rows) {
  row(header);
  row(header.map(() => '---'));
  rows.forEach(row);
  console.log();
}

const range = (s) => `${formatMs(s.median)} (${formatMs(s.min)}-${formatMs(s.max)})`;

function printTables({ node, loadAverage, size, load, render }) {
  const avg = (a) => a.map((x) => x.toFixed(2)).join(' ');
  console.log(`Node ${node}; load average ${avg(loadAverage.before)} before, ${avg(loadAverage.after)} after\n`);

  const files = [...size.published.files, size.bundled.files[1]];
  table(['file', 'raw', 'gzip -9'], files.map((f) => [f.file, formatKb(f.raw), formatKb(f.gzip)]));
  const download = (name, s) => [name, formatKb(s.raw), formatKb(s.gzip),
    `${verdict(s.raw <= BUDGETS.rawBytes)} / ${verdict(s.gzip <= BUDGETS.gzipBytes)}`];
  table(['download', 'raw', 'gzip -9', 'budget (400 kB / 160 kB)'], [
    download('.wasm + .mjs', size.dist),
    download('.wasm + .mjs + index.js + lib/*.js, as published', size.published),
    download('.wasm + the minified bundle', size.bundled),
  ]);

  const { wasm, native, phases } = load;
  const both = (mode, step) => `${range(mode.wall[step])}; CPU ${formatMs(mode.cpu[step].median)}`;
  table(['fresh process: wall median (min-max); CPU median', 'wasm', 'native', 'budget'], [
    ['import the package', both(wasm, 'import'), both(native, 'import'), ''],
    ['first `load()` / `new Context()`', both(wasm, 'load'), both(native, 'context'),
      `${verdict(wasm.wall.load.median <= BUDGETS.loadMs)} (<= ${BUDGETS.loadMs} ms)`],
    ['second `load()` (a context in the shared instance)', both(wasm, 'load2'), '', ''],
    ['first PNG@128 after it', both(wasm, 'png'), both(native, 'png'), ''],
  ]);
  table(['load() step by step, fresh process', 'wall median (min-max); CPU median'],
    Object.keys(phases.wall).map((step) => [step, both(phases, step)]));

  table(['render (bot 2156)', 'wasm', 'native', 'wasm/native', 'round ratios', 'bytes (same?)', 'budget'],
    render.map((r) => [
      r.name, range(r.wasm), range(r.native), `${r.ratio.toFixed(2)}x`,
      `${r.roundRatios.min.toFixed(2)}-${r.roundRatios.max.toFixed(2)}`,
      `${r.bytes.wasm} (${r.bytes.same ? 'same' : `native ${r.bytes.native}`})`,
      r.budget ? `${verdict(r.ratio <= r.budget)} (<= ${r.budget}x)` : '—',
    ]));
}

if (args.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  printTables(result);
}
