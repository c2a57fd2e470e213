// What a page downloads: the module and its loader, raw and gzipped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { packageDir } from './helpers.js';

const RAW_BUDGET = 400 * 1000;
const GZIP_BUDGET = 160 * 1000;

test(`dist/pixabots.wasm + dist/pixabots.mjs fit ${RAW_BUDGET} bytes raw and ${GZIP_BUDGET} gzipped`, () => {
  const files = ['pixabots.wasm', 'pixabots.mjs'].map((name) => readFileSync(join(packageDir, 'dist', name)));
  const raw = files.reduce((sum, bytes) => sum + bytes.length, 0);
  const gzip = files.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).length, 0);
  assert.ok(raw <= RAW_BUDGET, `${raw} bytes raw (${gzip} gzipped), over the budget of ${RAW_BUDGET}`);
  assert.ok(gzip <= GZIP_BUDGET, `${gzip} bytes gzipped (${raw} raw), over the budget of ${GZIP_BUDGET}`);
});
