// Nothing leaks: every buffer the library hands over and every scratch
// allocation is freed, on success and on failure. WebAssembly memory only
// grows, so a leak shows as growth after a warm-up has sized the heap.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { load } from '../../index.js';
import { CONFORMANCE, readPack } from './helpers.js';

const MiB = 1 << 20;
const FORMATS = ['png', 'gif', 'webp', 'apng', 'svg', 'rgba', 'json', 'frames', 'sheet-png', 'sheet-json'];

// memoryBytes after fn(i) ran `times` times, having run it `warmUp` times first.
function growthOf(b, fn, times, warmUp = 20) {
  for (let i = 0; i < warmUp; i++) fn(i);
  const before = b.memoryBytes;
  for (let i = 0; i < times; i++) fn(i);
  return b.memoryBytes - before;
}

// Every other render is 1 MiB of RGBA, so a leaked output would be hundreds
// of MiB; the others go through every format.
test('500 renders of every format leave memory as it was', async () => {
  const b = await load();
  const growth = growthOf(b, (i) => {
    const options = i % 2 ? { format: 'rgba', size: 512 } : { format: FORMATS[(i / 2) % FORMATS.length], size: 96 };
    const out = b.render(b.idAt((i * 37) % b.comboCount()), options);
    assert.equal(out.buffer.byteLength, out.length); // a copy, not a view of WebAssembly memory
  }, 500, 40);
  assert.ok(growth <= MiB, `memory grew ${growth} bytes`);
  b.close();
});

test('failed calls free what they allocated', async () => {
  const b = await load();
  const longId = '2156'.repeat(MiB / 4); // 1 MiB copied in each time
  const bigBg = `#${'0'.repeat(MiB)}`;
  const notPng = new Uint8Array(MiB);
  const throwing = [
    () => b.render(longId, { format: 'gif' }),
    () => b.render('2156', { bg: bigBg, origin: bigBg, sheetImage: bigBg }),
    () => b.render('2156', { size: 20, bg: bigBg }),
    () => b.decodePng(notPng),
    () => b.seededId('x'.repeat(MiB)) && b.checkId(longId),
    () => b.withPack({ 'manifest.json': notPng, 'eyes/visor.png': notPng }),
  ];
  const growth = growthOf(b, (i) => assert.throws(throwing[i % throwing.length]), 300, 12);
  assert.ok(growth <= MiB, `memory grew ${growth} bytes`);
  b.close();
});

// The pack's decoded sheets (a context's own memory) are about 200 KiB.
test('pack contexts made and closed leave memory as it was', async () => {
  const b = await load();
  const files = readPack(join(CONFORMANCE, 'pack'));
  const growth = growthOf(b, () => {
    const pack = b.withPack(files);
    pack.render('2156', { format: 'gif' });
    pack.close();
  }, 100, 5);
  assert.ok(growth <= MiB, `memory grew ${growth} bytes`);
  b.close();
});
