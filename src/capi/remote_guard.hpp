#pragma once
// libpixabots_remote's side of the C ABI: every pxb_remote_* entry point runs
// its body through guarded(), which turns any exception into a
// pxb_remote_status plus this thread's pxb_remote_last_error() detail. The
// remote library keeps its own message rather than the renderer's
// pxb_last_error(): libpixabots exports no call to set that, and a status of
// one enum beside a message of the other library would not match.
#include <string>

#include "capi/guard.hpp"  // InvalidArgument and require(), shared with the renderer's entry points
#include "pixabots/remote.h"

namespace pixabots::remote_capi {

using capi::InvalidArgument;
using capi::require;

// Records `detail` as this thread's last remote error and returns `status`.
pxb_remote_status fail(pxb_remote_status status, std::string detail);

// This thread's last fail() detail, "" before any.
const char* lastErrorMessage();

// Maps the exception in flight (call only inside a catch block) to a status;
// a remote::Error goes through the caller's own mapping first (remote.cpp).
pxb_remote_status failFromCurrentException() noexcept;

template <class Body>
pxb_remote_status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return failFromCurrentException();
  }
}

}  // namespace pixabots::remote_capi
