#ifndef PIXABOTS_H
#define PIXABOTS_H
/* The pixabots C ABI (C99 and C++). docs/c-api.md is the guide.

   Conventions:
   - Every call that can fail returns a pxb_status. On failure, pxb_last_error()
     tells this thread the detail (the bad value and the accepted range) and the
     output arguments are left untouched unless the call says otherwise.
   - Nothing is thrown and nothing aborts on bad input; NULL pointers where a
     value is needed give PXB_ERR_INVALID_ARGUMENT.
   - Ownership: strings and buffers the library returns are either owned by a
     context (valid until pxb_ctx_free) or handed to the caller, who releases
     them with pxb_free(); each function says which. Inputs are only read during
     the call.
   - Thread safety: a context is immutable once created, so any number of
     threads may render with one context at once. pxb_ctx_free must not race
     with calls on the same context. */

#include <stddef.h>
#include <stdint.h>

#include "pixabots/version.h"

#if defined(PXB_STATIC)
#define PXB_API
#elif defined(_WIN32)
#if defined(PIXABOTS_BUILDING)
#define PXB_API __declspec(dllexport)
#else
#define PXB_API __declspec(dllimport)
#endif
#else
#define PXB_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum pxb_status {
  PXB_OK = 0,
  PXB_ERR_INVALID_ID = 1,       /* not 4 base-36 characters naming parts that exist */
  PXB_ERR_INVALID_OPTION = 2,   /* size, hue, saturate, bg, speed, tick, ... out of range */
  PXB_ERR_INVALID_PACK = 3,     /* a sprite pack that breaks the rules (docs/packs.md) */
  PXB_ERR_IO = 4,               /* a file or directory that could not be read */
  PXB_ERR_CODEC = 5,            /* an image that could not be decoded or encoded */
  PXB_ERR_INVALID_ARGUMENT = 6, /* a NULL pointer or an unknown enum value */
  PXB_ERR_BUFFER_TOO_SMALL = 7, /* the caller's buffer; the size needed is reported */
  PXB_ERR_OUT_OF_MEMORY = 8,
  PXB_ERR_VERSION_MISMATCH = 9, /* an options struct_size this library cannot read */
  PXB_ERR_INTERNAL = 10,        /* a bug: please report it with pxb_last_error() */
  /* 11..26 were the remote generation statuses, which moved with the pxb_remote_*
     calls to pixabots/remote.h (libpixabots_remote, pxb_remote_status, the same
     numbers). They are never reused here, so a value an old caller holds never
     changes meaning. */
} pxb_status;

/* What to render. PNG, SVG and RGBA are still images (or one tick, see
   pxb_options.tick); GIF, WebP, APNG and the sheet are the animation. */
typedef enum pxb_format {
  PXB_FORMAT_PNG = 0,
  PXB_FORMAT_GIF = 1,           /* animated, looping */
  PXB_FORMAT_WEBP = 2,          /* animated lossless WebP, alpha kept */
  PXB_FORMAT_APNG = 3,          /* animated PNG */
  PXB_FORMAT_SVG = 4,           /* the service's SVG, or merged runs with compact_svg */
  PXB_FORMAT_RGBA = 5,          /* raw 8-bit RGBA, rows size*4 bytes, not premultiplied */
  PXB_FORMAT_METADATA_JSON = 6, /* the service's {id, combo, parts, png, gif} document */
  PXB_FORMAT_FRAMES_JSON = 7,   /* the service's frames document (client-side playback) */
  PXB_FORMAT_SHEET_PNG = 8,     /* every animation frame in one PNG (strip or grid) */
  PXB_FORMAT_SHEET_JSON = 9     /* the sheet's frame data ("frames"/"meta" JSON Array) */
} pxb_format;

/* Categories in encoding order: the order of an ID's characters. Enum-valued
   arguments and fields are int32_t so any value a caller passes is well
   defined and refused with PXB_ERR_INVALID_ARGUMENT when unknown. */
typedef enum pxb_category {
  PXB_CATEGORY_EYES = 0,
  PXB_CATEGORY_HEADS = 1,
  PXB_CATEGORY_BODY = 2,
  PXB_CATEGORY_TOP = 3
} pxb_category;

/* One part index per category, indexed by pxb_category. */
typedef struct pxb_combo {
  int32_t part[4];
} pxb_combo;

/* A 4-character ID plus its terminating NUL. */
#define PXB_ID_BUFFER_SIZE 5

/* pxb_options.tick: the still image (frame 0 of every part, no bounce). */
#define PXB_TICK_STILL (-1)
/* pxb_options.tick, RGBA and PNG only: every encoded tick stacked vertically. */
#define PXB_TICK_ALL (-2)

/* Growing structs: pxb_options and the other *_options structs start with
   struct_size, the sizeof() the caller was compiled with, which their _init
   macro sets. New fields are only ever appended, and each one's zero value
   means "the default", so:
   - a caller built against older headers (a smaller struct_size) keeps
     working with a newer library, which gives the fields it does not know
     their defaults;
   - a caller built against newer headers works with an older library as long
     as it leaves the fields that library does not know at zero; otherwise the
     call fails with PXB_ERR_VERSION_MISMATCH naming the size.
   Always initialise with the _init macro before setting fields. */

typedef struct pxb_options {
  uint32_t struct_size;    /* sizeof(pxb_options) as the caller compiled it: set by pxb_options_init */
  int32_t size;            /* output width and height, 32..1920 (default 128) */
  double hue;              /* degrees, any finite number (default 0) */
  double saturate;         /* chroma multiplier 0..4 (default 1) */
  const char* bg;          /* "#rrggbb" to flatten onto; NULL = transparent */
  double speed;            /* animation speed 0.25..4 (default 1) */
  int32_t format;          /* a pxb_format (default PXB_FORMAT_PNG) */
  int32_t tick;            /* PNG and RGBA: PXB_TICK_STILL, a tick 0..15, or PXB_TICK_ALL */
  int32_t compact_svg;     /* nonzero: merge same-colour runs (same picture, fewer bytes) */
  int32_t sheet_columns;   /* sheets: 0 = one row, 1..16 = a grid that many frames wide */
  int32_t merge_repeats;   /* sheets: nonzero merges identical consecutive ticks */
  const char* origin;      /* JSON URLs; NULL = "https://pixabots.com" */
  const char* sheet_image; /* sheet JSON's meta.image; NULL = "sheet.png" */
} pxb_options;

/* Fills the first `struct_size` bytes of *options with the defaults (bytes
   past the library's own pxb_options are zeroed). Use the pxb_options_init
   macro, which passes sizeof(pxb_options) of these headers. */
PXB_API pxb_status pxb_options_init_size(pxb_options* options, size_t struct_size);
#define pxb_options_init(options) pxb_options_init_size((options), sizeof(pxb_options))

/* Version of the library actually loaded: "major.minor.patch" (static storage)
   and major * 10000 + minor * 100 + patch. */
PXB_API const char* pxb_version(void);
PXB_API uint32_t pxb_version_number(void);

/* A fixed English description of a status (static storage; never NULL). */
PXB_API const char* pxb_strerror(int32_t status);
/* The detail of this thread's last failed call, e.g. "size 20 is out of range:
   must be an integer between 32 and 1920"; "" when none failed yet. Owned by
   the library, valid until this thread's next failed call. */
PXB_API const char* pxb_last_error(void);

/* Releases a buffer the library handed over (pxb_render, pxb_decode_png,
   and libpixabots_remote's pxb_remote_* calls). NULL is fine. */
PXB_API void pxb_free(void* buffer);

/* ---- Contexts: a sprite pack plus its catalog, immutable once made ---- */

typedef struct pxb_ctx pxb_ctx;

/* One file of a pack held in memory, named by its path inside the pack
   ("manifest.json", "eyes/visor.png"); the bytes are copied during the call. */
typedef struct pxb_pack_file {
  const char* path;
  const uint8_t* data;
  size_t size;
} pxb_pack_file;

/* A context drawing with the art embedded in the library. */
PXB_API pxb_status pxb_ctx_new(pxb_ctx** out);
/* A context drawing with the pack in `dir` (docs/packs.md). */
PXB_API pxb_status pxb_ctx_new_from_dir(const char* dir, pxb_ctx** out);
/* A context drawing with a pack given as files in memory. */
PXB_API pxb_status pxb_ctx_new_from_memory(const pxb_pack_file* files, size_t count, pxb_ctx** out);
/* Frees the context and every string it owns. NULL is fine. */
PXB_API void pxb_ctx_free(pxb_ctx* ctx);

/* ---- IDs and the catalog; `out_id` receives 4 characters and a NUL ---- */

/* PXB_OK when `id` is a valid ID for the context's catalog, else
   PXB_ERR_INVALID_ID with the reason in pxb_last_error(). */
PXB_API pxb_status pxb_check_id(const pxb_ctx* ctx, const char* id);
PXB_API pxb_status pxb_decode_id(const pxb_ctx* ctx, const char* id, pxb_combo* out);
PXB_API pxb_status pxb_encode_id(const pxb_ctx* ctx, const pxb_combo* combo, char out_id[PXB_ID_BUFFER_SIZE]);
/* The service's seededId: the same text always gives the same ID. `text` is
   UTF-8 of `length` bytes (it may hold NUL bytes). */
PXB_API pxb_status pxb_seeded_id(const pxb_ctx* ctx, const char* text, size_t length, char out_id[PXB_ID_BUFFER_SIZE]);
/* A uniformly random ID from a per-thread generator seeded by the OS. */
PXB_API pxb_status pxb_random_id(const pxb_ctx* ctx, char out_id[PXB_ID_BUFFER_SIZE]);
/* Combinations in the catalog (10,752 for the service's). */
PXB_API pxb_status pxb_combo_count(const pxb_ctx* ctx, uint32_t* out);
/* Browse order: index of an ID, the ID at an index, and the neighbours
   (wrapping around at both ends). An index >= pxb_combo_count names no ID:
   PXB_ERR_INVALID_ID. */
PXB_API pxb_status pxb_combo_index(const pxb_ctx* ctx, const char* id, uint32_t* out);
PXB_API pxb_status pxb_id_at(const pxb_ctx* ctx, uint32_t index, char out_id[PXB_ID_BUFFER_SIZE]);
PXB_API pxb_status pxb_next_id(const pxb_ctx* ctx, const char* id, char out_id[PXB_ID_BUFFER_SIZE]);
PXB_API pxb_status pxb_previous_id(const pxb_ctx* ctx, const char* id, char out_id[PXB_ID_BUFFER_SIZE]);
/* "eyes", "heads", "body", "top" (static storage), or NULL for a bad value. */
PXB_API const char* pxb_category_name(int32_t category);
PXB_API pxb_status pxb_part_count(const pxb_ctx* ctx, int32_t category, int32_t* out);
/* The part's name, owned by the context. A part outside 0..count-1 is
   PXB_ERR_INVALID_OPTION; a category outside pxb_category PXB_ERR_INVALID_ARGUMENT. */
PXB_API pxb_status pxb_part_name(const pxb_ctx* ctx, int32_t category, int32_t part, const char** out);
/* Ticks the animation encodes: 16, or 8 when no part of the combo animates. */
PXB_API pxb_status pxb_tick_count(const pxb_ctx* ctx, const char* id, int32_t* out);

/* ---- Rendering ---- */

/* Renders `id` as options->format (NULL options = the defaults) into a new
   buffer handed to the caller: *out points to *out_size bytes, released with
   pxb_free(). On failure *out is NULL and *out_size 0. */
PXB_API pxb_status pxb_render(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t** out,
                              size_t* out_size);
/* The same into the caller's buffer of `capacity` bytes; *out_size receives
   the bytes written. When the buffer is too small (or NULL with capacity 0: a
   size query) the call returns PXB_ERR_BUFFER_TOO_SMALL with the size needed
   in *out_size. For PXB_FORMAT_RGBA the size is known without rendering and
   the pixels go straight into the buffer, allocating nothing. */
PXB_API pxb_status pxb_render_into(const pxb_ctx* ctx, const char* id, const pxb_options* options, uint8_t* buffer,
                                   size_t capacity, size_t* out_size);

/* Writer for pxb_render_to: receives the output in one or more pieces, in
   order; `data` is valid only during the call. Return 0 to go on, nonzero to
   stop the render (which then fails with PXB_ERR_IO). */
typedef int (*pxb_write_fn)(void* user, const uint8_t* data, size_t size);

/* The same render handed to `write` (called on this thread, before the call
   returns), so a host streams output into its own buffers or files. Raw RGBA
   with PXB_TICK_ALL goes a tick at a time: the whole strip is never held. */
PXB_API pxb_status pxb_render_to(const pxb_ctx* ctx, const char* id, const pxb_options* options, pxb_write_fn write,
                                 void* user);

/* ---- Timing, for engines playing the animation themselves ---- */

/* Milliseconds one tick is shown at `speed` (0.25..4): max(20, round(72 / speed)),
   72 at speed 1. The same for every ID. */
PXB_API pxb_status pxb_tick_duration_ms(double speed, int32_t* out);
/* Milliseconds of one whole loop of `id` at `speed`: its tick count
   (pxb_tick_count) times the tick duration. */
PXB_API pxb_status pxb_loop_duration_ms(const pxb_ctx* ctx, const char* id, double speed, int32_t* out);

/* ---- Pictures of many avatars, and the catalog ---- */

/* Layouts of the Open Graph card. */
typedef enum pxb_og_layout {
  PXB_OG_GRID = 0,   /* 18 bots in 6 x 3: the ids given first, the rest picked by seed */
  PXB_OG_SINGLE = 1, /* exactly one bot, large */
  PXB_OG_COMPARE = 2 /* 1..6 bots side by side */
} pxb_og_layout;

typedef struct pxb_og_options {
  uint32_t struct_size;   /* set by pxb_og_options_init */
  int32_t layout;         /* a pxb_og_layout (default PXB_OG_GRID) */
  const char* const* ids; /* id_count IDs (see layout) */
  size_t id_count;
  const char* seed;     /* grid: picks the bots not given; NULL = "pixabots" */
  const char* title;    /* UTF-8, at most 60 characters shown; NULL = "Pixabots", "" = none */
  const char* subtitle; /* UTF-8, at most 100 characters shown; NULL = none */
  const char* bg;       /* "#rrggbb" canvas; NULL = black */
} pxb_og_options;

PXB_API pxb_status pxb_og_options_init_size(pxb_og_options* options, size_t struct_size);
#define pxb_og_options_init(options) pxb_og_options_init_size((options), sizeof(pxb_og_options))

/* The 1200 x 630 Open Graph card as a PNG, handed over like pxb_render's
   output (NULL options = the defaults). */
PXB_API pxb_status pxb_render_og(const pxb_ctx* ctx, const pxb_og_options* options, uint8_t** out, size_t* out_size);

typedef struct pxb_contact_sheet_options {
  uint32_t struct_size; /* set by pxb_contact_sheet_options_init */
  int32_t size;         /* each bot, 32..512 (default 128) */
  int32_t columns;      /* bots per row, 1..64; 0 = up to 8 */
  int32_t labels;       /* nonzero: each ID under its bot, in grey */
  const char* bg;       /* "#rrggbb" page colour; NULL = transparent */
} pxb_contact_sheet_options;

PXB_API pxb_status pxb_contact_sheet_options_init_size(pxb_contact_sheet_options* options, size_t struct_size);
#define pxb_contact_sheet_options_init(options) \
  pxb_contact_sheet_options_init_size((options), sizeof(pxb_contact_sheet_options))

/* A contact sheet of `count` IDs (1..1024) as a PNG: 16 px margin and gaps,
   bot i at column i % columns, row i / columns; at most 16384 px a side.
   Handed over like pxb_render's output (NULL options = the defaults). */
PXB_API pxb_status pxb_render_contact_sheet(const pxb_ctx* ctx, const char* const* ids, size_t count,
                                            const pxb_contact_sheet_options* options, uint8_t** out, size_t* out_size);

/* The context's catalog as JSON: {"name", "categories": {"eyes": [{"index",
   "digit", "name", "frames", "kind"}, ...], ...}, "combinations"}, UTF-8 plus
   a NUL (not counted), handed over like pxb_render's output. */
PXB_API pxb_status pxb_catalog_json(const pxb_ctx* ctx, uint8_t** out, size_t* out_size);

/* ---- Decoding, to check output or read sprites ---- */

/* Decodes a PNG of any colour type and bit depth to 8-bit RGBA (rows width*4
   bytes, not premultiplied) in a new buffer handed to the caller, released
   with pxb_free(). Images over 8192 x 8192 or 2^24 pixels are refused before
   anything is allocated for them. */
PXB_API pxb_status pxb_decode_png(const uint8_t* data, size_t size, uint8_t** out_rgba, int32_t* out_width,
                                  int32_t* out_height);

/* Remote generation (pxb_remote_*) is a library of its own: pixabots/remote.h,
   libpixabots_remote. */

#ifdef __cplusplus
}
#endif

#endif
