// Start-up in fresh processes: load-child.mjs run `processes` times per mode,
// the modes interleaved so that the machine's load falls on all of them alike.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { summary } from './stats.mjs';

const child = fileURLToPath(new URL('./load-child.mjs', import.meta.url));
const MODES = ['wasm', 'native', 'phases'];

function summarize(runs) {
  return Object.fromEntries(Object.keys(runs[0]).map((step) => [step, summary(runs.map((run) => run[step]))]));
}

/** {mode: {wall|cpu: {step: {median, min, max}}}} in milliseconds. */
export function measureLoad(processes) {
  const runs = Object.fromEntries(MODES.map((mode) => [mode, []]));
  for (let i = 0; i < processes; i++) {
    for (const mode of MODES) {
      runs[mode].push(JSON.parse(execFileSync(process.execPath, [child, mode], { encoding: 'utf8' })));
    }
  }
  return Object.fromEntries(MODES.map((mode) => [mode, {
    wall: summarize(runs[mode].map((run) => run.wall)),
    cpu: summarize(runs[mode].map((run) => run.cpu)),
  }]));
}
