// The package bundles for the browser: nothing reachable from index.js makes
// a bundler resolve a Node built-in (esbuild, a devDependency, stands for them).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';

import { build } from 'esbuild';

import { packageDir } from './helpers.js';

test('index.js bundles for the browser with no node: import to resolve', async () => {
  const result = await build({
    entryPoints: [join(packageDir, 'index.js')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  assert.deepEqual(result.warnings, []);
  const code = result.outputFiles[0].text;
  assert.doesNotMatch(code, /from\s*["']node:|import\(\s*["']node:/);
  assert.match(code, /new URL\("\.\.\/dist\/pixabots\.wasm", import\.meta\.url\)/); // what bundlers ship the .wasm by
});
