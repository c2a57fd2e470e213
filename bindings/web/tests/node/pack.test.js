// The shared conformance pack loaded from memory renders as the CLI renders
// it from its directory, and as the service's renderer drew it (cases.json).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';

import { load } from '../../index.js';
import { CONFORMANCE, bots, cli, cliError, readPack, withTempDir } from './helpers.js';

const PACK_DIR = join(CONFORMANCE, 'pack');
const FIXTURES = JSON.parse(readFileSync(join(CONFORMANCE, 'cases.json'), 'utf8'));
const IDS = [...new Set(FIXTURES.cases.map((c) => c.id))];

let pack;
async function conformance() {
  pack ??= (await bots()).withPack(readPack(PACK_DIR));
  return pack;
}

function cliRender(id, format, flags = []) {
  return new Uint8Array(cli(['render', id, '--pack', PACK_DIR, '--format', format, ...flags, '-o', '-']));
}

describe('the conformance pack from memory, byte for byte with the CLI --pack', () => {
  for (const id of IDS) {
    test(id, async () => {
      const p = await conformance();
      for (const [format, options, flags] of [
        ['png', { size: 128 }, []],
        ['png', { size: 333, hue: 200, saturate: 1.5 }, ['--size', '333', '--hue', '200', '--saturate', '1.5']],
        ['svg', { size: 128, bg: '#fde68a' }, ['--bg', '#fde68a']],
        ['gif', { size: 64 }, ['--size', '64']],
        ['webp', { size: 64 }, ['--size', '64']],
        ['apng', { size: 64, speed: 2 }, ['--size', '64', '--speed', '2']],
        ['json', {}, []],
        ['frames', {}, []],
      ]) {
        assert.deepEqual(p.render(id, { format, ...options }), cliRender(id, format, flags), `${format} ${JSON.stringify(options)}`);
      }
    });
  }

  test('load({ pack }) is the same context as withPack()', async () => {
    const own = await load({ pack: Object.fromEntries(readPack(PACK_DIR)) });
    assert.deepEqual(own.render('2156', { format: 'gif' }), cliRender('2156', 'gif'));
    assert.deepEqual(own.catalogJson(), (await conformance()).catalogJson());
    own.close();
  });
});

// Pixels as the fixtures hash them: RGBA, or RGB when flattened onto bg.
function pixelsSha256(rgba, channels) {
  let pixels = rgba;
  if (channels === 3) pixels = rgba.filter((_, i) => i % 4 !== 3);
  return createHash('sha256').update(pixels).digest('hex');
}

// The largest difference of any channel.
function maxDifference(a, b) {
  assert.equal(a.length, b.length);
  return a.reduce((max, v, i) => Math.max(max, Math.abs(v - b[i])), 0);
}

// Exact pixels, except that hue and saturate may round 1 per channel apart
// (conformance/README.md): those are compared with the decoded fixture.
describe('the conformance pack against the service\'s renderer', () => {
  for (const c of FIXTURES.cases.filter((k) => k.kind === 'png' || k.kind === 'ticks')) {
    test(c.file, async () => {
      const p = await conformance();
      const options = { size: c.size, hue: c.hue, saturate: c.saturate, bg: c.bg };
      if (c.kind === 'ticks') options.tick = 'all';
      const rgba = p.render(c.id, { ...options, format: 'rgba' });
      assert.equal(rgba.length, c.width * c.height * 4);
      if (c.hue === undefined && c.saturate === undefined) {
        assert.equal(pixelsSha256(rgba, c.channels), c.pixelsSha256);
      } else {
        const expected = p.decodePng(readFileSync(join(CONFORMANCE, c.file)));
        assert.equal(pixelsSha256(expected.data, c.channels), c.pixelsSha256); // the fixture is what cases.json says
        assert.ok(maxDifference(rgba, expected.data) <= 1, `${c.file}: a channel more than 1 apart`);
      }
    });
  }

  test('seededId', async () => {
    const p = await conformance();
    for (const [text, id] of Object.entries(FIXTURES.seeded)) assert.equal(p.seededId(text), id, JSON.stringify(text));
  });
});

// Writes `files` as a pack directory for the CLI.
function writePack(dir, files) {
  for (const [path, data] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
}

describe('bad packs fail as the CLI says, INVALID_PACK', () => {
  const utf8 = (text) => new TextEncoder().encode(text);
  const broken = {
    'a truncated PNG': (files) => files.set('eyes/visor.png', files.get('eyes/visor.png').subarray(0, 100)),
    'a PNG that is not one': (files) => files.set('top/bun.png', utf8('GIF89a')),
    'a missing sheet': (files) => files.delete('heads/box.png'),
    'no files at all (no manifest, no sheets)': (files) => files.clear(),
    'a malformed manifest': (files) => files.set('manifest.json', utf8('{"format": "pixabots-pack", ')),
    'a manifest of another format': (files) => files.set('manifest.json', utf8('{"format": "zip", "version": 1, "categories": {}}')),
  };
  for (const [name, breakIt] of Object.entries(broken)) {
    test(name, async () => {
      const files = readPack(PACK_DIR);
      breakIt(files);
      const expected = withTempDir((dir) => {
        writePack(dir, files);
        return cliError(['render', '2156', '--pack', dir, '--format', 'png', '-o', '-']).replace(`${dir}/`, '');
      });
      const b = await bots();
      assert.throws(() => b.withPack(files), { name: 'PixabotsError', code: 'INVALID_PACK', statusCode: 3, message: expected });
      await assert.rejects(load({ pack: files }), { code: 'INVALID_PACK', message: expected });
    });
  }

  test('pack limits are the library\'s', async () => {
    const b = await bots();
    assert.throws(() => b.withPack(readPack(PACK_DIR), { limits: { packMaxFileBytes: 64 } }),
      { code: 'INVALID_PACK', message: /limit/ });
    assert.throws(() => b.withPack(readPack(PACK_DIR), { limits: { packMaxFileBytes: 1.5 } }),
      { code: 'INVALID_OPTION', message: 'packMaxFileBytes 1.5 is out of range: must be an integer between 0 (the default) and 9007199254740991' });
    assert.throws(() => b.withPack(readPack(PACK_DIR), { limits: { maxFiles: 3 } }), { code: 'INVALID_OPTION', message: /unknown limit "maxFiles"/ });
    b.withPack(readPack(PACK_DIR), { limits: { packMaxFileBytes: 0 } }).close();
  });

  test('files that are not a Map or object of bytes', async () => {
    const b = await bots();
    assert.throws(() => b.withPack('pack/'), { code: 'INVALID_ARGUMENT', message: 'pack must be a Map or an object of path -> Uint8Array, not "pack/"' });
    assert.throws(() => b.withPack({ 'manifest.json': '{}' }), {
      code: 'INVALID_ARGUMENT',
      message: 'the data of pack file "manifest.json" must be a Uint8Array, ArrayBuffer or other ArrayBufferView, not "{}"',
    });
    assert.throws(() => b.withPack(new Map([[42, new Uint8Array(1)]])), { code: 'INVALID_ARGUMENT', message: 'a pack file path must be a string, not 42' });
  });
});
