// pixabots for browsers, web workers, Node >= 18 and edge runtimes: the
// library compiled to WebAssembly behind the Node binding's API. Every
// buffer the library hands over is copied out and released at once, so
// JavaScript never holds WebAssembly memory.
import { CATEGORIES, FORMATS } from './lib/abi.js';
import { PixabotsError, Status, describe } from './lib/errors.js';
import { Pixabots, embeddedContext, packContext } from './lib/pixabots.js';
import { useWebCrypto } from './lib/random.js';
import { sharedInstance } from './lib/runtime.js';
import { compileWasm } from './lib/wasm-source.js';

export { CATEGORIES, FORMATS, PixabotsError, Status };

const LOAD_KEYS = ['wasm', 'pack', 'limits'];

/**
 * A Pixabots object: a new context with the embedded art, or `options.pack`.
 * `options.wasm` says where the module comes from (default:
 * dist/pixabots.wasm beside this file); the module is compiled and
 * instantiated once, and later loads of it add a context to that instance.
 */
export async function load(options = {}) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new PixabotsError('INVALID_ARGUMENT', `load() options must be an object, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!LOAD_KEYS.includes(key)) {
      throw new PixabotsError('INVALID_OPTION', `unknown load() option ${JSON.stringify(key)}: expected one of ${LOAD_KEYS.join(', ')}`);
    }
  }
  const [wasmModule] = await Promise.all([compileWasm(options.wasm), useWebCrypto()]);
  const runtime = await sharedInstance(wasmModule);
  const pointer = options.pack === undefined || options.pack === null
    ? embeddedContext(runtime)
    : packContext(runtime, options.pack, options.limits);
  return Pixabots.create(runtime, pointer);
}
