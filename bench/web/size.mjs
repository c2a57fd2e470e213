// What a page downloads, raw and gzipped (level 9) one file at a time as a
// server would send them: the module and its emscripten loader (what the
// package's size test counts); the same plus the package's own JavaScript
// that index.js imports (index.js, lib/*.js) as published; and the module
// beside index.js bundled and minified by esbuild (bindings/web's
// devDependency), as a page built with a bundler would load it.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { webDir } from './paths.mjs';

function entry(file, bytes) {
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function total(files) {
  const sum = (key) => files.reduce((s, f) => s + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip') };
}

function minifiedBundle() {
  const esbuild = createRequire(join(webDir, 'package.json'))('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [join(webDir, 'index.js')],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return entry('index.js bundled + minified (esbuild)', result.outputFiles[0].contents);
}

export function sizes() {
  const read = (file) => entry(file, readFileSync(join(webDir, file)));
  const dist = ['dist/pixabots.wasm', 'dist/pixabots.mjs'].map(read);
  const js = ['index.js', ...readdirSync(join(webDir, 'lib')).filter((f) => f.endsWith('.js')).sort().map((f) => `lib/${f}`)]
    .map(read);
  return {
    dist: total(dist),
    published: total([...dist, ...js]),
    bundled: total([dist[0], minifiedBundle()]),
  };
}
