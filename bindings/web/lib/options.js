// Render options: checked here for what C cannot represent (types, names,
// non-integers), then written into a pxb_options. Ranges are the library's
// to check, so its messages are the native ones.
import { FORMATS, OPTIONS, TICK_ALL, TICK_STILL } from './abi.js';
import {
  PixabotsError, describe, requireBool, requireInt, requireNumber, requireString,
} from './errors.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const OPTION_KEYS = Object.freeze([
  'format', 'animated', 'size', 'hue', 'saturate', 'bg', 'speed', 'tick', 'compactSvg', 'sheetColumns',
  'mergeRepeats', 'origin', 'sheetImage',
]);
const STILLS = new Set(['png', 'svg', 'rgba']);
const ANIMATIONS = new Set(['gif', 'webp', 'apng']);

function optionalString(value, what) {
  return value === undefined || value === null ? undefined : requireString(value, what, 'INVALID_OPTION');
}

// `animated: true` without a format is a GIF, as the service answers;
// with a format they must agree (the JSON documents and sheets hold both).
function chooseFormat(format, animated) {
  if (format !== undefined) {
    if (typeof format !== 'string') throw new PixabotsError('INVALID_OPTION', `format must be a string, not ${describe(format)}`);
    if (!Object.hasOwn(FORMATS, format)) {
      throw new PixabotsError('INVALID_OPTION', `format ${JSON.stringify(format)} is not one of ${Object.keys(FORMATS).join(', ')}`);
    }
  }
  if (animated === undefined || animated === null) return format;
  requireBool(animated, 'animated', 'INVALID_OPTION');
  if (format === undefined) return animated ? 'gif' : undefined;
  if (animated && STILLS.has(format)) {
    throw new PixabotsError('INVALID_OPTION',
      `format ${JSON.stringify(format)} is a still image but animated is true: use gif, webp or apng, or leave format out for gif`);
  }
  if (!animated && ANIMATIONS.has(format)) {
    throw new PixabotsError('INVALID_OPTION',
      `format ${JSON.stringify(format)} is an animation but animated is false: use png, svg or rgba`);
  }
  return format;
}

function tickOf(tick) {
  if (tick === 'still') return TICK_STILL;
  if (tick === 'all') return TICK_ALL;
  if (typeof tick === 'string') {
    throw new PixabotsError('INVALID_OPTION', `tick ${JSON.stringify(tick)} is not 'still', 'all' or a tick number 0..15`);
  }
  return requireInt(tick, 'tick', 'INVALID_OPTION', INT32_MIN, INT32_MAX, "0..15 (or 'still' or 'all')");
}

/** RenderOptions checked and in C's terms: only the fields given. */
export function resolveOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new PixabotsError('INVALID_ARGUMENT', `options must be an object, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new PixabotsError('INVALID_OPTION', `unknown option ${JSON.stringify(key)}: expected one of ${OPTION_KEYS.join(', ')}`);
    }
  }
  const given = (key) => options[key] !== undefined && options[key] !== null;
  const r = {};
  const format = chooseFormat(options.format ?? undefined, options.animated);
  if (format !== undefined) r.format = FORMATS[format];
  if (given('size')) r.size = requireInt(options.size, 'size', 'INVALID_OPTION', INT32_MIN, INT32_MAX, 'between 32 and 1920');
  if (given('hue')) r.hue = requireNumber(options.hue, 'hue', 'INVALID_OPTION');
  if (given('saturate')) r.saturate = requireNumber(options.saturate, 'saturate', 'INVALID_OPTION');
  if (given('speed')) r.speed = requireNumber(options.speed, 'speed', 'INVALID_OPTION');
  if (given('tick')) r.tick = tickOf(options.tick);
  if (given('compactSvg')) r.compactSvg = requireBool(options.compactSvg, 'compactSvg', 'INVALID_OPTION');
  if (given('mergeRepeats')) r.mergeRepeats = requireBool(options.mergeRepeats, 'mergeRepeats', 'INVALID_OPTION');
  if (given('sheetColumns')) {
    r.sheetColumns = requireInt(options.sheetColumns, 'sheetColumns', 'INVALID_OPTION', INT32_MIN, INT32_MAX, 'between 0 and 16');
  }
  r.bg = optionalString(options.bg, 'bg');
  r.origin = optionalString(options.origin, 'origin');
  r.sheetImage = optionalString(options.sheetImage, 'sheetImage');
  return r;
}

/** A pxb_options in `scope` holding the library's defaults overridden by `r` (from resolveOptions). */
export function writeOptions(runtime, scope, r) {
  const o = scope.alloc(OPTIONS.size);
  runtime.check(runtime.c._pxb_options_init_size(o, OPTIONS.size));
  const strings = {
    bg: r.bg === undefined ? 0 : scope.string(r.bg),
    origin: r.origin === undefined ? 0 : scope.string(r.origin),
    sheetImage: r.sheetImage === undefined ? 0 : scope.string(r.sheetImage),
  };
  const v = runtime.view(); // after the allocations, which may grow memory
  if (r.size !== undefined) v.setInt32(o + OPTIONS.size_px, r.size, true);
  if (r.hue !== undefined) v.setFloat64(o + OPTIONS.hue, r.hue, true);
  if (r.saturate !== undefined) v.setFloat64(o + OPTIONS.saturate, r.saturate, true);
  if (r.speed !== undefined) v.setFloat64(o + OPTIONS.speed, r.speed, true);
  if (r.format !== undefined) v.setInt32(o + OPTIONS.format, r.format, true);
  if (r.tick !== undefined) v.setInt32(o + OPTIONS.tick, r.tick, true);
  if (r.compactSvg !== undefined) v.setInt32(o + OPTIONS.compact_svg, r.compactSvg ? 1 : 0, true);
  if (r.sheetColumns !== undefined) v.setInt32(o + OPTIONS.sheet_columns, r.sheetColumns, true);
  if (r.mergeRepeats !== undefined) v.setInt32(o + OPTIONS.merge_repeats, r.mergeRepeats ? 1 : 0, true);
  v.setUint32(o + OPTIONS.bg, strings.bg, true);
  v.setUint32(o + OPTIONS.origin, strings.origin, true);
  v.setUint32(o + OPTIONS.sheet_image, strings.sheetImage, true);
  return o;
}
