// load(): every way to hand it the module, its cache, and the object's life.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';

import { PixabotsError, load } from '../../index.js';
import { CONFORMANCE, cli, packageDir, readPack } from './helpers.js';

const WASM_PATH = join(packageDir, 'dist', 'pixabots.wasm');
const expectedPng = () => new Uint8Array(cli(['render', '2156', '--format', 'png', '-o', '-']));

test('every kind of wasm source gives a working object', async () => {
  const bytes = readFileSync(WASM_PATH);
  const sources = {
    default: undefined,
    Uint8Array: new Uint8Array(bytes),
    ArrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    'WebAssembly.Module': await WebAssembly.compile(bytes),
    URL: pathToFileURL(WASM_PATH),
    'file: URL string': pathToFileURL(WASM_PATH).href,
    'path string': WASM_PATH,
    Response: new Response(bytes, { headers: { 'content-type': 'application/wasm' } }),
    'Response without its content type': new Response(bytes),
    'Promise<Response>': Promise.resolve(new Response(bytes, { headers: { 'content-type': 'application/wasm' } })),
  };
  const png = expectedPng();
  for (const [name, wasm] of Object.entries(sources)) {
    const b = await load({ wasm });
    assert.deepEqual(b.render('2156'), png, name);
    b.close();
  }
});

test('bad wasm sources say what went wrong', async () => {
  await assert.rejects(load({ wasm: 42 }), {
    code: 'INVALID_ARGUMENT',
    message: 'wasm must be an ArrayBuffer, Uint8Array, WebAssembly.Module, URL, string, Response or a Promise of a Response, not 42',
  });
  await assert.rejects(load({ wasm: join(packageDir, 'dist', 'missing.wasm') }), { code: 'IO', message: /missing\.wasm.*ENOENT/ });
  await assert.rejects(load({ wasm: new Response('gone', { status: 404 }) }), { code: 'IO', message: /HTTP 404/ });
  await assert.rejects(load({ wasm: new Uint8Array([0, 97, 115, 109]) }), WebAssembly.CompileError);
  await assert.rejects(load({ wasn: undefined }), { code: 'INVALID_OPTION', message: 'unknown load() option "wasn": expected one of wasm, pack, limits' });
  await assert.rejects(load('dist/pixabots.wasm'), { code: 'INVALID_ARGUMENT', message: 'load() options must be an object, not "dist/pixabots.wasm"' });
});

test('each load() is its own context in one shared instance', async () => {
  const [a, b] = await Promise.all([load(), load()]);
  a.render('2156', { size: 1920, format: 'gif' }); // grows the memory a draws in
  assert.equal(a.memoryBytes, b.memoryBytes); // b's too: one memory
  a.close();
  assert.equal(a.closed, true);
  assert.deepEqual(b.render('2156'), expectedPng()); // closing a leaves b's context
  b.close();
  const c = await load();
  assert.deepEqual(c.render('2156'), expectedPng());
  c.close();
});

test('close() frees at once, later calls throw, close and dispose are idempotent', async () => {
  const b = await load();
  const pack = b.withPack(readPack(join(CONFORMANCE, 'pack')));
  pack.close();
  pack.close();
  pack[Symbol.dispose]();
  assert.equal(pack.closed, true);
  for (const call of [() => pack.render('2156'), () => pack.comboCount(), () => pack.withPack({})]) {
    assert.throws(call, { name: 'PixabotsError', code: 'INVALID_ARGUMENT', message: 'pixabots: this object is closed' });
  }
  assert.deepEqual(b.render('2156'), expectedPng()); // the instance lives on
  b.close();
});

test('animated: true without a format is a GIF; with one, the format decides', async () => {
  const b = await load();
  const cliBytes = (format) => new Uint8Array(cli(['render', '2156', '--format', format, '-o', '-']));
  assert.deepEqual(b.render('2156', { animated: true }), cliBytes('gif'));
  assert.deepEqual(b.render('2156', { animated: false }), cliBytes('png'));
  assert.deepEqual(b.render('2156', { animated: true, format: 'webp' }), cliBytes('webp'));
  assert.deepEqual(b.render('2156', { animated: false, format: 'svg' }), cliBytes('svg'));
  for (const format of ['json', 'frames']) {
    assert.deepEqual(b.render('2156', { animated: true, format }), cliBytes(format));
    assert.deepEqual(b.render('2156', { animated: false, format }), cliBytes(format));
  }
  assert.deepEqual(b.render('2156', { animated: true, format: 'sheet-png' }), b.render('2156', { format: 'sheet-png' }));
  assert.ok(new PixabotsError('INVALID_ID', 'x') instanceof Error);
  b.close();
});
