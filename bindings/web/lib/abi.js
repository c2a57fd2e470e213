// The C ABI's numbers and its structs' wasm32 layouts (pixabots.h): the one
// place that knows them. Pointers and size_t are 4 bytes, doubles and
// uint64_t 8-byte aligned. load() checks these layouts against the library
// (see checkLayouts in lib/instance.js) before anything uses them.

/** pxb_status names by number. */
export const STATUS_NAMES = Object.freeze([
  'OK', 'INVALID_ID', 'INVALID_OPTION', 'INVALID_PACK', 'IO', 'CODEC',
  'INVALID_ARGUMENT', 'BUFFER_TOO_SMALL', 'OUT_OF_MEMORY', 'VERSION_MISMATCH', 'INTERNAL',
]);

/** pxb_format values by the binding's names. */
export const FORMATS = Object.freeze({
  png: 0, gif: 1, webp: 2, apng: 3, svg: 4, rgba: 5, json: 6, frames: 7, 'sheet-png': 8, 'sheet-json': 9,
});

/** pxb_category order: an ID's characters. */
export const CATEGORIES = Object.freeze(['eyes', 'heads', 'body', 'top']);

export const TICK_STILL = -1;
export const TICK_ALL = -2;
export const ID_BUFFER_SIZE = 5; // 4 characters and a NUL
export const POINTER_SIZE = 4;

// Byte offsets of each field, and the struct's size with its tail padding.
export const OPTIONS = Object.freeze({
  size: 72,
  struct_size: 0, // uint32
  size_px: 4, // int32 `size`
  hue: 8, // double
  saturate: 16, // double
  bg: 24, // const char*
  speed: 32, // double (after 4 bytes of padding)
  format: 40, // int32
  tick: 44, // int32
  compact_svg: 48, // int32
  sheet_columns: 52, // int32
  merge_repeats: 56, // int32
  origin: 60, // const char*
  sheet_image: 64, // const char*
});

export const COMBO = Object.freeze({ size: 16, part: 0 }); // int32_t part[4]

export const PACK_FILE = Object.freeze({ size: 12, path: 0, data: 4, data_size: 8 });

export const LIMITS = Object.freeze({
  size: 40,
  struct_size: 0, // uint32
  png_max_width: 4, // uint32
  png_max_height: 8, // uint32
  pack_max_sheet_frames: 12, // uint32
  png_max_pixels: 16, // uint64
  pack_max_file_bytes: 24, // uint64
  pack_max_total_bytes: 32, // uint64
});
