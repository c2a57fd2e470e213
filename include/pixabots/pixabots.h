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
  PXB_ERR_VERSION_MISMATCH = 9, /* pxb_options from headers of another ABI version */
  PXB_ERR_INTERNAL = 10,        /* a bug: please report it with pxb_last_error() */
  /* Remote generation (pxb_remote_*): */
  PXB_ERR_UNSUPPORTED = 11,          /* built without remote generation, no provider configured,
                                        or an operation the provider does not have */
  PXB_ERR_UNAUTHORIZED = 12,         /* 401: missing, invalid or revoked API key */
  PXB_ERR_INSUFFICIENT_CREDITS = 13, /* 402, or the provider's insufficient_credits code */
  PXB_ERR_FORBIDDEN = 14,            /* 403: the plan does not include the model, or not the owner */
  PXB_ERR_NOT_FOUND = 15,            /* 404: no such model, job or task */
  PXB_ERR_EXPIRED = 16,              /* 410: the job's outputs are gone (they are kept 24 h) */
  PXB_ERR_RATE_LIMITED = 17,         /* 429, still limited after the retries allowed */
  PXB_ERR_REMOTE = 18,               /* 5xx after the retries allowed, or a reply reporting an error */
  PXB_ERR_TIMEOUT = 19,              /* no reply within timeout_ms, or a wait past its deadline */
  PXB_ERR_NETWORK = 20,              /* host unreachable, or the connection broke */
  PXB_ERR_MALFORMED_REPLY = 21,      /* not JSON, truncated, the wrong shape, or an asset that is
                                        not an image, video or audio */
  PXB_ERR_TOO_LARGE = 22,            /* a reply or asset over its size cap */
  PXB_ERR_JOB_FAILED = 23,           /* the job finished as failed: the provider's reason is in
                                        pxb_last_error() */
  PXB_ERR_CANCELLED = 24,            /* pxb_remote_cancel stopped the call */
  PXB_ERR_VALIDATION = 25,           /* input breaking the model's schema (or refused by the
                                        provider): one problem per line of pxb_last_error() */
  PXB_ERR_NOT_READY = 26             /* pxb_remote_fetch: the job has not completed yet */
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

/* The layout of pxb_options; bumped whenever it changes. */
#define PXB_OPTIONS_VERSION 1

typedef struct pxb_options {
  uint32_t version;        /* set by pxb_options_init; checked by every call */
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

/* Fills *options with the defaults. Use the pxb_options_init macro, which
   passes the ABI version these headers were built with. */
PXB_API pxb_status pxb_options_init_version(pxb_options* options, uint32_t version);
#define pxb_options_init(options) pxb_options_init_version((options), PXB_OPTIONS_VERSION)

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
   pxb_remote_*). NULL is fine. */
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

/* ---- Decoding, to check output or read sprites ---- */

/* Decodes a PNG of any colour type and bit depth to 8-bit RGBA (rows width*4
   bytes, not premultiplied) in a new buffer handed to the caller, released
   with pxb_free(). Images over 8192 x 8192 or 2^24 pixels are refused before
   anything is allocated for them. */
PXB_API pxb_status pxb_decode_png(const uint8_t* data, size_t size, uint8_t** out_rgba, int32_t* out_width,
                                  int32_t* out_height);

/* ---- Remote generation (docs/c-api.md, "Remote generation") ----

   Kinds that need a generative model (text-to-image, image-to-video, ...) go
   to a provider the caller configures: nothing here touches the network
   unless a pxb_remote is created and used. In a library built without remote
   generation every pxb_remote_* call but pxb_remote_options_init fails with
   PXB_ERR_UNSUPPORTED (pxb_remote_free and pxb_remote_cancel do nothing).

   The API key is never part of any message, including pxb_last_error().

   Calls returning JSON hand over a new buffer: *out points to *out_size bytes
   of UTF-8 followed by a NUL (not counted), released with pxb_free(). On
   failure *out is NULL and *out_size 0. A job is returned as
   {"id", "status": "pending"|"processing"|"completed"|"failed",
    "outputs": [URL, ...], "error": reason or null, "expiresAt": time or null,
    "raw": the provider's own object}.

   Thread safety: one pxb_remote may be used from any number of threads at
   once, and pxb_remote_cancel may be called from any thread. Only
   pxb_remote_free must not race with other calls on the same handle. */

typedef struct pxb_remote pxb_remote;

/* The three API shapes of remote providers: values of pxb_remote_options.provider. */
typedef enum pxb_provider {
  PXB_PROVIDER_FROM_CONFIG = -1, /* PIXABOTS_PROVIDER, else the config file's "provider" */
  PXB_PROVIDER_JOBS = 0,         /* async jobs: models, schema, run, jobs */
  PXB_PROVIDER_IMAGES = 1,       /* synchronous images: generate answers when the image is ready */
  PXB_PROVIDER_TASKS = 2         /* tasks: generate, then poll the task */
} pxb_provider;

/* The layout of pxb_remote_options; bumped whenever it changes. */
#define PXB_REMOTE_OPTIONS_VERSION 1

/* Every setting left at its default comes from the environment
   (PIXABOTS_PROVIDER, PIXABOTS_BASE_URL, PIXABOTS_API_KEY,
   PIXABOTS_TIMEOUT_MS), then the JSON config file; a field that is set wins. */
typedef struct pxb_remote_options {
  uint32_t version;          /* set by pxb_remote_options_init; checked by pxb_remote_new */
  int32_t provider;          /* a pxb_provider (default PXB_PROVIDER_FROM_CONFIG) */
  const char* base_url;      /* NULL: configured, else the provider's public URL */
  const char* api_key;       /* NULL: PIXABOTS_API_KEY or the config file */
  const char* config_file;   /* NULL: PIXABOTS_CONFIG, else ~/.config/pixabots/remote.json */
  int32_t timeout_ms;        /* per request; 0: configured, else 120000 */
  int32_t max_retries;       /* retries of a failed GET or poll, 0..100; -1: 3 */
  int64_t max_asset_bytes;   /* cap of a downloaded output; 0: 512 MiB */
  const char* task_provider; /* tasks API: the upstream "provider" when the input names none */
  int32_t poll_interval_ms;  /* pxb_remote_wait's first pause between polls, growing 1.5x up
                                to 15 s (a server's Retry-After wins); 0: 1000 */
} pxb_remote_options;

/* Fills *options with the defaults. Use the pxb_remote_options_init macro. */
PXB_API pxb_status pxb_remote_options_init_version(pxb_remote_options* options, uint32_t version);
#define pxb_remote_options_init(options) pxb_remote_options_init_version((options), PXB_REMOTE_OPTIONS_VERSION)

/* A client for the configured provider (NULL options = the defaults). Makes no
   request. PXB_ERR_UNSUPPORTED when no provider is configured anywhere;
   PXB_ERR_INVALID_OPTION names a bad setting and where it came from. */
PXB_API pxb_status pxb_remote_new(const pxb_remote_options* options, pxb_remote** out);
/* Frees the handle. NULL is fine. */
PXB_API void pxb_remote_free(pxb_remote* remote);
/* Makes every call in progress on the handle fail with PXB_ERR_CANCELLED: a
   wait or a pause between retries wakes at once; an HTTP exchange already
   under way ends first (within timeout_ms). Calls started afterwards run
   normally. Any thread; NULL is fine. */
PXB_API void pxb_remote_cancel(pxb_remote* remote);

/* The provider's models: [{"id", "name", "raw"}, ...]; "id" is what
   pxb_remote_schema and pxb_remote_submit take. */
PXB_API pxb_status pxb_remote_models(pxb_remote* remote, uint8_t** out, size_t* out_size);
/* The JSON Schema of a model's input (fetched, or built from the documented
   request for the images and tasks APIs). */
PXB_API pxb_status pxb_remote_schema(pxb_remote* remote, const char* model, uint8_t** out, size_t* out_size);
/* Starts a generation with `input_json` (a JSON object, e.g.
   {"prompt":"a lighthouse"}) and returns the job as submitted. With
   `validate` nonzero the input is first checked against the model's schema
   and nothing is submitted when it breaks it (PXB_ERR_VALIDATION, every
   problem on its own line). A submit is never retried when that could run the
   job twice. The images API answers when the image is ready: its job comes
   back completed. */
PXB_API pxb_status pxb_remote_submit(pxb_remote* remote, const char* model, const char* input_json, int32_t validate,
                                     uint8_t** out, size_t* out_size);
/* The job as the provider sees it now (one request, retried on 5xx). */
PXB_API pxb_status pxb_remote_poll(pxb_remote* remote, const char* job_id, uint8_t** out, size_t* out_size);
/* Polls until the job completes and returns it: PXB_ERR_JOB_FAILED when it
   failed, PXB_ERR_TIMEOUT after `deadline_ms` (0: 10 minutes),
   PXB_ERR_CANCELLED after pxb_remote_cancel. */
PXB_API pxb_status pxb_remote_wait(pxb_remote* remote, const char* job_id, int64_t deadline_ms, uint8_t** out,
                                   size_t* out_size);
/* Polls the job once, then downloads every output into `dir` (created if
   missing) as <job id>-<n>.<ext>; returns the paths written as a JSON array.
   Each file appears complete or not at all. PXB_ERR_NOT_READY while the job
   is still running, PXB_ERR_JOB_FAILED when it failed, PXB_ERR_TOO_LARGE for
   an output over max_asset_bytes, PXB_ERR_IO when `dir` cannot be written. */
PXB_API pxb_status pxb_remote_fetch(pxb_remote* remote, const char* job_id, const char* dir, uint8_t** out,
                                    size_t* out_size);

#ifdef __cplusplus
}
#endif

#endif
