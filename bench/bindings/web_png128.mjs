// PNG@128 of bot 2156 through the WebAssembly package in Node (bots.render,
// defaults; bindings/web/dist built by scripts/build-web.sh): 200 warm-up
// renders, then N timed with process.hrtime.bigint; prints "web <median_us>".
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { load } = await import(pathToFileURL(join(root, 'bindings', 'web', 'index.js')).href);
const n = Number(process.argv[2] || 2000);
const bots = await load();
for (let i = 0; i < 200; i++) bots.render('2156', {});
const times = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const start = process.hrtime.bigint();
  bots.render('2156', {});
  times[i] = Number(process.hrtime.bigint() - start) / 1e3;
}
bots.close();
times.sort();
console.log(`web ${times[n >> 1].toFixed(1)}`);
