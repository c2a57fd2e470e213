// What a page downloads, raw and gzipped: the module, and the package's
// JavaScript (its own and the emscripten loader) as a production page ships
// it, bundled and minified (esbuild, a devDependency, stands for bundlers).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { packageDir } from './helpers.js';

const RAW_BUDGET = 400 * 1000;
const GZIP_BUDGET = 160 * 1000;

async function minifiedBundle() {
  const result = await build({
    entryPoints: [join(packageDir, 'index.js')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

test(`dist/pixabots.wasm + the package's JavaScript bundled fit ${RAW_BUDGET} bytes raw and ${GZIP_BUDGET} gzipped`, async () => {
  const files = [readFileSync(join(packageDir, 'dist', 'pixabots.wasm')), await minifiedBundle()];
  const raw = files.reduce((sum, bytes) => sum + bytes.length, 0);
  const gzip = files.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
  assert.ok(raw <= RAW_BUDGET, `${raw} bytes raw (${gzip} gzipped), over the budget of ${RAW_BUDGET}`);
  assert.ok(gzip <= GZIP_BUDGET, `${gzip} bytes gzipped (${raw} raw), over the budget of ${GZIP_BUDGET}`);
});
