// One instance of the WebAssembly module: its C functions, its memory and
// the moves every call makes (scratch allocations, status checks, copying
// the library's buffers out). Memory may grow during any call, which
// replaces its ArrayBuffer, so views are made afresh after each call.
import createPixabotsModule from '../dist/pixabots.mjs';
import { LIMITS, OPTIONS } from './abi.js';
import { PixabotsError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Blocks allocated for one call, freed together when it ends however it ends.
class Scope {
  #runtime;
  #blocks = [];

  constructor(runtime) {
    this.#runtime = runtime;
  }

  /** `size` zeroed bytes. */
  alloc(size) {
    const pointer = this.#runtime.malloc(size);
    this.#blocks.push(pointer);
    this.#runtime.bytes().fill(0, pointer, pointer + size);
    return pointer;
  }

  /** A copy of `bytes` (at least one byte is allocated, so it is never NULL). */
  bytes(bytes) {
    const pointer = this.alloc(Math.max(bytes.length, 1));
    this.#runtime.bytes().set(bytes, pointer);
    return pointer;
  }

  /** `text` as UTF-8 plus a NUL, in exactly that many bytes. */
  string(text) {
    const utf8 = encoder.encode(text);
    const pointer = this.alloc(utf8.length + 1); // zeroed: the NUL is there
    this.#runtime.bytes().set(utf8, pointer);
    return pointer;
  }

  release() {
    for (const pointer of this.#blocks) this.#runtime.free(pointer);
    this.#blocks.length = 0;
  }
}

export class Runtime {
  /** The emscripten module: its `_pxb_*` functions. */
  c;
  #memory;

  constructor(c, memory) {
    this.c = c;
    this.#memory = memory;
  }

  /** The module's memory as bytes (a new view: memory may have grown). */
  bytes() {
    return new Uint8Array(this.#memory.buffer);
  }

  view() {
    return new DataView(this.#memory.buffer);
  }

  /** The memory's size in bytes now (tests bound it). */
  get memoryBytes() {
    return this.#memory.buffer.byteLength;
  }

  malloc(size) {
    const pointer = this.c._malloc(size);
    if (!pointer) throw new PixabotsError('OUT_OF_MEMORY', `cannot allocate ${size} bytes of WebAssembly memory`);
    return pointer;
  }

  free(pointer) {
    this.c._free(pointer);
  }

  /** fn(scope) with scratch memory freed afterwards, on every path. */
  scoped(fn) {
    const scope = new Scope(this);
    try {
      return fn(scope);
    } finally {
      scope.release();
    }
  }

  /** Throws the library's error for a failed status: call it right after the failing call. */
  check(status) {
    if (status === 0) return;
    const detail = this.cString(this.c._pxb_last_error());
    throw new PixabotsError(status, detail || this.cString(this.c._pxb_strerror(status)));
  }

  u32(pointer) {
    return this.view().getUint32(pointer, true);
  }

  i32(pointer) {
    return this.view().getInt32(pointer, true);
  }

  /** The NUL-terminated UTF-8 string at `pointer` ('' for NULL). */
  cString(pointer) {
    if (!pointer) return '';
    const bytes = this.bytes();
    const end = bytes.indexOf(0, pointer);
    return decoder.decode(bytes.subarray(pointer, end < 0 ? bytes.length : end));
  }

  /** A copy of the `size` bytes the library handed over at `pointer`, which is then released with pxb_free. */
  take(pointer, size) {
    try {
      return pointer ? this.bytes().slice(pointer, pointer + size) : new Uint8Array(0);
    } finally {
      if (pointer) this.c._pxb_free(pointer);
    }
  }

  /** The (pointer, size) a call handed over through its two out arguments at `outs` and `outs + 4`. */
  takeOut(outs) {
    return this.take(this.u32(outs), this.u32(outs + 4));
  }
}

// abi.js's layouts against the library: it fills our struct size with its
// defaults, which must land where abi.js says they are.
function checkLayouts(runtime) {
  runtime.scoped((scope) => {
    const options = scope.alloc(OPTIONS.size);
    runtime.check(runtime.c._pxb_options_init_size(options, OPTIONS.size));
    const v = runtime.view();
    const ok = v.getUint32(options + OPTIONS.struct_size, true) === OPTIONS.size &&
      v.getInt32(options + OPTIONS.size_px, true) === 128 &&
      v.getFloat64(options + OPTIONS.saturate, true) === 1 &&
      v.getFloat64(options + OPTIONS.speed, true) === 1 &&
      v.getInt32(options + OPTIONS.tick, true) === -1;
    const limits = scope.alloc(LIMITS.size);
    runtime.check(runtime.c._pxb_limits_init_size(limits, LIMITS.size));
    const limitsOk = v.getUint32(limits + LIMITS.png_max_width, true) > 0 &&
      v.getBigUint64(limits + LIMITS.pack_max_total_bytes, true) > 0n;
    if (!ok || !limitsOk) {
      throw new PixabotsError('VERSION_MISMATCH', 'pixabots: the WebAssembly module\'s struct layouts are not the ones lib/abi.js describes');
    }
  });
}

function findMemory(instance) {
  // Release builds minify export names, so the memory is found by type.
  return Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
}

const instances = new WeakMap(); // WebAssembly.Module -> Promise<Runtime>

/**
 * The instance of the compiled module every load() of it shares, made on the
 * first: a second instance would wait for V8 to finish optimising the first
 * one's code (about 30 ms), where a new context on this one takes 2 ms.
 */
export function sharedInstance(wasmModule) {
  let runtime = instances.get(wasmModule);
  if (!runtime) {
    runtime = instantiate(wasmModule);
    instances.set(wasmModule, runtime);
    runtime.catch(() => instances.delete(wasmModule)); // a failure is not remembered
  }
  return runtime;
}

async function instantiate(wasmModule) {
  let memory;
  let failed;
  const instantiationFailed = new Promise((resolve, reject) => {
    failed = reject;
  });
  const ready = createPixabotsModule({
    // Without it the loader resolves its .wasm against import.meta.url, which
    // some edge runtimes leave undefined; it never fetches it anyway.
    locateFile: (path) => path,
    // The loader never fetches or reads the .wasm itself: it gets this instance.
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => {
        memory = findMemory(instance);
        receiveInstance(instance, wasmModule);
      }, failed);
      return {};
    },
  });
  const c = await Promise.race([ready, instantiationFailed]);
  const runtime = new Runtime(c, memory);
  checkLayouts(runtime);
  return runtime;
}
