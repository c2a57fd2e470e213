// Shared by the tests: the package's loaded object, the native CLI they
// compare with, and the conformance pack. The CLI is required, never skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { load } from '../../index.js';

export const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const repoDir = join(packageDir, '..', '..');

/** The native CLI: PIXABOTS_CLI, else the one scripts/build-web.sh builds. */
export const CLI = process.env.PIXABOTS_CLI ?? join(repoDir, 'build', 'src', 'cli', 'pixabots');
/** The shared conformance fixtures (tests/data/conformance in the repository). */
export const CONFORMANCE = process.env.PIXABOTS_CONFORMANCE ?? join(repoDir, 'tests', 'data', 'conformance');

function requireCli() {
  if (!existsSync(CLI)) {
    throw new Error(`the native CLI ${CLI} is missing: run scripts/build-web.sh (it builds the CLI these tests compare with), or set PIXABOTS_CLI`);
  }
}

/** The CLI's stdout for `args`; throws when it fails. */
export function cli(args) {
  requireCli();
  return execFileSync(CLI, args, { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The CLI's message for `args`, which must fail: stderr without the "pixabots COMMAND: " prefix. */
export function cliError(args) {
  requireCli();
  const run = spawnSync(CLI, args, { encoding: 'utf8' });
  if (run.status === 0) throw new Error(`pixabots ${args.join(' ')} succeeded where a failure was expected`);
  return run.stderr.trim().replace(/^pixabots [a-z-]+: /, '');
}

/** A temporary directory, removed after fn(dir). */
export function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'pixabots-web-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file under `dir` as a Map of its path inside `dir` ('/'-separated) -> bytes. */
export function readPack(dir) {
  const files = new Map();
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
    }
  };
  walk(dir);
  return files;
}

let shared;
/** One loaded object for the tests that only read (the embedded art). */
export function bots() {
  shared ??= load();
  return shared;
}
