'use strict';
// pixabots for Node.js: the C ABI (pixabots.h) through koffi, shaped as a
// JavaScript API. Every buffer the library hands over is copied into a Buffer
// and released with pxb_free at once, so JavaScript never holds C memory.

const { native } = require('./lib/native');

// pxb_status values, by name and by number.
const STATUS_NAMES = Object.freeze([
  'OK', 'INVALID_ID', 'INVALID_OPTION', 'INVALID_PACK', 'IO', 'CODEC',
  'INVALID_ARGUMENT', 'BUFFER_TOO_SMALL', 'OUT_OF_MEMORY', 'VERSION_MISMATCH', 'INTERNAL',
]);
const Status = Object.freeze(Object.fromEntries(STATUS_NAMES.map((name, i) => [name, i])));

const FORMATS = Object.freeze({
  png: 0, gif: 1, webp: 2, apng: 3, svg: 4, rgba: 5, json: 6, frames: 7, 'sheet-png': 8, 'sheet-json': 9,
});
const CATEGORIES = Object.freeze(['eyes', 'heads', 'body', 'top']);
const TICK_STILL = -1;
const TICK_ALL = -2;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A failure the library reported: `status` names the pxb_status, `statusCode` is its number. */
class PixabotsError extends Error {
  constructor(status, message, options) {
    super(message, options);
    this.name = 'PixabotsError';
    this.statusCode = typeof status === 'number' ? status : Status[status];
    this.status = STATUS_NAMES[this.statusCode] ?? `STATUS_${this.statusCode}`;
  }
}

// The error for `status`, with this thread's pxb_last_error() as its message.
// Call it right after the failing call, with nothing in between.
function lastFailure(c, status, extra) {
  const detail = c.last_error();
  const error = new PixabotsError(status, detail || c.strerror(status));
  if (extra) Object.assign(error, extra);
  return error;
}

function check(c, status) {
  if (status !== 0) throw lastFailure(c, status);
}

// ---- Argument checks: types here, ranges in the library (its messages name
// the accepted range). Values C cannot even represent are refused here.

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

function requireString(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string, not ${describe(value)}`);
  if (value.includes('\0')) throw new TypeError(`${what} must not contain NUL characters`);
  return value;
}

function optionalString(value, what) {
  return value === undefined || value === null ? null : requireString(value, what);
}

function requireInt(value, what, min, max, range) {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a number, not ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} ${value} is out of range: must be an integer ${range}`);
  }
  return value;
}

function requireNumber(value, what) {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a number, not ${describe(value)}`);
  return value;
}

function requireBool(value, what) {
  if (typeof value !== 'boolean') throw new TypeError(`${what} must be a boolean, not ${describe(value)}`);
  return value ? 1 : 0;
}

function requireBytes(value, what) {
  if (!ArrayBuffer.isView(value)) {
    throw new TypeError(`${what} must be a Buffer, Uint8Array or other ArrayBufferView, not ${describe(value)}`);
  }
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength); // a view, not a copy
}

// An ID goes to C as a NUL-terminated string: one with a NUL inside would be
// cut short there, so it is refused as the invalid ID it is.
function requireId(id) {
  if (typeof id !== 'string') throw new TypeError(`id must be a string, not ${describe(id)}`);
  if (id.includes('\0')) {
    throw new PixabotsError('INVALID_ID', `invalid ID ${JSON.stringify(id)}: it contains a NUL character`);
  }
  return id;
}

function categoryIndex(category) {
  if (typeof category === 'string') {
    const i = CATEGORIES.indexOf(category);
    if (i < 0) throw new RangeError(`category ${JSON.stringify(category)} is not one of ${CATEGORIES.join(', ')}`);
    return i;
  }
  if (typeof category === 'number') return requireInt(category, 'category', 0, 3, 'between 0 and 3 (eyes, heads, body, top)');
  throw new TypeError(`category must be a name (${CATEGORIES.join(', ')}) or 0..3, not ${describe(category)}`);
}

const OPTION_KEYS = new Set([
  'format', 'size', 'hue', 'saturate', 'bg', 'speed', 'tick', 'compactSvg', 'sheetColumns',
  'mergeRepeats', 'origin', 'sheetImage',
]);

// RenderOptions -> a pxb_options object for koffi, starting from the
// library's own defaults (pxb_options_init).
function toOptions(c, options, forcedFormat) {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new TypeError(`unknown option ${JSON.stringify(key)}: expected one of ${[...OPTION_KEYS].join(', ')}`);
    }
  }
  const o = { ...c.defaultOptions };
  const has = (key) => options[key] !== undefined;
  if (has('format')) {
    const format = options.format;
    if (typeof format !== 'string') throw new TypeError(`format must be a string, not ${describe(format)}`);
    if (!Object.hasOwn(FORMATS, format)) {
      throw new RangeError(`format ${JSON.stringify(format)} is not one of ${Object.keys(FORMATS).join(', ')}`);
    }
    if (forcedFormat !== undefined && FORMATS[format] !== forcedFormat) {
      throw new RangeError(`format ${JSON.stringify(format)} does not apply here: this call renders rgba`);
    }
    o.format = FORMATS[format];
  }
  if (forcedFormat !== undefined) o.format = forcedFormat;
  if (has('size')) o.size = requireInt(options.size, 'size', INT32_MIN, INT32_MAX, 'between 32 and 1920');
  if (has('hue')) o.hue = requireNumber(options.hue, 'hue');
  if (has('saturate')) o.saturate = requireNumber(options.saturate, 'saturate');
  if (has('speed')) o.speed = requireNumber(options.speed, 'speed');
  o.bg = optionalString(options.bg, 'bg');
  if (has('tick') && options.tick !== null) {
    const tick = options.tick;
    if (tick === 'all') o.tick = TICK_ALL;
    else if (tick === 'still') o.tick = TICK_STILL;
    else if (typeof tick === 'string') throw new RangeError(`tick ${JSON.stringify(tick)} must be 'all', 'still' or a number 0..15`);
    else o.tick = requireInt(tick, 'tick', INT32_MIN, INT32_MAX, 'between 0 and 15');
  }
  if (has('compactSvg')) o.compact_svg = requireBool(options.compactSvg, 'compactSvg');
  if (has('mergeRepeats')) o.merge_repeats = requireBool(options.mergeRepeats, 'mergeRepeats');
  if (has('sheetColumns')) {
    o.sheet_columns = requireInt(options.sheetColumns, 'sheetColumns', INT32_MIN, INT32_MAX, 'between 0 and 16');
  }
  o.origin = optionalString(options.origin, 'origin');
  o.sheet_image = optionalString(options.sheetImage, 'sheetImage');
  return o;
}

// Copies `size` bytes at the library-owned `pointer` into a new Buffer and
// releases the block with pxb_free, whatever happens.
function takeBuffer(c, pointer, size) {
  try {
    if (!pointer || size === 0) return Buffer.alloc(0);
    return Buffer.from(new Uint8Array(c.koffi.view(pointer, size))); // Buffer.from(view) copies
  } finally {
    if (pointer) c.free(pointer);
  }
}

// pxb_last_error() is per thread, and an async call fails on one of koffi's
// worker threads, so the main thread cannot read its message. The library is
// deterministic and checks the context, the ID and the options before it
// renders anything, so the same call replayed here with an empty buffer
// (pxb_render_into, capacity 0) fails the same way at once and leaves the
// message on this thread. Out of memory is not replayed (it may not recur).
function asyncFailure(c, status, ctx, id, options) {
  if (status !== Status.OUT_OF_MEMORY && status !== Status.BUFFER_TOO_SMALL) {
    const replayed = c.render_into(ctx, id, options, null, 0, [0]);
    if (replayed === status) return lastFailure(c, status);
  }
  return new PixabotsError(status, `${c.strerror(status)} (reported by a worker thread)`);
}

// At most this many async renders are handed to koffi at once (its queue is
// bounded); the rest wait here, in order.
const MAX_IN_FLIGHT = 64;
let inFlight = 0;
const waiting = [];

function takeSlot() {
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight += 1;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function giveSlot() {
  const next = waiting.shift();
  if (next) next(); // the slot passes straight to the next waiter
  else inFlight -= 1;
}

function callAsync(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn.async(...args, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

// Contexts that were never closed are freed when they are collected.
const finalizer = new FinalizationRegistry((pointer) => {
  try {
    native().ctx_free(pointer);
  } catch {
    // nothing to report to from a finalizer
  }
});

const INTERNAL = Symbol('pixabots.internal');

function idBuffer() {
  return Buffer.alloc(5); // PXB_ID_BUFFER_SIZE: 4 characters and a NUL
}

function idOf(buffer) {
  return buffer.toString('latin1', 0, 4);
}

/** A sprite pack plus its catalog: immutable, so any number of renders may share it. */
class Context {
  #pointer;
  #pending = 0; // async calls in flight: close() waits for them before freeing
  #closed = false;

  /** A context drawing with the art embedded in the library. */
  constructor(token, pointer) {
    const c = native();
    if (token === INTERNAL) {
      this.#pointer = pointer;
    } else {
      if (token !== undefined) throw new TypeError('new Context() takes no arguments; see Context.fromDirectory and Context.fromFiles');
      const out = [null];
      check(c, c.ctx_new(out));
      this.#pointer = out[0];
    }
    finalizer.register(this, this.#pointer, this);
  }

  /** A context drawing with the sprite pack in directory `dir` (docs/packs.md). */
  static fromDirectory(dir) {
    requireString(dir, 'dir');
    const c = native();
    const out = [null];
    check(c, c.ctx_new_from_dir(dir, out));
    return new Context(INTERNAL, out[0]);
  }

  /**
   * A context drawing with a pack given as files in memory: an object or Map
   * from the path inside the pack ("manifest.json", "eyes/visor.png") to its bytes.
   */
  static fromFiles(files) {
    if (files === null || typeof files !== 'object') {
      throw new TypeError(`files must be an object or a Map of path -> Buffer, not ${describe(files)}`);
    }
    const entries = files instanceof Map ? [...files.entries()] : Object.entries(files);
    const list = entries.map(([path, data]) => {
      requireString(path, 'a file path');
      const bytes = requireBytes(data, `the data of ${JSON.stringify(path)}`);
      return { path, data: bytes.length > 0 ? bytes : null, size: bytes.length };
    });
    const c = native();
    const out = [null];
    check(c, c.ctx_new_from_memory(list.length > 0 ? list : null, list.length, out));
    return new Context(INTERNAL, out[0]);
  }

  /** Frees the context now (after any async render still running on it). Idempotent. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    finalizer.unregister(this);
    if (this.#pending === 0) this.#free();
  }

  /** True once close() was called. */
  get closed() {
    return this.#closed;
  }

  #free() {
    const pointer = this.#pointer;
    this.#pointer = null;
    if (pointer) native().ctx_free(pointer);
  }

  #handle() {
    if (this.#closed) throw new Error('pixabots: this Context is closed');
    return this.#pointer;
  }

  // An ID-to-ID call: fn(ctx, ...args, out_id).
  #idCall(fn, ...args) {
    const c = native();
    const out = idBuffer();
    check(c, c[fn](this.#handle(), ...args, out));
    return idOf(out);
  }

  /** True when `id` names a combination of this context's catalog. */
  isValid(id) {
    if (typeof id !== 'string' || id.includes('\0')) return false;
    return native().check_id(this.#handle(), id) === 0;
  }

  /** Throws PixabotsError INVALID_ID, saying why, unless `id` is valid. */
  checkId(id) {
    const c = native();
    check(c, c.check_id(this.#handle(), requireId(id)));
  }

  /** The part index of each category that `id` names. */
  decode(id) {
    const c = native();
    const out = {};
    check(c, c.decode_id(this.#handle(), requireId(id), out));
    const [eyes, heads, body, top] = out.part;
    return { eyes, heads, body, top };
  }

  /** The ID of a combination of part indexes. */
  encode(combo) {
    if (combo === null || typeof combo !== 'object') {
      throw new TypeError(`combo must be an object {eyes, heads, body, top}, not ${describe(combo)}`);
    }
    const part = CATEGORIES.map((name) =>
      requireInt(combo[name], `combo.${name}`, INT32_MIN, INT32_MAX, 'part index'));
    return this.#idCall('encode_id', { part });
  }

  /** The service's seededId: the same text always gives the same ID. */
  seededId(text) {
    if (typeof text !== 'string') throw new TypeError(`text must be a string, not ${describe(text)}`);
    const bytes = Buffer.from(text, 'utf8');
    return this.#idCall('seeded_id', bytes.length > 0 ? bytes : null, bytes.length);
  }

  /** A uniformly random ID. */
  randomId() {
    return this.#idCall('random_id');
  }

  /** How many combinations the catalog has (10,752 for the service's). */
  comboCount() {
    const c = native();
    const out = [0];
    check(c, c.combo_count(this.#handle(), out));
    return out[0];
  }

  /** The index of `id` in browse order. */
  comboIndex(id) {
    const c = native();
    const out = [0];
    check(c, c.combo_index(this.#handle(), requireId(id), out));
    return out[0];
  }

  /** The ID at `index` in browse order (0 .. comboCount() - 1). */
  idAt(index) {
    requireInt(index, 'index', 0, 0xffffffff, 'between 0 and comboCount() - 1');
    return this.#idCall('id_at', index);
  }

  /** The next ID in browse order, wrapping around at the end. */
  nextId(id) {
    return this.#idCall('next_id', requireId(id));
  }

  /** The previous ID in browse order, wrapping around at the start. */
  previousId(id) {
    return this.#idCall('previous_id', requireId(id));
  }

  /** How many parts a category has. */
  partCount(category) {
    const c = native();
    const out = [0];
    check(c, c.part_count(this.#handle(), categoryIndex(category), out));
    return out[0];
  }

  /** The name of part `part` of a category. */
  partName(category, part) {
    const index = categoryIndex(category);
    requireInt(part, 'part', INT32_MIN, INT32_MAX, 'part index');
    const c = native();
    const out = [null];
    check(c, c.part_name(this.#handle(), index, part, out));
    return out[0];
  }

  /** Ticks the animation of `id` encodes: 16, or 8 when no part animates. */
  tickCount(id) {
    const c = native();
    const out = [0];
    check(c, c.tick_count(this.#handle(), requireId(id), out));
    return out[0];
  }

  /** Milliseconds of one whole loop of `id` at `speed` (default 1): tickCount(id) * tickDurationMs(speed). */
  loopDurationMs(id, speed = 1) {
    const c = native();
    const out = [0];
    check(c, c.loop_duration_ms(this.#handle(), requireId(id), requireSpeed(speed), out));
    return out[0];
  }

  /** The catalog as JSON text: {name, categories: {eyes: [{index, digit, name, frames, kind}, ...], ...}, combinations}. */
  catalogJson() {
    const c = native();
    const out = [null];
    const size = [0];
    check(c, c.catalog_json(this.#handle(), out, size));
    return takeBuffer(c, out[0], size[0]).toString('utf8');
  }

  /** Renders `id` on this thread; the bytes of options.format (default png). */
  renderSync(id, options) {
    const c = native();
    const o = toOptions(c, options);
    requireId(id);
    const out = [null];
    const size = [0];
    check(c, c.render(this.#handle(), id, o, out, size));
    return takeBuffer(c, out[0], size[0]);
  }

  /** Renders `id` on a worker thread; resolves to the bytes of options.format (default png). */
  async render(id, options) {
    const c = native();
    const o = toOptions(c, options);
    requireId(id);
    const pointer = this.#handle();
    this.#pending += 1;
    try {
      await takeSlot();
      const out = [null];
      const size = [0];
      let status;
      try {
        status = await callAsync(c.render, pointer, id, o, out, size);
      } finally {
        giveSlot();
      }
      if (status !== 0) throw asyncFailure(c, status, pointer, id, o);
      return takeBuffer(c, out[0], size[0]);
    } finally {
      this.#pending -= 1;
      if (this.#closed && this.#pending === 0) this.#free();
    }
  }

  /**
   * Renders raw RGBA (rows size*4 bytes, not premultiplied) with
   * pxb_render_into. With `into`, the pixels go straight into that memory and
   * the result is a Buffer over the bytes written (sharing its memory); a
   * buffer too small throws BUFFER_TOO_SMALL with `.needed`.
   */
  renderRgbaSync(id, options, into) {
    const c = native();
    const o = toOptions(c, options, FORMATS.rgba);
    requireId(id);
    const ctx = this.#handle();
    const written = [0];
    let target;
    if (into === undefined || into === null) {
      // For RGBA the size is known without rendering: ask, then render.
      const status = c.render_into(ctx, id, o, null, 0, written);
      if (status !== Status.BUFFER_TOO_SMALL) {
        check(c, status);
        return Buffer.alloc(0);
      }
      target = Buffer.allocUnsafe(written[0]);
    } else {
      target = requireBytes(into, 'into');
    }
    const status = c.render_into(ctx, id, o, target.length > 0 ? target : null, target.length, written);
    if (status !== 0) {
      throw lastFailure(c, status, status === Status.BUFFER_TOO_SMALL ? { needed: written[0] } : undefined);
    }
    return written[0] === target.length ? target : target.subarray(0, written[0]);
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Context.prototype[Symbol.dispose] = function dispose() {
    this.close();
  };
}

/** Decodes a PNG of any colour type and bit depth to 8-bit RGBA (rows width*4 bytes). */
function decodePng(png) {
  const bytes = requireBytes(png, 'png');
  const c = native();
  const out = [null];
  const width = [0];
  const height = [0];
  check(c, c.decode_png(bytes.length > 0 ? bytes : null, bytes.length, out, width, height));
  return { width: width[0], height: height[0], data: takeBuffer(c, out[0], width[0] * height[0] * 4) };
}

// A speed for the timing calls: a number (the library checks the range).
function requireSpeed(speed) {
  if (typeof speed !== 'number') {
    throw new TypeError(`speed must be a number, not ${typeof speed}`);
  }
  return speed;
}

/** Milliseconds one animation tick is shown at `speed` (0.25..4, default 1): max(20, round(72 / speed)). */
function tickDurationMs(speed = 1) {
  const c = native();
  const out = [0];
  check(c, c.tick_duration_ms(requireSpeed(speed), out));
  return out[0];
}

/** The version of the loaded library, "major.minor.patch". */
function version() {
  return native().version();
}

module.exports = {
  Context,
  PixabotsError,
  Status,
  FORMATS,
  CATEGORIES,
  decodePng,
  tickDurationMs,
  version,
};
