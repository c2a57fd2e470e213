// The compiled WebAssembly.Module from whatever load({ wasm }) was given, or
// from the package's own dist/pixabots.wasm. Compiling is most of load()'s
// cost, so modules are cached: a second load() only instantiates.
import { PixabotsError, describe } from './errors.js';
import { isNode, nodeBuiltin } from './node.js';

// Bundlers see this URL and ship the .wasm beside the bundle. Made when
// needed: where import.meta.url is no URL (some edge bundles) the caller
// passes the module instead.
function defaultUrl() {
  try {
    return new URL('../dist/pixabots.wasm', import.meta.url);
  } catch (cause) {
    throw new PixabotsError('INVALID_ARGUMENT',
      'this runtime gives the package no URL to find dist/pixabots.wasm from: pass it, load({ wasm }), ' +
      'as a WebAssembly.Module (an edge runtime\'s .wasm import), bytes, a URL or a Response', { cause });
  }
}

const byUrl = new Map(); // href -> Promise<WebAssembly.Module>
const byBytes = new WeakMap(); // ArrayBuffer or view -> Promise<WebAssembly.Module>

function ioError(message, cause) {
  return new PixabotsError('IO', message, cause ? { cause } : undefined);
}

async function compileResponse(response, where) {
  if (!response.ok) throw ioError(`cannot fetch the WebAssembly module ${where}: HTTP ${response.status}`);
  // compileStreaming needs Content-Type: application/wasm; servers without it get the buffered path.
  if (typeof WebAssembly.compileStreaming === 'function' &&
      response.headers?.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function compileUrl(url) {
  if (isNode && url.protocol === 'file:') {
    // Node's fetch cannot read file: URLs.
    const { readFile } = await nodeBuiltin('fs/promises');
    let bytes;
    try {
      bytes = await readFile(url);
    } catch (cause) {
      throw ioError(`cannot read the WebAssembly module ${url.href}: ${cause.message}`, cause);
    }
    return WebAssembly.compile(bytes);
  }
  let response;
  try {
    response = await fetch(url);
  } catch (cause) {
    throw ioError(`cannot fetch the WebAssembly module ${url.href}: ${cause.message}`, cause);
  }
  return compileResponse(response, url.href);
}

// A string is a URL; under Node one without a scheme is also a file path.
async function toUrl(source) {
  if (source instanceof URL) return source;
  if (isNode && !/^[a-z][a-z0-9+.-]*:/i.test(source)) {
    const { pathToFileURL } = await nodeBuiltin('url');
    return pathToFileURL(source);
  }
  return new URL(source, globalThis.location?.href);
}

function cached(map, key, compile) {
  let promise = map.get(key);
  if (!promise) {
    promise = compile();
    map.set(key, promise);
    promise.catch(() => map.delete(key)); // a failure is not remembered
  }
  return promise;
}

/**
 * The WebAssembly.Module for `source`: bytes, a WebAssembly.Module, a URL or
 * string, a Response or a promise of one; undefined is the package's own.
 */
export async function compileWasm(source) {
  if (source === undefined || source === null) {
    const url = defaultUrl();
    return cached(byUrl, url.href, () => compileUrl(url));
  }
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return cached(byBytes, source, () => WebAssembly.compile(source));
  }
  if (typeof source === 'string' || source instanceof URL) {
    const url = await toUrl(source);
    return cached(byUrl, url.href, () => compileUrl(url));
  }
  if (typeof source.then === 'function') return compileWasm(await source);
  if (typeof Response !== 'undefined' && source instanceof Response) return compileResponse(source, source.url || '(a Response)');
  throw new PixabotsError('INVALID_ARGUMENT',
    `wasm must be an ArrayBuffer, Uint8Array, WebAssembly.Module, URL, string, Response or a Promise of a Response, not ${describe(source)}`);
}
