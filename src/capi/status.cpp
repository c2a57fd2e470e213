// Status text, versions, options defaults and the library's free.
#include <cstdlib>

#include "capi/guard.hpp"
#include "pixabots/core/render.hpp"

extern "C" {

const char* pxb_strerror(int32_t status) {
  switch (status) {
    case PXB_OK: return "success";
    case PXB_ERR_INVALID_ID: return "invalid pixabot ID";
    case PXB_ERR_INVALID_OPTION: return "invalid option";
    case PXB_ERR_INVALID_PACK: return "invalid sprite pack";
    case PXB_ERR_IO: return "file could not be read";
    case PXB_ERR_CODEC: return "image could not be decoded or encoded";
    case PXB_ERR_INVALID_ARGUMENT: return "invalid argument";
    case PXB_ERR_BUFFER_TOO_SMALL: return "buffer too small";
    case PXB_ERR_OUT_OF_MEMORY: return "out of memory";
    case PXB_ERR_VERSION_MISMATCH: return "options from headers of another ABI version";
    case PXB_ERR_INTERNAL: return "internal error";
    case PXB_ERR_UNSUPPORTED: return "not supported: no remote generation, no provider, or no such operation";
    case PXB_ERR_UNAUTHORIZED: return "the provider refused the API key";
    case PXB_ERR_INSUFFICIENT_CREDITS: return "insufficient credits";
    case PXB_ERR_FORBIDDEN: return "forbidden by the provider (plan or ownership)";
    case PXB_ERR_NOT_FOUND: return "no such model, job or task";
    case PXB_ERR_EXPIRED: return "the job's outputs have expired";
    case PXB_ERR_RATE_LIMITED: return "rate limited by the provider";
    case PXB_ERR_REMOTE: return "the provider reported an error";
    case PXB_ERR_TIMEOUT: return "timed out";
    case PXB_ERR_NETWORK: return "network error: the provider is unreachable or the connection broke";
    case PXB_ERR_MALFORMED_REPLY: return "malformed reply from the provider";
    case PXB_ERR_TOO_LARGE: return "reply or output over its size cap";
    case PXB_ERR_JOB_FAILED: return "the job failed";
    case PXB_ERR_CANCELLED: return "cancelled";
    case PXB_ERR_VALIDATION: return "input does not match the model's schema";
    case PXB_ERR_NOT_READY: return "the job has not completed yet";
  }
  return "unknown status";
}

const char* pxb_last_error(void) { return pixabots::capi::lastErrorMessage(); }

void pxb_free(void* buffer) { std::free(buffer); }

const char* pxb_version(void) { return PIXABOTS_VERSION_STRING; }

uint32_t pxb_version_number(void) { return PIXABOTS_VERSION_NUMBER; }

pxb_status pxb_options_init_version(pxb_options* options, uint32_t version) {
  using namespace pixabots;
  return capi::guarded([&] {
    if (version != PXB_OPTIONS_VERSION) {
      return capi::fail(PXB_ERR_VERSION_MISMATCH,
                        "pxb_options version " + std::to_string(version) + " does not match the library's " +
                            std::to_string(PXB_OPTIONS_VERSION) + ": rebuild against the library's headers");
    }
    capi::require(options, "options");
    *options = pxb_options{};
    options->version = PXB_OPTIONS_VERSION;
    options->size = core::kDefaultSize;
    options->saturate = 1;
    options->speed = 1;
    options->format = PXB_FORMAT_PNG;
    options->tick = PXB_TICK_STILL;
    return PXB_OK;
  });
}

}  // extern "C"
