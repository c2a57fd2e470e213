// IDs and the catalog agree with the CLI's `info` and `parts`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { CATEGORIES } from '../../index.js';
import { bots, cli } from './helpers.js';

const infoOf = (args) => JSON.parse(cli(['info', ...args, '--json']).toString('utf8'));

describe('IDs as the CLI sees them', () => {
  for (const id of ['2156', '0000', '3409', 'f76b', 'c450']) {
    test(`info ${id}`, async () => {
      const b = await bots();
      const info = infoOf([id]);
      assert.deepEqual(b.decode(id), info.combo);
      assert.equal(b.encode(info.combo), id);
      assert.equal(b.comboIndex(id), info.index);
      assert.equal(b.idAt(info.index), id);
      assert.equal(b.nextId(id), info.next);
      assert.equal(b.previousId(id), info.previous);
      assert.equal(b.tickCount(id), info.ticks);
      assert.equal(b.comboCount(), info.combinations);
      const names = b.parts();
      for (const category of CATEGORIES) assert.equal(names[category][info.combo[category]], info.parts[category]);
      assert.equal(b.loopDurationMs(id), info.ticks * 72);
      assert.equal(b.loopDurationMs(id, 2), info.ticks * 36);
      assert.equal(b.isValid(id), true);
      b.checkId(id);
    });
  }

  for (const text of ['alice', '', 'Ünïcödé ✓', 'x@example.com', 'a\0b', '😀'.repeat(5000)]) {
    test(`seededId(${JSON.stringify(text.slice(0, 12))}${text.length > 12 ? '...' : ''})`, async () => {
      // The CLI takes no NUL in an argument: that seed is checked against the
      // same text without it, which must differ.
      const b = await bots();
      if (text.includes('\0')) {
        assert.notEqual(b.seededId(text), infoOf(['--seed', text.replace('\0', '')]).id);
        assert.equal(b.seededId(text), b.seededId(text));
      } else {
        assert.equal(b.seededId(text), infoOf(['--seed', text]).id);
      }
    });
  }

  test('browse order wraps around', async () => {
    const b = await bots();
    const last = b.idAt(b.comboCount() - 1);
    assert.equal(b.nextId(last), b.idAt(0));
    assert.equal(b.previousId(b.idAt(0)), last);
  });

  test('randomId gives valid IDs, not always the same', async () => {
    const b = await bots();
    const ids = new Set(Array.from({ length: 64 }, () => b.randomId()));
    for (const id of ids) assert.ok(b.isValid(id), id);
    assert.ok(ids.size > 32, `${ids.size} distinct of 64`);
  });
});

describe('the catalog as the CLI lists it', () => {
  test('parts(), partCount(), partName() and catalogJson()', async () => {
    const b = await bots();
    const catalog = JSON.parse(cli(['parts', '--json']).toString('utf8'));
    assert.deepEqual(JSON.parse(b.catalogJson()), catalog);
    const parts = b.parts();
    assert.deepEqual(Object.keys(parts), CATEGORIES);
    CATEGORIES.forEach((category, i) => {
      const names = catalog.categories[category].map((part) => part.name);
      assert.deepEqual(parts[category], names);
      assert.equal(b.partCount(category), names.length);
      assert.equal(b.partCount(i), names.length);
      assert.equal(b.partName(category, names.length - 1), names.at(-1));
    });
  });

  test('timing and version', async () => {
    const b = await bots();
    assert.deepEqual([0.25, 0.5, 1, 2, 3.6, 4].map((speed) => b.tickDurationMs(speed)), [288, 144, 72, 36, 20, 20]);
    assert.equal(b.tickDurationMs(), 72);
    assert.equal(b.version(), cli(['--version']).toString('utf8').trim().split(/\s+/).at(-1));
  });
});
