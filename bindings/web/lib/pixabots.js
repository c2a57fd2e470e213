// The object load() resolves to: one sprite-pack context of one WebAssembly
// instance, with the Node binding's Context methods (synchronous: the
// instance is single-threaded) and render() for every format.
import { CATEGORIES, COMBO, ID_BUFFER_SIZE, POINTER_SIZE } from './abi.js';
import { PixabotsError, describe, requireBytes, requireId, requireInt, requireNumber } from './errors.js';
import { resolveOptions, writeOptions } from './options.js';
import { packEntries, writeLimits, writePackFiles } from './pack.js';
import { randomBelow } from './random.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

// Contexts never closed are freed when their object is collected.
const finalizer = new FinalizationRegistry(({ runtime, pointer }) => runtime.c._pxb_ctx_free(pointer));

const INTERNAL = Symbol('pixabots.internal');

function categoryIndex(category) {
  if (typeof category === 'string') {
    const i = CATEGORIES.indexOf(category);
    if (i < 0) throw new PixabotsError('INVALID_ARGUMENT', `category ${JSON.stringify(category)} is not one of ${CATEGORIES.join(', ')}`);
    return i;
  }
  return requireInt(category, 'category', 'INVALID_ARGUMENT', 0, 3, 'between 0 and 3 (eyes, heads, body, top), or its name');
}

function requireSpeed(speed) {
  return requireNumber(speed, 'speed', 'INVALID_OPTION');
}

/** A new context's pointer: ctxNew(scope, outPointer) makes it. */
function newContext(runtime, ctxNew) {
  return runtime.scoped((scope) => {
    const out = scope.alloc(POINTER_SIZE);
    runtime.check(ctxNew(scope, out));
    return runtime.u32(out);
  });
}

/** A context drawing with the pack in `files` (path inside the pack -> bytes) under `limits`. */
export function packContext(runtime, files, limits) {
  const entries = packEntries(files);
  return newContext(runtime, (scope, out) => {
    const limitsPointer = writeLimits(runtime, scope, limits);
    const array = writePackFiles(runtime, scope, entries);
    return runtime.c._pxb_ctx_new_from_memory_with_limits(array, entries.length, limitsPointer, out);
  });
}

/** A context drawing with the art embedded in the module. */
export function embeddedContext(runtime) {
  return newContext(runtime, (scope, out) => runtime.c._pxb_ctx_new(out));
}

export class Pixabots {
  #runtime;
  #pointer;

  constructor(token, runtime, pointer) {
    if (token !== INTERNAL) throw new TypeError('pixabots: use load() or withPack(), not new Pixabots()');
    this.#runtime = runtime;
    this.#pointer = pointer;
    finalizer.register(this, { runtime, pointer }, this);
  }

  static create(runtime, pointer) {
    return new Pixabots(INTERNAL, runtime, pointer);
  }

  /** Another object on the same WebAssembly instance, drawing with a pack given as files in memory. */
  withPack(files, options) {
    this.#handle();
    if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
      throw new PixabotsError('INVALID_ARGUMENT', `withPack() options must be an object { limits }, not ${describe(options)}`);
    }
    return Pixabots.create(this.#runtime, packContext(this.#runtime, files, options?.limits));
  }

  /** Frees the context now. Idempotent; any later call throws. */
  close() {
    if (!this.#pointer) return;
    finalizer.unregister(this);
    this.#runtime.c._pxb_ctx_free(this.#pointer);
    this.#pointer = 0;
  }

  [Symbol.dispose]() {
    this.close();
  }

  get closed() {
    return this.#pointer === 0;
  }

  /** Bytes of WebAssembly memory the instance holds now (it grows, never shrinks). */
  get memoryBytes() {
    return this.#runtime.memoryBytes;
  }

  #handle() {
    if (!this.#pointer) throw new PixabotsError('INVALID_ARGUMENT', 'pixabots: this object is closed');
    return this.#pointer;
  }

  // fn(scope, ctx, idPointer?) with `id` copied in when given.
  #withId(id, fn) {
    requireId(id);
    const ctx = this.#handle();
    return this.#runtime.scoped((scope) => fn(scope, ctx, scope.string(id)));
  }

  // A call that writes an ID: fn(scope, ctx, out).
  #idOut(fn) {
    const rt = this.#runtime;
    const ctx = this.#handle();
    return rt.scoped((scope) => {
      const out = scope.alloc(ID_BUFFER_SIZE);
      rt.check(fn(scope, ctx, out));
      return rt.cString(out);
    });
  }

  // A call that writes one 32-bit value: fn(scope, ctx, out).
  #intOut(fn, signed = true) {
    const rt = this.#runtime;
    const ctx = this.#handle();
    return rt.scoped((scope) => {
      const out = scope.alloc(4);
      rt.check(fn(scope, ctx, out));
      return signed ? rt.i32(out) : rt.u32(out);
    });
  }

  /** True when `id` names a combination of this pack's catalog. */
  isValid(id) {
    if (typeof id !== 'string' || id.includes('\0')) return false;
    return this.#withId(id, (scope, ctx, idp) => this.#runtime.c._pxb_check_id(ctx, idp) === 0);
  }

  /** Throws PixabotsError INVALID_ID, saying why, unless `id` is valid. */
  checkId(id) {
    this.#withId(id, (scope, ctx, idp) => this.#runtime.check(this.#runtime.c._pxb_check_id(ctx, idp)));
  }

  /** The part index of each category that `id` names. */
  decode(id) {
    const rt = this.#runtime;
    return this.#withId(id, (scope, ctx, idp) => {
      const out = scope.alloc(COMBO.size);
      rt.check(rt.c._pxb_decode_id(ctx, idp, out));
      const [eyes, heads, body, top] = CATEGORIES.map((_, i) => rt.i32(out + COMBO.part + 4 * i));
      return { eyes, heads, body, top };
    });
  }

  /** The ID of a combination of part indexes. */
  encode(combo) {
    if (combo === null || typeof combo !== 'object') {
      throw new PixabotsError('INVALID_ARGUMENT', `combo must be an object {eyes, heads, body, top}, not ${describe(combo)}`);
    }
    const parts = CATEGORIES.map((name) => requireInt(combo[name], `combo.${name}`, 'INVALID_ID', INT32_MIN, INT32_MAX, 'part index'));
    const rt = this.#runtime;
    return this.#idOut((scope, ctx, out) => {
      const pointer = scope.alloc(COMBO.size);
      const v = rt.view();
      parts.forEach((part, i) => v.setInt32(pointer + COMBO.part + 4 * i, part, true));
      return rt.c._pxb_encode_id(ctx, pointer, out);
    });
  }

  /** The service's seededId: the same text always gives the same ID. */
  seededId(text) {
    if (typeof text !== 'string') throw new PixabotsError('INVALID_ARGUMENT', `text must be a string, not ${describe(text)}`);
    const utf8 = new TextEncoder().encode(text); // may hold NULs: passed with its length
    return this.#idOut((scope, ctx, out) => this.#runtime.c._pxb_seeded_id(ctx, scope.bytes(utf8), utf8.length, out));
  }

  /** A uniformly random ID, from the host's crypto.getRandomValues. */
  randomId() {
    return this.idAt(randomBelow(this.comboCount()));
  }

  /** How many combinations the catalog has (10,752 for the service's). */
  comboCount() {
    return this.#intOut((scope, ctx, out) => this.#runtime.c._pxb_combo_count(ctx, out), false);
  }

  /** The index of `id` in browse order. */
  comboIndex(id) {
    requireId(id);
    return this.#intOut((scope, ctx, out) => this.#runtime.c._pxb_combo_index(ctx, scope.string(id), out), false);
  }

  /** The ID at `index` in browse order (0 .. comboCount() - 1). */
  idAt(index) {
    requireInt(index, 'index', 'INVALID_ID', 0, 0xffffffff, 'between 0 and comboCount() - 1');
    return this.#idOut((scope, ctx, out) => this.#runtime.c._pxb_id_at(ctx, index, out));
  }

  /** The next ID in browse order, wrapping around at the end. */
  nextId(id) {
    requireId(id);
    return this.#idOut((scope, ctx, out) => this.#runtime.c._pxb_next_id(ctx, scope.string(id), out));
  }

  /** The previous ID in browse order, wrapping around at the start. */
  previousId(id) {
    requireId(id);
    return this.#idOut((scope, ctx, out) => this.#runtime.c._pxb_previous_id(ctx, scope.string(id), out));
  }

  /** How many parts a category has. */
  partCount(category) {
    const index = categoryIndex(category);
    return this.#intOut((scope, ctx, out) => this.#runtime.c._pxb_part_count(ctx, index, out));
  }

  /** The name of part `part` of a category. */
  partName(category, part) {
    const index = categoryIndex(category);
    requireInt(part, 'part', 'INVALID_OPTION', INT32_MIN, INT32_MAX, 'part index');
    const rt = this.#runtime;
    const ctx = this.#handle();
    return rt.scoped((scope) => {
      const out = scope.alloc(POINTER_SIZE);
      rt.check(rt.c._pxb_part_name(ctx, index, part, out));
      return rt.cString(rt.u32(out));
    });
  }

  /** Every category's part names, in ID digit order. */
  parts() {
    return Object.fromEntries(CATEGORIES.map((category) => {
      const count = this.partCount(category);
      return [category, Array.from({ length: count }, (_, i) => this.partName(category, i))];
    }));
  }

  /** Ticks the animation of `id` encodes: 16, or 8 when no part animates. */
  tickCount(id) {
    requireId(id);
    return this.#intOut((scope, ctx, out) => this.#runtime.c._pxb_tick_count(ctx, scope.string(id), out));
  }

  /** Milliseconds of one whole loop of `id` at `speed` (default 1). */
  loopDurationMs(id, speed = 1) {
    requireId(id);
    requireSpeed(speed);
    return this.#intOut((scope, ctx, out) => this.#runtime.c._pxb_loop_duration_ms(ctx, scope.string(id), speed, out));
  }

  /** Milliseconds one tick is shown at `speed` (0.25..4, default 1): max(20, round(72 / speed)). */
  tickDurationMs(speed = 1) {
    requireSpeed(speed);
    return this.#intOut((scope, ctx, out) => this.#runtime.c._pxb_tick_duration_ms(speed, out));
  }

  /** The catalog as JSON text. */
  catalogJson() {
    const rt = this.#runtime;
    const ctx = this.#handle();
    const bytes = rt.scoped((scope) => {
      const outs = scope.alloc(2 * POINTER_SIZE);
      rt.check(rt.c._pxb_catalog_json(ctx, outs, outs + POINTER_SIZE));
      return rt.takeOut(outs);
    });
    return new TextDecoder().decode(bytes);
  }

  /** Renders `id`: the bytes of options.format (default png, or gif with animated: true). */
  render(id, options) {
    const resolved = resolveOptions(options);
    const rt = this.#runtime;
    return this.#withId(id, (scope, ctx, idp) => {
      const o = writeOptions(rt, scope, resolved);
      const outs = scope.alloc(2 * POINTER_SIZE);
      rt.check(rt.c._pxb_render(ctx, idp, o, outs, outs + POINTER_SIZE));
      return rt.takeOut(outs);
    });
  }

  /** Decodes a PNG of any colour type and bit depth to 8-bit RGBA (rows width*4 bytes), under optional png_* limits. */
  decodePng(png, limits) {
    const bytes = requireBytes(png, 'png');
    this.#handle();
    const rt = this.#runtime;
    return rt.scoped((scope) => {
      const limitsPointer = writeLimits(rt, scope, limits);
      const data = scope.bytes(bytes);
      const outs = scope.alloc(3 * 4); // rgba pointer, width, height
      rt.check(rt.c._pxb_decode_png_with_limits(data, bytes.length, limitsPointer, outs, outs + 4, outs + 8));
      const width = rt.i32(outs + 4);
      const height = rt.i32(outs + 8);
      return { width, height, data: rt.take(rt.u32(outs), width * height * 4) };
    });
  }

  /** The library's version, "major.minor.patch". */
  version() {
    return this.#runtime.cString(this.#runtime.c._pxb_version());
  }
}
