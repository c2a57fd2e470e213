// Sprite packs held in memory (pxb_pack_file arrays) and the pxb_limits
// that cap what the library reads from a caller's pack or PNG.
import { LIMITS, PACK_FILE } from './abi.js';
import { PixabotsError, describe, requireBytes, requireInt, requireString } from './errors.js';

const UINT32_MAX = 0xffffffff;
// Limit names in JavaScript, their field and whether it is a uint64.
const LIMIT_FIELDS = Object.freeze({
  pngMaxWidth: ['png_max_width', false],
  pngMaxHeight: ['png_max_height', false],
  packMaxSheetFrames: ['pack_max_sheet_frames', false],
  pngMaxPixels: ['png_max_pixels', true],
  packMaxFileBytes: ['pack_max_file_bytes', true],
  packMaxTotalBytes: ['pack_max_total_bytes', true],
});

/** The files of a pack as [path, bytes] pairs: from a Map or a plain object. */
export function packEntries(files) {
  if (files === null || typeof files !== 'object' || Array.isArray(files)) {
    throw new PixabotsError('INVALID_ARGUMENT', `pack must be a Map or an object of path -> Uint8Array, not ${describe(files)}`);
  }
  const entries = files instanceof Map ? [...files.entries()] : Object.entries(files);
  return entries.map(([path, data]) => [
    requireString(path, 'a pack file path', 'INVALID_ARGUMENT'),
    requireBytes(data, `the data of pack file ${JSON.stringify(path)}`),
  ]);
}

/** The pxb_pack_file array for `entries` in `scope`: its pointer (0 when empty). */
export function writePackFiles(runtime, scope, entries) {
  if (entries.length === 0) return 0;
  const array = scope.alloc(entries.length * PACK_FILE.size);
  entries.forEach(([path, data], i) => {
    const pathPointer = scope.string(path);
    const dataPointer = scope.bytes(data);
    const v = runtime.view();
    const at = array + i * PACK_FILE.size;
    v.setUint32(at + PACK_FILE.path, pathPointer, true);
    v.setUint32(at + PACK_FILE.data, dataPointer, true);
    v.setUint32(at + PACK_FILE.data_size, data.length, true);
  });
  return array;
}

/** A pxb_limits in `scope` from { pngMaxWidth, ... } (0 or absent: the default), or 0 for none. */
export function writeLimits(runtime, scope, limits) {
  if (limits === undefined || limits === null) return 0;
  if (typeof limits !== 'object' || Array.isArray(limits)) {
    throw new PixabotsError('INVALID_ARGUMENT', `limits must be an object, not ${describe(limits)}`);
  }
  for (const key of Object.keys(limits)) {
    if (!Object.hasOwn(LIMIT_FIELDS, key)) {
      throw new PixabotsError('INVALID_OPTION', `unknown limit ${JSON.stringify(key)}: expected one of ${Object.keys(LIMIT_FIELDS).join(', ')}`);
    }
  }
  const pointer = scope.alloc(LIMITS.size);
  runtime.check(runtime.c._pxb_limits_init_size(pointer, LIMITS.size));
  const v = runtime.view();
  for (const [key, [field, wide]] of Object.entries(LIMIT_FIELDS)) {
    const value = limits[key];
    if (value === undefined || value === 0) continue; // keep the default init wrote
    const max = wide ? Number.MAX_SAFE_INTEGER : UINT32_MAX;
    requireInt(value, key, 'INVALID_OPTION', 1, max, `between 0 (the default) and ${max}`);
    if (wide) v.setBigUint64(pointer + LIMITS[field], BigInt(value), true);
    else v.setUint32(pointer + LIMITS[field], value, true);
  }
  return pointer;
}
