// Renders in one process, the package (bots.render) against the native
// library through the Node binding (Context#renderSync): after a warm-up that
// also sizes the batches, `rounds` rounds each time one batch per side (the
// side that goes first alternates), and a round's figure is its batch's mean.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { nodeBindingDir, webDir } from './paths.mjs';
import { median, summary } from './stats.mjs';

const ID = '2156';
export const RENDER_CASES = [
  { name: 'PNG@128', options: {}, budget: 3 },
  { name: 'GIF@480', options: { format: 'gif', size: 480 }, budget: 3 },
  { name: 'WebP@128', options: { format: 'webp', size: 128 } },
  { name: 'SVG@128', options: { format: 'svg', size: 128 } },
];
const WARM_UP_MS = 300;

function batchMs(render, iterations) {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) render();
  return (performance.now() - start) / iterations;
}

// Runs render for at least WARM_UP_MS (V8 tiers the hot code up meanwhile): its last mean.
function warmUp(render) {
  let iterations = 1;
  let spent = 0;
  let mean;
  while (spent < WARM_UP_MS) {
    mean = batchMs(render, iterations);
    spent += mean * iterations;
    iterations *= 2;
  }
  return mean;
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Per case: each side's {median, min, max} per render in ms, the ratio of medians, and whether the bytes match. */
export async function measureRender({ rounds, targetBatchMs }) {
  const { load } = await import(pathToFileURL(join(webDir, 'index.js')).href);
  const { Context } = createRequire(import.meta.url)(nodeBindingDir);
  const bots = await load();
  const context = new Context();
  try {
    return RENDER_CASES.map(({ name, options, budget }) => {
      const sides = {
        wasm: () => bots.render(ID, options),
        native: () => context.renderSync(ID, options),
      };
      const bytes = { wasm: sides.wasm(), native: sides.native() };
      const iterations = {};
      for (const [side, render] of Object.entries(sides)) {
        iterations[side] = Math.max(1, Math.round(targetBatchMs / warmUp(render)));
      }
      const times = { wasm: [], native: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 ? ['native', 'wasm'] : ['wasm', 'native'];
        for (const side of order) times[side].push(batchMs(sides[side], iterations[side]));
      }
      return {
        name,
        budget,
        iterations,
        wasm: summary(times.wasm),
        native: summary(times.native),
        ratio: median(times.wasm) / median(times.native),
        roundRatios: summary(times.wasm.map((t, i) => t / times.native[i])),
        bytes: { wasm: bytes.wasm.length, native: bytes.native.length, same: sameBytes(bytes.wasm, bytes.native) },
      };
    });
  } finally {
    context.close();
    bots.close();
  }
}
