// pxb_remote_strerror, pxb_remote_last_error and the guard behind every
// pxb_remote_* call.
#include "capi/remote_guard.hpp"

namespace pixabots::remote_capi {
namespace {

thread_local std::string lastError;

}  // namespace

const char* lastErrorMessage() { return lastError.c_str(); }

pxb_remote_status fail(pxb_remote_status status, std::string detail) {
  lastError = std::move(detail);
  return status;
}

// The renderer's mapping of the exception (which also keeps the renderer's
// message: a private copy inside the shared library), then its message as this
// library's. remote::Error never gets here (remote.cpp maps it), so only these
// statuses can come back.
pxb_remote_status failFromCurrentException() noexcept {
  const pxb_status status = capi::failFromCurrentException();
  try {
    lastError = capi::lastErrorMessage();
  } catch (...) {
    lastError.clear();  // out of memory: an empty detail rather than a stale one
  }
  switch (status) {
    case PXB_ERR_INVALID_ARGUMENT: return PXB_REMOTE_ERR_INVALID_ARGUMENT;
    case PXB_ERR_INVALID_OPTION: return PXB_REMOTE_ERR_INVALID_OPTION;
    case PXB_ERR_IO: return PXB_REMOTE_ERR_IO;
    case PXB_ERR_OUT_OF_MEMORY: return PXB_REMOTE_ERR_OUT_OF_MEMORY;
    case PXB_ERR_VERSION_MISMATCH: return PXB_REMOTE_ERR_VERSION_MISMATCH;
    default: return PXB_REMOTE_ERR_INTERNAL;
  }
}

}  // namespace pixabots::remote_capi

extern "C" {

const char* pxb_remote_strerror(int32_t status) {
  switch (status) {
    case PXB_REMOTE_OK: return "success";
    case PXB_REMOTE_ERR_INVALID_OPTION: return "invalid remote setting";
    case PXB_REMOTE_ERR_IO: return "file could not be written";
    case PXB_REMOTE_ERR_INVALID_ARGUMENT: return "invalid argument";
    case PXB_REMOTE_ERR_OUT_OF_MEMORY: return "out of memory";
    case PXB_REMOTE_ERR_VERSION_MISMATCH: return "options from headers of another ABI version";
    case PXB_REMOTE_ERR_INTERNAL: return "internal error";
    case PXB_REMOTE_ERR_UNSUPPORTED: return "not supported: no provider, or no such operation";
    case PXB_REMOTE_ERR_UNAUTHORIZED: return "the provider refused the API key";
    case PXB_REMOTE_ERR_INSUFFICIENT_CREDITS: return "insufficient credits";
    case PXB_REMOTE_ERR_FORBIDDEN: return "forbidden by the provider (plan or ownership)";
    case PXB_REMOTE_ERR_NOT_FOUND: return "no such model, job or task";
    case PXB_REMOTE_ERR_EXPIRED: return "the job's outputs have expired";
    case PXB_REMOTE_ERR_RATE_LIMITED: return "rate limited by the provider";
    case PXB_REMOTE_ERR_REMOTE: return "the provider reported an error";
    case PXB_REMOTE_ERR_TIMEOUT: return "timed out";
    case PXB_REMOTE_ERR_NETWORK: return "network error: the provider is unreachable or the connection broke";
    case PXB_REMOTE_ERR_MALFORMED_REPLY: return "malformed reply from the provider";
    case PXB_REMOTE_ERR_TOO_LARGE: return "reply or output over its size cap";
    case PXB_REMOTE_ERR_JOB_FAILED: return "the job failed";
    case PXB_REMOTE_ERR_CANCELLED: return "cancelled";
    case PXB_REMOTE_ERR_VALIDATION: return "input does not match the model's schema";
    case PXB_REMOTE_ERR_NOT_READY: return "the job has not completed yet";
  }
  return "unknown status";
}

const char* pxb_remote_last_error(void) { return pixabots::remote_capi::lastErrorMessage(); }

}  // extern "C"
