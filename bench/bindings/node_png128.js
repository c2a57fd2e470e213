// PNG@128 of bot 2156 through the Node binding (Context#renderSync, defaults):
// 200 warm-up renders, then N timed with process.hrtime.bigint; prints
// "node <median_us>". PIXABOTS_LIBRARY names the library (run.sh sets it).
'use strict';
const path = require('node:path');
const { Context } = require(path.join(__dirname, '..', '..', 'bindings', 'node'));

const n = Number(process.argv[2] || 2000);
const ctx = new Context();
for (let i = 0; i < 200; i++) ctx.renderSync('2156', {});
const times = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const start = process.hrtime.bigint();
  ctx.renderSync('2156', {});
  times[i] = Number(process.hrtime.bigint() - start) / 1e3;
}
ctx.close();
times.sort();
console.log(`node ${times[n >> 1].toFixed(1)}`);
