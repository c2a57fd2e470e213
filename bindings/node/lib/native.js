'use strict';
// The C ABI (include/pixabots/pixabots.h) declared through koffi. Nothing here
// knows about the JavaScript API: index.js builds that on top.
//
// The shared library is found with PIXABOTS_LIBRARY (a full path) when it is
// set, else as the copy the npm package carries for this platform
// (lib/linux-x64/libpixabots.so.1, put there by pack.cmake), else by its
// soname through the system loader (ld.so.cache, LD_LIBRARY_PATH), where
// `cmake --install` puts it.

const fs = require('node:fs');
const path = require('node:path');
const koffi = require('koffi');

const ABI_MAJOR = 1; // the library's major version (its soname) this file mirrors

function defaultLibraryName() {
  switch (process.platform) {
    case 'darwin': return 'libpixabots.0.dylib';
    case 'win32': return 'pixabots.dll';
    default: return 'libpixabots.so.1';
  }
}

// The copy the package carries for this platform and architecture, if any.
function bundledLibrary() {
  const file = path.join(__dirname, `${process.platform}-${process.arch}`, defaultLibraryName());
  return fs.existsSync(file) ? file : null;
}

function loadLibrary() {
  const fromEnv = process.env.PIXABOTS_LIBRARY;
  const bundled = fromEnv ? null : bundledLibrary();
  const name = fromEnv || bundled || defaultLibraryName();
  try {
    return koffi.load(name);
  } catch (cause) {
    const where = fromEnv ? `PIXABOTS_LIBRARY=${fromEnv}`
      : bundled ? `${bundled}, bundled with the package`
        : `${name} from the system library path`;
    const error = new Error(
      `pixabots: cannot load the native library (${where}): ${cause.message}. ` +
        'Install the npm package that carries it (bindings/node/pack.cmake), install it with ' +
        '`cmake --install BUILD_DIR` (then `ldconfig`), or set PIXABOTS_LIBRARY to the full ' +
        'path of libpixabots.so.');
    error.cause = cause;
    throw error;
  }
}

function declare() {
  const lib = loadLibrary();

  // Types. Enums are C `int`s; pxb_ctx is opaque and handled as a pointer
  // (a BigInt in koffi 3). Field order and types mirror pixabots.h exactly.
  koffi.opaque('pxb_ctx');
  const pxb_combo = koffi.struct('pxb_combo', { part: koffi.array('int32_t', 4, 'Array') });
  const pxb_options = koffi.struct('pxb_options', {
    struct_size: 'uint32_t', // koffi.sizeof(pxb_options) below: a growing struct
    size: 'int32_t',
    hue: 'double',
    saturate: 'double',
    bg: 'const char *',
    speed: 'double',
    format: 'int', // pxb_format
    tick: 'int32_t',
    compact_svg: 'int32_t',
    sheet_columns: 'int32_t',
    merge_repeats: 'int32_t',
    origin: 'const char *',
    sheet_image: 'const char *',
  });
  const pxb_pack_file = koffi.struct('pxb_pack_file', {
    path: 'const char *',
    data: 'const void *',
    size: 'size_t',
  });

  const f = (prototype) => lib.func(prototype);
  const c = {
    koffi,
    types: { pxb_combo, pxb_options, pxb_pack_file },
    options_init_size: f('int pxb_options_init_size(_Out_ pxb_options *options, size_t struct_size)'),
    version: f('const char *pxb_version(void)'),
    version_number: f('uint32_t pxb_version_number(void)'),
    strerror: f('const char *pxb_strerror(int status)'),
    last_error: f('const char *pxb_last_error(void)'),
    free: f('void pxb_free(void *buffer)'),

    ctx_new: f('int pxb_ctx_new(_Out_ pxb_ctx **out)'),
    ctx_new_from_dir: f('int pxb_ctx_new_from_dir(const char *dir, _Out_ pxb_ctx **out)'),
    ctx_new_from_memory: f('int pxb_ctx_new_from_memory(const pxb_pack_file *files, size_t count, _Out_ pxb_ctx **out)'),
    ctx_free: f('void pxb_ctx_free(pxb_ctx *ctx)'),

    // out_id parameters take a 5-byte Buffer (4 characters and a NUL).
    check_id: f('int pxb_check_id(const pxb_ctx *ctx, const char *id)'),
    decode_id: f('int pxb_decode_id(const pxb_ctx *ctx, const char *id, _Out_ pxb_combo *out)'),
    encode_id: f('int pxb_encode_id(const pxb_ctx *ctx, const pxb_combo *combo, void *out_id)'),
    seeded_id: f('int pxb_seeded_id(const pxb_ctx *ctx, const void *text, size_t length, void *out_id)'),
    random_id: f('int pxb_random_id(const pxb_ctx *ctx, void *out_id)'),
    combo_count: f('int pxb_combo_count(const pxb_ctx *ctx, _Out_ uint32_t *out)'),
    combo_index: f('int pxb_combo_index(const pxb_ctx *ctx, const char *id, _Out_ uint32_t *out)'),
    id_at: f('int pxb_id_at(const pxb_ctx *ctx, uint32_t index, void *out_id)'),
    next_id: f('int pxb_next_id(const pxb_ctx *ctx, const char *id, void *out_id)'),
    previous_id: f('int pxb_previous_id(const pxb_ctx *ctx, const char *id, void *out_id)'),
    category_name: f('const char *pxb_category_name(int category)'),
    part_count: f('int pxb_part_count(const pxb_ctx *ctx, int category, _Out_ int32_t *out)'),
    part_name: f('int pxb_part_name(const pxb_ctx *ctx, int category, int32_t part, _Out_ const char **out)'),
    tick_count: f('int pxb_tick_count(const pxb_ctx *ctx, const char *id, _Out_ int32_t *out)'),
    tick_duration_ms: f('int pxb_tick_duration_ms(double speed, _Out_ int32_t *out)'),
    loop_duration_ms: f('int pxb_loop_duration_ms(const pxb_ctx *ctx, const char *id, double speed, _Out_ int32_t *out)'),
    catalog_json: f('int pxb_catalog_json(const pxb_ctx *ctx, _Out_ void **out, _Out_ size_t *out_size)'),

    // *out is read back as a raw pointer (BigInt) so that the bytes can be
    // copied into a Buffer and the block released with pxb_free.
    render: f('int pxb_render(const pxb_ctx *ctx, const char *id, const pxb_options *options, _Out_ void **out, _Out_ size_t *out_size)'),
    render_into: f('int pxb_render_into(const pxb_ctx *ctx, const char *id, const pxb_options *options, void *buffer, size_t capacity, _Out_ size_t *out_size)'),
    decode_png: f('int pxb_decode_png(const void *data, size_t size, _Out_ void **out_rgba, _Out_ int32_t *out_width, _Out_ int32_t *out_height)'),
  };

  const number = c.version_number();
  if (Math.floor(number / 10000) !== ABI_MAJOR) {
    throw new Error(
      `pixabots: the loaded library is version ${c.version()}, but this binding speaks ` +
        `the ${ABI_MAJOR}.x C ABI`);
  }

  // The defaults come from the library itself, for the struct as declared
  // here (struct_size = its sizeof: a newer library gives the fields it has
  // added since their defaults); reading them back also checks the layout.
  const defaults = {};
  const size = koffi.sizeof(pxb_options);
  const status = c.options_init_size(defaults, size);
  if (status !== 0) {
    throw new Error(`pixabots: pxb_options_init failed: ${c.last_error()}`);
  }
  if (defaults.struct_size !== size || defaults.size !== 128 || defaults.saturate !== 1 ||
      defaults.speed !== 1 || defaults.tick !== -1 || defaults.bg !== null) {
    throw new Error('pixabots: pxb_options as declared here does not match the library\'s layout');
  }
  c.defaultOptions = Object.freeze(defaults);
  return c;
}

let cached = null;

// The declared C functions, loading the library on first use.
function native() {
  if (cached === null) cached = declare();
  return cached;
}

module.exports = { native };
