// The package in an emulated edge runtime (Cloudflare Workers, Vercel Edge):
// bundled by esbuild as one script and run in a fresh node:vm context with
// web-standard globals only (no process, require, window, importScripts or
// file system), eval and new Function refused, and WebAssembly compiled from
// bytes refused after the "runtime" has compiled the .wasm the worker
// imports. Its renders must be the bytes the package renders under Node
// (which identity.test.js compares with the CLI).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';

import { build } from 'esbuild';

import { bots, packageDir } from './helpers.js';

const CASES = [
  ['2156', { format: 'png', size: 128 }],
  ['2156', { format: 'gif', size: 128 }],
  ['f76b', { format: 'png', size: 333, hue: 200, bg: '#fde68a' }],
  ['f76b', { format: 'gif', size: 128, speed: 2, saturate: 1.5 }],
];
const DYNAMIC_CODE = /\beval\s*\(|\bFunction\s*\(/; // also matches `new Function(`

async function bundle() {
  const result = await build({
    entryPoints: [join(packageDir, 'index.js')],
    bundle: true,
    platform: 'neutral',
    format: 'iife', // a classic script: vm.Script runs it without --experimental-vm-modules
    globalName: 'pixabots',
    // Some edge runtimes leave it undefined; load({ wasm }) must not need it.
    define: { 'import.meta.url': 'undefined' },
    write: false,
    logLevel: 'silent',
  });
  assert.deepEqual(result.warnings, []);
  return result.outputFiles[0].text;
}

// The runtime's globals: the ECMAScript built-ins (WebAssembly, Promise,
// typed arrays) are the context's own; the web APIs are Node's.
function edgeContext(fetched) {
  const context = vm.createContext({
    TextEncoder,
    TextDecoder,
    URL,
    crypto: globalThis.crypto,
    Response,
    Headers,
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    fetch: async (url) => {
      fetched.push(String(url));
      throw new TypeError('no network in this test');
    },
  }, { codeGeneration: { strings: false, wasm: true } });
  vm.runInContext('globalThis.self = globalThis;', context);
  return context;
}

// What `import wasm from 'pixabots-web/dist/pixabots.wasm'` gives a worker:
// a module compiled by the runtime (in the context's realm, so the
// package's instanceof WebAssembly.Module holds); after that only
// instantiating a compiled module is allowed, as on Cloudflare.
async function importWasm(context) {
  const compile = vm.runInContext(`(bytes) => {
    const module = WebAssembly.compile(bytes);
    const refuse = () => Promise.reject(new Error('WebAssembly compiled from bytes at run time is refused'));
    const instantiate = WebAssembly.instantiate;
    WebAssembly.compile = refuse;
    WebAssembly.compileStreaming = refuse;
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.instantiate = (source, imports) =>
      source instanceof WebAssembly.Module ? instantiate(source, imports) : refuse();
    return module;
  }`, context);
  return compile(readFileSync(join(packageDir, 'dist', 'pixabots.wasm')));
}

test('the emscripten loader and the edge bundle hold no eval or Function constructor', async () => {
  assert.doesNotMatch(readFileSync(join(packageDir, 'dist', 'pixabots.mjs'), 'utf8'), DYNAMIC_CODE);
  assert.doesNotMatch(await bundle(), DYNAMIC_CODE);
});

test('in an edge runtime load({ wasm: WebAssembly.Module }) renders the bytes Node renders', async () => {
  const fetched = [];
  const context = edgeContext(fetched);
  const nodeOrPage = ['process', 'require', 'module', 'Buffer', 'window', 'document', 'importScripts'];
  assert.equal(vm.runInContext(`${JSON.stringify(nodeOrPage)}.filter((name) => name in globalThis).join()`, context), '');
  assert.throws(() => vm.runInContext('eval("1")', context), { name: 'EvalError' }); // the emulation refuses it
  const wasm = await importWasm(context);
  vm.runInContext(await bundle(), context, { filename: 'pixabots-edge.js' });

  const edge = await context.pixabots.load({ wasm });
  const node = await bots();
  for (const [id, options] of CASES) {
    assert.deepEqual(new Uint8Array(edge.render(id, options)), node.render(id, options), `${id} ${JSON.stringify(options)}`);
  }
  assert.match(edge.randomId(), /^[0-9a-z]{4}$/); // crypto.getRandomValues is the web's
  assert.deepEqual(fetched, []);
  edge.close();
});

test('in an edge runtime load() without the wasm says to pass it', async () => {
  const context = edgeContext([]);
  vm.runInContext(await bundle(), context, { filename: 'pixabots-edge.js' });
  await assert.rejects(context.pixabots.load(), (error) => {
    assert.equal(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /no URL to find dist\/pixabots\.wasm from: pass it, load\(\{ wasm \}\)/);
    return true;
  });
});
