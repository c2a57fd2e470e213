// The WebAssembly build renders byte for byte what the native CLI writes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { bots, cli, withTempDir } from './helpers.js';

const IDS = ['2156', '0000', '3409', 'f76b'];
const SEEDS = ['alice', 'Ünïcödé ✓', 'a much longer seed string with spaces and symbols !@#$%^&*()'];
const SIZES = [32, 128, 333, 480];

// A case: the package's options and the CLI flags that ask for the same.
function flagsOf(options) {
  const flags = [];
  if (options.size !== undefined) flags.push('--size', String(options.size));
  if (options.hue !== undefined) flags.push(`--hue=${options.hue}`);
  if (options.saturate !== undefined) flags.push('--saturate', String(options.saturate));
  if (options.bg !== undefined) flags.push('--bg', options.bg);
  if (options.speed !== undefined) flags.push('--speed', String(options.speed));
  if (options.origin !== undefined) flags.push('--origin', options.origin);
  if (options.compactSvg) flags.push('--compact');
  return flags;
}

function cliRender(id, format, options) {
  return new Uint8Array(cli(['render', id, '--format', format, ...flagsOf(options), '-o', '-']));
}

function label(id, options) {
  return `${id} ${JSON.stringify(options)}`;
}

const cases = [];
for (const id of IDS) {
  for (const size of SIZES) {
    cases.push([id, { format: 'png', size }]);
    cases.push([id, { format: 'svg', size }]);
    cases.push([id, { format: 'svg', size, compactSvg: true }]);
  }
  for (const size of [32, 128, 333]) {
    for (const format of ['gif', 'webp', 'apng']) cases.push([id, { format, size }]);
  }
  for (const format of ['json', 'frames']) {
    cases.push([id, { format }]);
    cases.push([id, { format, size: 333, origin: 'https://avatars.example.org' }]);
  }
}
for (const format of ['gif', 'webp', 'apng']) {
  cases.push(['2156', { format, size: 480 }]);
  cases.push(['f76b', { format, speed: 0.5 }]);
  cases.push(['3409', { format, speed: 2.5, bg: '#102030' }]);
}
const VARIANTS = [
  { hue: 200 }, { hue: -45.5 }, { saturate: 1.5 }, { saturate: 0 }, { bg: '#fde68a' },
  { hue: 200, saturate: 1.5, bg: '#000000' },
];
for (const id of ['2156', 'f76b']) {
  for (const variant of VARIANTS) {
    for (const format of ['png', 'gif', 'webp', 'apng', 'svg']) cases.push([id, { format, size: 128, ...variant }]);
  }
}

describe('byte identity with the native CLI', () => {
  for (const [id, options] of cases) {
    test(label(id, options), async () => {
      const expected = cliRender(id, options.format, options);
      assert.deepEqual((await bots()).render(id, options), expected);
    });
  }

  for (const text of SEEDS) {
    for (const format of ['png', 'gif']) {
      test(`seed ${JSON.stringify(text)} ${format}`, async () => {
        const b = await bots();
        const expected = new Uint8Array(cli(['render', '--seed', text, '--format', format, '-o', '-']));
        assert.deepEqual(b.render(b.seededId(text), { format }), expected);
      });
    }
  }
});

// The CLI writes a sheet as NAME.png and NAME.json, whose meta.image is NAME.png.
function cliSheet(id, options) {
  return withTempDir((dir) => {
    const flags = ['render', id, '--format', 'sheet', ...flagsOf(options), '-o', join(dir, 'bot.png')];
    if (options.sheetColumns !== undefined) flags.push('--columns', String(options.sheetColumns));
    cli(flags);
    return { png: new Uint8Array(readFileSync(join(dir, 'bot.png'))), json: new Uint8Array(readFileSync(join(dir, 'bot.json'))) };
  });
}

describe('sprite sheets identical to the CLI\'s', () => {
  for (const id of IDS) {
    for (const options of [{ size: 32 }, { size: 128, sheetColumns: 4 }, { size: 333, sheetColumns: 1, hue: 90 }]) {
      test(label(id, options), async () => {
        const b = await bots();
        const expected = cliSheet(id, options);
        assert.deepEqual(b.render(id, { ...options, format: 'sheet-png' }), expected.png);
        assert.deepEqual(b.render(id, { ...options, format: 'sheet-json', sheetImage: 'bot.png' }), expected.json);
      });
    }
  }
});

// The CLI writes no raw RGBA and no single ticks: those are compared as pixels
// with the CLI's PNG and its one-column sheet (every tick stacked, tick 0 on top).
describe('ticks and raw RGBA, pixel for pixel with the CLI', () => {
  for (const id of IDS) {
    for (const size of [32, 333]) {
      test(`${id} size ${size}`, async () => {
        const b = await bots();
        const still = b.decodePng(cliRender(id, 'png', { size }));
        assert.deepEqual(b.render(id, { format: 'rgba', size }), still.data);
        assert.deepEqual(b.render(id, { format: 'rgba', size, tick: 'still' }), still.data);

        const strip = b.decodePng(cliSheet(id, { size, sheetColumns: 1 }).png);
        const ticks = b.tickCount(id);
        assert.deepEqual([strip.width, strip.height], [size, size * ticks]);
        const all = b.decodePng(b.render(id, { size, tick: 'all' }));
        assert.deepEqual([all.width, all.height], [size, size * ticks]);
        assert.deepEqual(all.data, strip.data);
        assert.deepEqual(b.render(id, { format: 'rgba', size, tick: 'all' }), strip.data);

        const frame = size * size * 4;
        for (const tick of [0, 3, ticks - 1]) {
          const one = b.decodePng(b.render(id, { size, tick }));
          assert.deepEqual(one.data, strip.data.subarray(tick * frame, (tick + 1) * frame), `tick ${tick}`);
        }
      });
    }
  }
});

// The CLI never merges repeated ticks: the merged sheet is checked against its
// one-column sheet, each merged frame the tick it starts at, held for as long
// as the ticks it stands for.
describe('merged sheets hold the CLI\'s ticks', () => {
  for (const id of ['2156', '0000', 'f76b', '3409']) {
    test(id, async () => {
      const b = await bots();
      const size = 32;
      const strip = b.decodePng(cliSheet(id, { size, sheetColumns: 1 }).png);
      const options = { size, sheetColumns: 1, mergeRepeats: true };
      const sheet = b.decodePng(b.render(id, { ...options, format: 'sheet-png' }));
      const { frames } = JSON.parse(new TextDecoder().decode(b.render(id, { ...options, format: 'sheet-json' })));
      assert.equal(sheet.height, frames.length * size);
      const frame = size * size * 4;
      let tick = 0;
      frames.forEach(({ frame: at, duration }, i) => {
        assert.deepEqual([at.x, at.y, at.w, at.h], [0, i * size, size, size]);
        assert.deepEqual(sheet.data.subarray(i * frame, (i + 1) * frame), strip.data.subarray(tick * frame, (tick + 1) * frame), `frame ${i}`);
        assert.equal(duration % b.tickDurationMs(), 0);
        tick += duration / b.tickDurationMs();
      });
      assert.equal(tick, b.tickCount(id));
      // As many frames as runs of identical consecutive ticks in the strip.
      const tickAt = (t) => Buffer.from(strip.data.subarray(t * frame, (t + 1) * frame));
      let runs = 1;
      for (let t = 1; t < tick; t++) if (!tickAt(t).equals(tickAt(t - 1))) runs += 1;
      assert.equal(frames.length, runs);
    });
  }
});
