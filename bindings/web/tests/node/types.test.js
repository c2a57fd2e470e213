// index.d.ts checked with the TypeScript compiler (a devDependency) against
// types-check.ts, which uses the whole API and expects the errors it marks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

test('index.d.ts types the whole API (tsc --noEmit)', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const config = fileURLToPath(new URL('tsconfig.json', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
  assert.equal(result.status, 0, `tsc failed:\n${result.stdout}${result.stderr}`);
});
