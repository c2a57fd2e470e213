'use strict';
// The binding's tests: node --test. The library comes from PIXABOTS_LIBRARY
// (ctest sets it) or the system loader; the conformance data from
// PIXABOTS_TEST_DATA or this repository's tests/data.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const pixabots = require('..');
const { Context, PixabotsError, decodePng, tickDurationMs, version } = pixabots;
const { readPng, rowBytes, decodeRgba, SIGNATURE } = require('./png-reader');

const DATA = process.env.PIXABOTS_TEST_DATA || path.resolve(__dirname, '../../../tests/data');
const CONFORMANCE = path.join(DATA, 'conformance');
const cases = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'cases.json'), 'utf8'));

const ctx = new Context();
test.after(() => ctx.close());

function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

// Largest per-channel difference of two same-sized pixel buffers.
function maxDifference(a, b) {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

test('version() is the loaded library\'s "major.minor.patch"', () => {
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test('2156 renders to a PNG that zlib and decodePng both read', () => {
  const png = ctx.renderSync('2156');
  assert.ok(Buffer.isBuffer(png));

  // Independently of the library: signature, IHDR, and the inflated IDAT
  // holding exactly height rows of (filter byte + row bytes).
  assert.deepEqual(png.subarray(0, 8), SIGNATURE);
  const header = readPng(png);
  assert.equal(header.width, 128);
  assert.equal(header.height, 128);
  assert.equal(header.interlace, 0);
  assert.equal(header.inflated.length, header.height * (rowBytes(header) + 1));
  assert.equal(header.chunks.at(-1).type, 'IEND');

  const decoded = decodePng(png);
  assert.equal(decoded.width, 128);
  assert.equal(decoded.height, 128);
  assert.equal(decoded.data.length, 128 * 128 * 4);
  const independent = decodeRgba(png);
  assert.ok(decoded.data.equals(independent.data), 'decodePng and the zlib reader agree');

  const rgba = ctx.renderRgbaSync('2156');
  assert.ok(rgba.equals(decoded.data), 'the PNG holds exactly the RGBA pixels');
  let opaque = 0;
  for (let i = 3; i < rgba.length; i += 4) opaque += rgba[i] === 255 ? 1 : 0;
  assert.ok(opaque > 1000 && opaque < 128 * 128, 'a robot on a transparent background');
});

test('sizes and options reach the library', () => {
  const png = ctx.renderSync('2156', { size: 256, bg: '#fde68a', hue: 90, saturate: 1.5 });
  const decoded = decodeRgba(png);
  assert.equal(decoded.width, 256);
  assert.equal(decoded.height, 256);
  for (let i = 3; i < decoded.data.length; i += 4) assert.equal(decoded.data[i], 255, 'bg makes it opaque');
  const still = ctx.renderRgbaSync('2156', { size: 64 });
  const tick3 = ctx.renderRgbaSync('2156', { size: 64, tick: 3 });
  assert.equal(tick3.length, still.length);
  const all = ctx.renderRgbaSync('2156', { size: 64, tick: 'all' });
  assert.equal(all.length, 64 * 64 * 4 * ctx.tickCount('2156'));
  const allPng = decodePng(ctx.renderSync('2156', { size: 64, tick: 'all' }));
  assert.equal(allPng.height, 64 * ctx.tickCount('2156'));
  assert.ok(allPng.data.equals(all));
});

test('every format renders, sync and async alike', async () => {
  const magic = {
    png: (b) => b.subarray(0, 8).equals(SIGNATURE),
    apng: (b) => b.subarray(0, 8).equals(SIGNATURE) && b.includes('acTL'),
    'sheet-png': (b) => b.subarray(0, 8).equals(SIGNATURE),
    gif: (b) => b.toString('latin1', 0, 6) === 'GIF89a',
    webp: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
    svg: (b) => b.toString('utf8').startsWith('<svg'),
    rgba: (b) => b.length === 96 * 96 * 4,
    json: (b) => JSON.parse(b.toString('utf8')).id === '2156',
    frames: (b) => typeof JSON.parse(b.toString('utf8')) === 'object',
    'sheet-json': (b) => 'frames' in JSON.parse(b.toString('utf8')),
  };
  assert.deepEqual(Object.keys(magic).sort(), Object.keys(pixabots.FORMATS).sort());
  for (const format of Object.keys(magic)) {
    const options = { format, size: 96 };
    const sync = ctx.renderSync('2156', options);
    assert.ok(magic[format](sync), `${format} output looks like ${format}`);
    const async = await ctx.render('2156', options);
    assert.ok(async.equals(sync), `${format}: async equals sync`);
  }
  const origin = JSON.parse(ctx.renderSync('2156', { format: 'json', origin: 'https://example.test' }));
  assert.ok(JSON.stringify(origin).includes('https://example.test'));
  const sheet = JSON.parse(ctx.renderSync('2156', { format: 'sheet-json', sheetImage: 'bot.png', sheetColumns: 4 }));
  assert.ok(JSON.stringify(sheet).includes('bot.png'));
  const compact = ctx.renderSync('2156', { format: 'svg', compactSvg: true });
  assert.ok(compact.length < ctx.renderSync('2156', { format: 'svg' }).length);
  const fast = ctx.renderSync('2156', { format: 'gif', speed: 2 });
  assert.ok(!fast.equals(ctx.renderSync('2156', { format: 'gif' })), 'speed reaches the library');
  const frames = (options) => JSON.parse(ctx.renderSync('0000', { format: 'sheet-json', ...options })).frames.length;
  assert.ok(frames({ mergeRepeats: true }) < frames({}), 'mergeRepeats reaches the library');
});

test('pxb_options is declared with the C layout', (t) => {
  const { native } = require('../lib/native');
  const { koffi, types, defaultOptions } = native();
  assert.equal(defaultOptions.struct_size, koffi.sizeof(types.pxb_options));
  if (process.arch !== 'x64' && process.arch !== 'arm64') return t.skip('offsets below are LP64 ones');
  // offsetof() of every field as a C compiler lays pixabots.h out on LP64.
  const expected = {
    struct_size: 0, size: 4, hue: 8, saturate: 16, bg: 24, speed: 32, format: 40, tick: 44,
    compact_svg: 48, sheet_columns: 52, merge_repeats: 56, origin: 64, sheet_image: 72,
  };
  assert.deepEqual(Object.keys(types.pxb_options.members), Object.keys(expected));
  for (const [field, offset] of Object.entries(expected)) {
    assert.equal(koffi.offsetof(types.pxb_options, field), offset, field);
  }
  assert.equal(koffi.sizeof(types.pxb_options), 80);
  assert.equal(koffi.sizeof(types.pxb_pack_file), 24);
  assert.equal(koffi.sizeof(types.pxb_combo), 16);
});

test('tick and loop durations', () => {
  for (const [speed, ms] of [[1, 72], [0.25, 288], [0.5, 144], [2, 36], [3, 24], [4, 20]]) {
    assert.equal(tickDurationMs(speed), ms, `speed ${speed}`);
    assert.equal(ms, Math.max(20, Math.round(72 / speed)));
  }
  assert.equal(tickDurationMs(), 72);
  assert.throws(() => tickDurationMs(5), (e) => e instanceof PixabotsError &&
    e.status === 'INVALID_OPTION' && /speed 5 is out of range: must be between 0.25 and 4/.test(e.message));
  assert.throws(() => tickDurationMs('fast'), TypeError);
  const ctx = new Context();
  // One ID of each loop length: 8 ticks (nothing animates) and 16.
  const ids = new Map();
  for (let i = 0; ids.size < 2 && i < ctx.comboCount(); i++) {
    const id = ctx.idAt(i);
    if (!ids.has(ctx.tickCount(id))) ids.set(ctx.tickCount(id), id);
  }
  assert.deepEqual([...ids.keys()].sort((a, b) => a - b), [8, 16]);
  for (const [ticks, id] of ids) {
    assert.equal(ctx.loopDurationMs(id), ticks * 72);
    assert.equal(ctx.loopDurationMs(id, 0.25), ticks * 288);
  }
  ctx.close();
});

test('catalogJson() is the catalog', () => {
  const ctx = new Context();
  const catalog = JSON.parse(ctx.catalogJson());
  assert.equal(catalog.combinations, 10752);
  assert.deepEqual(catalog.categories.eyes.map((p) => p.name),
    Array.from({ length: ctx.partCount('eyes') }, (_, i) => ctx.partName('eyes', i)));
  ctx.close();
});

test('a bad ID throws PixabotsError INVALID_ID, and render() rejects with the same message', async () => {
  let caught;
  assert.throws(() => ctx.renderSync('g000'), (error) => {
    caught = error;
    return error instanceof PixabotsError && error instanceof Error &&
      error.name === 'PixabotsError' && error.status === 'INVALID_ID' && error.statusCode === 1;
  });
  assert.match(caught.message, /invalid ID "g000": eyes index 16 is out of range/);
  await assert.rejects(ctx.render('g000'), (error) =>
    error instanceof PixabotsError && error.status === 'INVALID_ID' && error.message === caught.message);
  for (const bad of ['', '215', '21566', '2156\0', '!!!!']) {
    assert.throws(() => ctx.renderSync(bad), { name: 'PixabotsError', status: 'INVALID_ID' });
    assert.throws(() => ctx.decode(bad), { name: 'PixabotsError', status: 'INVALID_ID' });
    assert.equal(ctx.isValid(bad), false);
  }
  assert.throws(() => ctx.checkId('zzzz'), { status: 'INVALID_ID', message: /zzzz/ });
  assert.throws(() => ctx.renderSync(2156), TypeError);
  await assert.rejects(ctx.render(null), TypeError);
});

test('a bad size is rejected with the accepted range', async () => {
  assert.throws(() => ctx.renderSync('2156', { size: 20 }),
    { name: 'PixabotsError', status: 'INVALID_OPTION', message: /32 and 1920/ });
  await assert.rejects(ctx.render('2156', { size: 20 }),
    { name: 'PixabotsError', status: 'INVALID_OPTION', message: /size 20 .*32 and 1920/ });
  await assert.rejects(ctx.render('2156', { size: 4000 }), { message: /32 and 1920/ });
  assert.throws(() => ctx.renderRgbaSync('2156', { size: 1921 }), { status: 'INVALID_OPTION', message: /32 and 1920/ });
  // Not an integer, or not representable in C: refused before C is called.
  assert.throws(() => ctx.renderSync('2156', { size: 100.5 }), { name: 'RangeError', message: /32 and 1920/ });
  assert.throws(() => ctx.renderSync('2156', { size: 2 ** 40 }), RangeError);
});

test('invalid option values throw TypeError or RangeError before C is called', async () => {
  assert.throws(() => ctx.renderSync('2156', { format: 'bmp' }), { name: 'RangeError', message: /bmp/ });
  assert.throws(() => ctx.renderSync('2156', { format: 1 }), TypeError);
  assert.throws(() => ctx.renderSync('2156', { size: '128' }), TypeError);
  assert.throws(() => ctx.renderSync('2156', { sise: 128 }), { name: 'TypeError', message: /unknown option "sise"/ });
  assert.throws(() => ctx.renderSync('2156', { bg: 0xffffff }), TypeError);
  assert.throws(() => ctx.renderSync('2156', { tick: 'some' }), RangeError);
  assert.throws(() => ctx.renderSync('2156', { compactSvg: 1 }), TypeError);
  assert.throws(() => ctx.renderSync('2156', 'png'), TypeError);
  assert.throws(() => ctx.renderRgbaSync('2156', { format: 'png' }), RangeError);
  await assert.rejects(ctx.render('2156', { format: 'jpeg' }), RangeError);
  // Ranges are the library's, with its messages.
  assert.throws(() => ctx.renderSync('2156', { tick: 16 }), { status: 'INVALID_OPTION', message: /tick 16/ });
  assert.throws(() => ctx.renderSync('2156', { format: 'gif', tick: 2 }), { status: 'INVALID_OPTION' });
  assert.throws(() => ctx.renderSync('2156', { saturate: 5 }), { status: 'INVALID_OPTION', message: /between 0 and 4/ });
  assert.throws(() => ctx.renderSync('2156', { speed: 0 }), { status: 'INVALID_OPTION', message: /0.25 and 4/ });
  assert.throws(() => ctx.renderSync('2156', { hue: NaN }), { status: 'INVALID_OPTION', message: /finite/ });
  assert.throws(() => ctx.renderSync('2156', { bg: 'red' }), { status: 'INVALID_OPTION' });
  assert.throws(() => ctx.renderSync('2156', { format: 'sheet-png', sheetColumns: 17 }), { status: 'INVALID_OPTION' });
  await assert.rejects(ctx.render('2156', { format: 'sheet-png', sheetColumns: -1 }),
    { status: 'INVALID_OPTION', message: /sheet_columns -1/ });
});

test('seededId matches the JavaScript core\'s vectors', () => {
  const seeded = Object.entries(cases.seeded);
  assert.equal(seeded.length, 8);
  for (const [text, id] of seeded) assert.equal(ctx.seededId(text), id, `seededId(${JSON.stringify(text)})`);
  assert.equal(ctx.seededId('alice'), '3409');
  assert.throws(() => ctx.seededId(42), TypeError);
});

test('IDs, the catalog and browse order', () => {
  assert.equal(ctx.comboCount(), 10752);
  assert.deepEqual(ctx.decode('2156'), { eyes: 2, heads: 1, body: 5, top: 6 });
  assert.equal(ctx.encode({ eyes: 2, heads: 1, body: 5, top: 6 }), '2156');
  assert.throws(() => ctx.encode({ eyes: 99, heads: 0, body: 0, top: 0 }), PixabotsError);
  assert.throws(() => ctx.encode({ eyes: 1 }), TypeError);
  assert.equal(ctx.partName('eyes', 2), 'glasses');
  assert.equal(ctx.partName(0, 2), 'glasses');
  assert.throws(() => ctx.partName('eyes', 99), { status: 'INVALID_OPTION', message: /part 99/ });
  assert.throws(() => ctx.partName('hats', 0), RangeError);
  let product = 1;
  for (const category of pixabots.CATEGORIES) product *= ctx.partCount(category);
  assert.equal(product, ctx.comboCount());

  const index = ctx.comboIndex('2156');
  assert.equal(ctx.idAt(index), '2156');
  assert.equal(ctx.comboIndex(ctx.nextId('2156')), index + 1);
  assert.equal(ctx.previousId(ctx.nextId('2156')), '2156');
  const first = ctx.idAt(0);
  const last = ctx.idAt(ctx.comboCount() - 1);
  assert.equal(ctx.nextId(last), first, 'wraps around at the end');
  assert.equal(ctx.previousId(first), last, 'wraps around at the start');
  assert.throws(() => ctx.idAt(ctx.comboCount()), PixabotsError);
  assert.throws(() => ctx.idAt(-1), RangeError);

  assert.ok([8, 16].includes(ctx.tickCount('2156')));
  for (let i = 0; i < 20; i++) assert.ok(ctx.isValid(ctx.randomId()));
  assert.equal(ctx.isValid('2156'), true);
  assert.equal(ctx.isValid(2156), false);
});

test('renderRgbaSync writes into a caller buffer', () => {
  const pixels = ctx.renderRgbaSync('2156', { size: 48 });
  assert.equal(pixels.length, 48 * 48 * 4);
  const exact = new Uint8Array(pixels.length);
  const result = ctx.renderRgbaSync('2156', { size: 48 }, exact);
  assert.ok(Buffer.from(exact).equals(pixels));
  assert.equal(result.buffer, exact.buffer, 'the result shares the caller\'s memory');

  // A view at an offset into a larger buffer: only that view is written.
  const backing = Buffer.alloc(pixels.length + 32, 0xab);
  const view = backing.subarray(16, 16 + pixels.length + 8);
  const written = ctx.renderRgbaSync('2156', { size: 48 }, view);
  assert.equal(written.length, pixels.length);
  assert.ok(backing.subarray(16, 16 + pixels.length).equals(pixels));
  assert.ok(backing.subarray(0, 16).every((b) => b === 0xab));
  assert.ok(backing.subarray(16 + pixels.length).every((b) => b === 0xab));

  assert.throws(() => ctx.renderRgbaSync('2156', { size: 48 }, Buffer.alloc(100)),
    (error) => error.status === 'BUFFER_TOO_SMALL' && error.needed === pixels.length);
  assert.throws(() => ctx.renderRgbaSync('2156', { size: 48 }, [0, 0, 0]), TypeError);
});

test('decodePng refuses what is not a PNG', () => {
  assert.throws(() => decodePng(Buffer.from('not a png at all')), { name: 'PixabotsError', status: 'CODEC' });
  assert.throws(() => decodePng(Buffer.alloc(0)), { status: 'CODEC' });
  assert.throws(() => decodePng('x.png'), TypeError);
});

test('a pack directory renders the service\'s conformance cases', () => {
  const pack = Context.fromDirectory(path.join(CONFORMANCE, 'pack'));
  try {
    const pngCases = cases.cases.filter((c) => c.kind === 'png');
    assert.ok(pngCases.length > 50);
    for (const c of pngCases) {
      const options = { size: c.size, hue: c.hue, saturate: c.saturate, bg: c.bg, speed: c.speed };
      const expected = decodePng(fs.readFileSync(path.join(CONFORMANCE, c.file)));
      const ours = decodePng(pack.renderSync(c.id, options));
      assert.equal(ours.width, expected.width, c.file);
      assert.equal(ours.height, expected.height, c.file);
      const filtered = c.hue !== undefined || c.saturate !== undefined;
      // Palette filters may differ by 1 per channel (cases README); the rest match exactly.
      assert.ok(maxDifference(ours.data, expected.data) <= (filtered ? 1 : 0), c.file);
      if (!filtered && c.bg === undefined) {
        assert.equal(sha256(pack.renderRgbaSync(c.id, options)), c.pixelsSha256, `${c.file} pixelsSha256`);
      }
    }
    for (const c of cases.cases.filter((c) => c.kind === 'ticks')) {
      const expected = decodePng(fs.readFileSync(path.join(CONFORMANCE, c.file)));
      const ticks = pack.renderRgbaSync(c.id, { size: c.size, tick: 'all' });
      assert.equal(pack.tickCount(c.id), c.ticks, c.file);
      assert.ok(ticks.equals(expected.data), c.file);
      assert.equal(sha256(ticks), c.pixelsSha256, c.file);
    }
    // The service's art differs from the embedded art.
    assert.ok(!pack.renderSync('2156').equals(ctx.renderSync('2156')));
  } finally {
    pack.close();
  }
  assert.throws(() => Context.fromDirectory(path.join(CONFORMANCE, 'no-such-pack')), { status: 'IO' });
  assert.throws(() => Context.fromDirectory(CONFORMANCE), { status: 'INVALID_PACK' });
});

test('a pack held in memory renders like the same pack on disk', async () => {
  const dir = path.join(CONFORMANCE, 'pack');
  const files = new Map();
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isFile()) files.set(entry.split(path.sep).join('/'), fs.readFileSync(full));
  }
  const fromDisk = Context.fromDirectory(dir);
  const fromMemory = Context.fromFiles(files);
  const fromObject = Context.fromFiles(Object.fromEntries(files));
  try {
    for (const id of ['2156', '0000', 'f247']) {
      const expected = fromDisk.renderSync(id, { format: 'gif' });
      assert.ok(fromMemory.renderSync(id, { format: 'gif' }).equals(expected));
      assert.ok((await fromObject.render(id, { format: 'gif' })).equals(expected));
    }
  } finally {
    fromDisk.close();
    fromMemory.close();
    fromObject.close();
  }
  assert.throws(() => Context.fromFiles({ 'eyes/glasses.png': Buffer.from('nope') }), { status: 'INVALID_PACK' });
  assert.throws(() => Context.fromFiles({ 'eyes/glasses.png': 'nope' }), TypeError);
  assert.throws(() => Context.fromFiles(null), TypeError);
});

test('many parallel async renders give the same bytes as sync renders', async () => {
  const jobs = [];
  for (let i = 0; i < 48; i++) {
    const id = ctx.idAt((i * 997) % ctx.comboCount());
    const options = { format: ['png', 'gif', 'webp', 'rgba'][i % 4], size: 64 + 16 * (i % 5), hue: i * 7 };
    jobs.push({ id, options });
  }
  const results = await Promise.all(jobs.map((job) => ctx.render(job.id, job.options)));
  jobs.forEach((job, i) => assert.ok(results[i].equals(ctx.renderSync(job.id, job.options)), `${job.id} ${job.options.format}`));

  // More than koffi queues at once (256): the binding holds the rest back.
  const many = await Promise.all(Array.from({ length: 400 }, (_, i) => ctx.render(ctx.idAt(i * 13), { size: 32 })));
  many.forEach((png, i) => assert.ok(png.equals(ctx.renderSync(ctx.idAt(i * 13), { size: 32 }))));

  // Failures mixed with successes keep their own messages.
  const mixed = await Promise.allSettled(['2156', 'g000', '2156', 'zz'].map((id) => ctx.render(id)));
  assert.deepEqual(mixed.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'rejected']);
  assert.match(mixed[1].reason.message, /"g000"/);
  assert.match(mixed[3].reason.message, /"zz"/);
});

test('close() frees the context once pending renders finish', async () => {
  const local = new Context();
  const pending = [local.render('2156'), local.render('2157', { format: 'gif' })];
  local.close();
  assert.equal(local.closed, true);
  const [png, gif] = await Promise.all(pending);
  assert.ok(png.equals(ctx.renderSync('2156')));
  assert.ok(gif.equals(ctx.renderSync('2157', { format: 'gif' })));
  assert.throws(() => local.renderSync('2156'), /closed/);
  await assert.rejects(local.render('2156'), /closed/);
  local.close(); // idempotent
  assert.throws(() => new Context('pack'), TypeError);
});
