#include "capi/guard.hpp"

#include <exception>
#include <new>

#include "pixabots/core/error.hpp"

namespace pixabots::capi {
namespace {

thread_local std::string lastError;

pxb_status statusOf(core::Errc code) {
  switch (code) {
    case core::Errc::invalid_id: return PXB_ERR_INVALID_ID;
    case core::Errc::invalid_option: return PXB_ERR_INVALID_OPTION;
    case core::Errc::invalid_pack: return PXB_ERR_INVALID_PACK;
    case core::Errc::io: return PXB_ERR_IO;
    case core::Errc::codec: return PXB_ERR_CODEC;
  }
  return PXB_ERR_INTERNAL;
}

// Keeping the message may itself run out of memory: then the detail is empty
// rather than a stale one from an earlier failure.
pxb_status record(pxb_status status, const char* prefix, const char* what) noexcept {
  try {
    lastError.assign(prefix).append(what);
  } catch (...) {
    lastError.clear();
  }
  return status;
}

}  // namespace

const char* lastErrorMessage() { return lastError.c_str(); }

pxb_status fail(pxb_status status, std::string detail) {
  lastError = std::move(detail);
  return status;
}

pxb_status failFromCurrentException() noexcept {
  try {
    throw;
  } catch (const core::Error& e) {
    return record(statusOf(e.code()), "", e.what());
  } catch (const InvalidArgument& e) {
    return record(PXB_ERR_INVALID_ARGUMENT, "", e.message.c_str());
  } catch (const VersionMismatch& e) {
    return record(PXB_ERR_VERSION_MISMATCH, "", e.message.c_str());
  } catch (const std::bad_alloc&) {
    return record(PXB_ERR_OUT_OF_MEMORY, "", "out of memory");
  } catch (const std::exception& e) {
    return record(PXB_ERR_INTERNAL, "internal error: ", e.what());
  } catch (...) {
    return record(PXB_ERR_INTERNAL, "internal error: ", "unknown exception");
  }
}

}  // namespace pixabots::capi
