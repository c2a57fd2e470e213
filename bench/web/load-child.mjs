// One fresh process's start, each step timed in wall time (performance.now())
// and in the process's CPU time (process.cpuUsage(): user plus system, of
// every thread, so V8's background compiling counts and waiting for a busy
// core does not), printed as JSON on stdout; load.mjs runs it many times. Modes:
//   wasm    import the package, first load(), second load() (module cached), first PNG@128
//   native  require the Node binding, new Context() (loads libpixabots), first PNG@128
//   phases  load()'s steps one by one, through the package's own modules
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { nodeBindingDir, webDir } from './paths.mjs';

const ID = '2156';
const webModule = (path) => import(pathToFileURL(join(webDir, path)).href);

// Each step's wall and CPU milliseconds, in order.
async function timeSteps(steps) {
  const wall = {};
  const cpu = {};
  for (const [name, step] of steps) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    await step();
    wall[name] = performance.now() - start;
    const used = process.cpuUsage(startCpu);
    cpu[name] = (used.user + used.system) / 1000;
  }
  return { wall, cpu };
}

const modes = {
  wasm() {
    let load;
    let bots;
    return [
      ['import', async () => ({ load } = await webModule('index.js'))],
      ['load', async () => (bots = await load())],
      ['load2', () => load()],
      ['png', () => bots.render(ID)],
    ];
  },
  native() {
    let Context;
    let context;
    return [
      ['import', () => ({ Context } = createRequire(import.meta.url)(nodeBindingDir))],
      ['context', () => (context = new Context())],
      ['png', () => context.renderSync(ID)],
    ];
  },
  phases() {
    let m;
    let bytes;
    let wasmModule;
    let runtime;
    return [
      ['import', async () => {
        const [runtimeJs, pixabotsJs, randomJs] = await Promise.all(
          ['lib/runtime.js', 'lib/pixabots.js', 'lib/random.js'].map(webModule));
        m = { ...runtimeJs, ...pixabotsJs, ...randomJs };
      }],
      ['read', async () => (bytes = await readFile(join(webDir, 'dist', 'pixabots.wasm')))],
      ['compile', async () => (wasmModule = await WebAssembly.compile(bytes))],
      ['crypto', () => m.useWebCrypto()],
      ['instantiate', async () => (runtime = await m.sharedInstance(wasmModule))],
      ['context', () => m.embeddedContext(runtime)],
      ['context2', () => m.embeddedContext(runtime)], // what a second load() adds
    ];
  },
};

const mode = modes[process.argv[2]];
if (!mode) throw new Error(`usage: load-child.mjs ${Object.keys(modes).join('|')}`);
process.stdout.write(JSON.stringify(await timeSteps(mode())));
