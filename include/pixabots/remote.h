#ifndef PIXABOTS_REMOTE_H
#define PIXABOTS_REMOTE_H
/* libpixabots_remote: remote generation (docs/c-api.md, "Remote generation").
   A library of its own beside the renderer (libpixabots), so a program that
   only draws avatars links no libcurl, no TLS stack and no JSON-Schema code.

   Kinds that need a generative model (text-to-image, image-to-video, ...) go
   to a provider the caller configures: nothing here touches the network
   unless a pxb_remote is created and used.

   Statuses and messages are this library's own: every call that can fail
   returns a pxb_remote_status, and pxb_remote_last_error() (not the
   renderer's pxb_last_error) gives this thread's detail. The API key is never
   part of any message.

   Calls returning JSON hand over a new buffer: *out points to *out_size bytes
   of UTF-8 followed by a NUL (not counted), released with pxb_free() from
   pixabots.h. On failure *out is NULL and *out_size 0. A job is returned as
   {"id", "status": "pending"|"processing"|"completed"|"failed",
    "outputs": [URL, ...], "error": reason or null, "expiresAt": time or null,
    "raw": the provider's own object}.

   Thread safety: one pxb_remote may be used from any number of threads at
   once, and pxb_remote_cancel may be called from any thread. Only
   pxb_remote_free must not race with other calls on the same handle. */

#include <stddef.h>
#include <stdint.h>

#include "pixabots/pixabots.h"

#if defined(PXB_REMOTE_STATIC)
#define PXB_REMOTE_API
#elif defined(_WIN32)
#if defined(PIXABOTS_REMOTE_BUILDING)
#define PXB_REMOTE_API __declspec(dllexport)
#else
#define PXB_REMOTE_API __declspec(dllimport)
#endif
#else
#define PXB_REMOTE_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The values are those these statuses had in pixabots.h's pxb_status before
   remote generation left the renderer, so a number a caller stored or logged
   keeps its meaning. */
typedef enum pxb_remote_status {
  PXB_REMOTE_OK = 0,
  PXB_REMOTE_ERR_INVALID_OPTION = 2,   /* a bad setting: what it is and where it came from */
  PXB_REMOTE_ERR_IO = 4,               /* pxb_remote_fetch: the directory cannot be written */
  PXB_REMOTE_ERR_INVALID_ARGUMENT = 6, /* a NULL pointer, an unknown enum value, input_json not an object */
  PXB_REMOTE_ERR_OUT_OF_MEMORY = 8,
  PXB_REMOTE_ERR_VERSION_MISMATCH = 9,      /* pxb_remote_options from headers of another ABI version */
  PXB_REMOTE_ERR_INTERNAL = 10,             /* a bug: please report it with pxb_remote_last_error() */
  PXB_REMOTE_ERR_UNSUPPORTED = 11,          /* no provider configured, or an operation the provider does not have */
  PXB_REMOTE_ERR_UNAUTHORIZED = 12,         /* 401: missing, invalid or revoked API key */
  PXB_REMOTE_ERR_INSUFFICIENT_CREDITS = 13, /* 402, or the provider's insufficient_credits code */
  PXB_REMOTE_ERR_FORBIDDEN = 14,            /* 403: the plan does not include the model, or not the owner */
  PXB_REMOTE_ERR_NOT_FOUND = 15,            /* 404: no such model, job or task */
  PXB_REMOTE_ERR_EXPIRED = 16,              /* 410: the job's outputs are gone (they are kept 24 h) */
  PXB_REMOTE_ERR_RATE_LIMITED = 17,         /* 429, still limited after the retries allowed */
  PXB_REMOTE_ERR_REMOTE = 18,               /* 5xx after the retries allowed, or a reply reporting an error */
  PXB_REMOTE_ERR_TIMEOUT = 19,              /* no reply within timeout_ms, or a wait past its deadline */
  PXB_REMOTE_ERR_NETWORK = 20,              /* host unreachable, or the connection broke */
  PXB_REMOTE_ERR_MALFORMED_REPLY = 21,      /* not JSON, truncated, the wrong shape, or an asset that is
                                               not an image, video or audio */
  PXB_REMOTE_ERR_TOO_LARGE = 22,            /* a reply or asset over its size cap */
  PXB_REMOTE_ERR_JOB_FAILED = 23,           /* the job finished as failed: the provider's reason is in
                                               pxb_remote_last_error() */
  PXB_REMOTE_ERR_CANCELLED = 24,            /* pxb_remote_cancel stopped the call */
  PXB_REMOTE_ERR_VALIDATION = 25,           /* input breaking the model's schema (or refused by the
                                               provider): one problem per line of pxb_remote_last_error() */
  PXB_REMOTE_ERR_NOT_READY = 26             /* pxb_remote_fetch: the job has not completed yet */
} pxb_remote_status;

/* A fixed English description of a status (static storage; never NULL). */
PXB_REMOTE_API const char* pxb_remote_strerror(int32_t status);
/* The detail of this thread's last failed pxb_remote_* call; "" when none
   failed yet. Owned by the library, valid until this thread's next failed
   pxb_remote_* call. */
PXB_REMOTE_API const char* pxb_remote_last_error(void);

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
PXB_REMOTE_API pxb_remote_status pxb_remote_options_init_version(pxb_remote_options* options, uint32_t version);
#define pxb_remote_options_init(options) pxb_remote_options_init_version((options), PXB_REMOTE_OPTIONS_VERSION)

/* A client for the configured provider (NULL options = the defaults). Makes no
   request. PXB_REMOTE_ERR_UNSUPPORTED when no provider is configured anywhere;
   PXB_REMOTE_ERR_INVALID_OPTION names a bad setting and where it came from. */
PXB_REMOTE_API pxb_remote_status pxb_remote_new(const pxb_remote_options* options, pxb_remote** out);
/* Frees the handle. NULL is fine. */
PXB_REMOTE_API void pxb_remote_free(pxb_remote* remote);
/* Makes every call in progress on the handle fail with PXB_REMOTE_ERR_CANCELLED:
   a wait or a pause between retries wakes at once; an HTTP exchange already
   under way ends first (within timeout_ms). Calls started afterwards run
   normally. Any thread; NULL is fine. */
PXB_REMOTE_API void pxb_remote_cancel(pxb_remote* remote);

/* The provider's models: [{"id", "name", "raw"}, ...]; "id" is what
   pxb_remote_schema and pxb_remote_submit take. */
PXB_REMOTE_API pxb_remote_status pxb_remote_models(pxb_remote* remote, uint8_t** out, size_t* out_size);
/* The JSON Schema of a model's input (fetched, or built from the documented
   request for the images and tasks APIs). */
PXB_REMOTE_API pxb_remote_status pxb_remote_schema(pxb_remote* remote, const char* model, uint8_t** out,
                                                   size_t* out_size);
/* Starts a generation with `input_json` (a JSON object, e.g.
   {"prompt":"a lighthouse"}) and returns the job as submitted. With
   `validate` nonzero the input is first checked against the model's schema
   and nothing is submitted when it breaks it (PXB_REMOTE_ERR_VALIDATION, every
   problem on its own line). A submit is never retried when that could run the
   job twice. The images API answers when the image is ready: its job comes
   back completed. */
PXB_REMOTE_API pxb_remote_status pxb_remote_submit(pxb_remote* remote, const char* model, const char* input_json,
                                                   int32_t validate, uint8_t** out, size_t* out_size);
/* The job as the provider sees it now (one request, retried on 5xx). */
PXB_REMOTE_API pxb_remote_status pxb_remote_poll(pxb_remote* remote, const char* job_id, uint8_t** out,
                                                 size_t* out_size);
/* Polls until the job completes and returns it: PXB_REMOTE_ERR_JOB_FAILED when
   it failed, PXB_REMOTE_ERR_TIMEOUT after `deadline_ms` (0: 10 minutes),
   PXB_REMOTE_ERR_CANCELLED after pxb_remote_cancel. */
PXB_REMOTE_API pxb_remote_status pxb_remote_wait(pxb_remote* remote, const char* job_id, int64_t deadline_ms,
                                                 uint8_t** out, size_t* out_size);
/* Polls the job once, then downloads every output into `dir` (created if
   missing) as <job id>-<n>.<ext>; returns the paths written as a JSON array.
   Each file appears complete or not at all. PXB_REMOTE_ERR_NOT_READY while the
   job is still running, PXB_REMOTE_ERR_JOB_FAILED when it failed,
   PXB_REMOTE_ERR_TOO_LARGE for an output over max_asset_bytes,
   PXB_REMOTE_ERR_IO when `dir` cannot be written. */
PXB_REMOTE_API pxb_remote_status pxb_remote_fetch(pxb_remote* remote, const char* job_id, const char* dir,
                                                  uint8_t** out, size_t* out_size);

#ifdef __cplusplus
}
#endif

#endif
