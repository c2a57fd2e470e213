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

}  // namespace

const char* lastErrorMessage() { return lastError.c_str(); }

pxb_status fail(pxb_status status, std::string detail) {
  lastError = std::move(detail);
  return status;
}

pxb_status failFromCurrentException() noexcept {
  // Assigning the message may itself run out of memory: then keep the status.
  try {
    throw;
  } catch (const core::Error& e) {
    try { return fail(statusOf(e.code()), e.what()); } catch (...) { return statusOf(e.code()); }
  } catch (const InvalidArgument& e) {
    try { return fail(PXB_ERR_INVALID_ARGUMENT, e.message); } catch (...) { return PXB_ERR_INVALID_ARGUMENT; }
  } catch (const std::bad_alloc&) {
    try { return fail(PXB_ERR_OUT_OF_MEMORY, "out of memory"); } catch (...) { return PXB_ERR_OUT_OF_MEMORY; }
  } catch (const std::exception& e) {
    try { return fail(PXB_ERR_INTERNAL, std::string("internal error: ") + e.what()); } catch (...) {}
    return PXB_ERR_INTERNAL;
  } catch (...) {
    try { return fail(PXB_ERR_INTERNAL, "internal error: unknown exception"); } catch (...) {}
    return PXB_ERR_INTERNAL;
  }
}

}  // namespace pixabots::capi
