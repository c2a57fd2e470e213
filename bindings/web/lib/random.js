// Random numbers from the host's Web Crypto: every browser, worker, edge
// runtime and Node >= 19 has globalThis.crypto; Node 18 gets node:crypto's
// (useWebCrypto, at load). The module's own entropy import would abort
// where no global crypto exists, so randomId() draws here.
import { PixabotsError } from './errors.js';
import { nodeBuiltin } from './node.js';

// Looked up on the first randomId(), not at load(): reading
// globalThis.crypto makes Node 20 load its Web Crypto (about 5 ms).
let nodeFallback;

/** Under Node 18, node:crypto's webcrypto; a no-op elsewhere. */
export async function useWebCrypto() {
  if ('crypto' in globalThis) return; // `in` does not run Node's lazy getter
  try {
    nodeFallback = (await nodeBuiltin('crypto')).webcrypto;
  } catch {
    // not Node either: randomBelow says so when asked
  }
}

const word = new Uint32Array(1);

/** A uniform integer 0 .. n-1 (n <= 2^32), without modulo bias. */
export function randomBelow(n) {
  const crypto = globalThis.crypto ?? nodeFallback;
  if (!crypto?.getRandomValues) throw new PixabotsError('INTERNAL', 'pixabots: this runtime has no crypto.getRandomValues for randomId()');
  const limit = 2 ** 32 - (2 ** 32 % n); // the largest multiple of n that fits
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0] < limit) return word[0] % n;
  }
}
