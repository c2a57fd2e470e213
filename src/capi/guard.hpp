#pragma once
// Every C entry point runs its body through guarded(): C++ exceptions become a
// status plus this thread's detail message, so nothing ever crosses the ABI.
#include <string>

#include "pixabots/pixabots.h"

namespace pixabots::capi {

// Records `detail` as this thread's last error and returns `status`.
pxb_status fail(pxb_status status, std::string detail);

// This thread's last fail() detail, "" before any.
const char* lastErrorMessage();

// Maps the exception in flight (call only inside a catch block) to a status.
pxb_status failFromCurrentException() noexcept;

template <class Body>
pxb_status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return failFromCurrentException();
  }
}

// Thrown inside guarded() for a NULL pointer or an unknown enum value:
// becomes PXB_ERR_INVALID_ARGUMENT with this message.
struct InvalidArgument {
  std::string message;
};
// Thrown inside guarded() for an options struct_size the library cannot read:
// becomes PXB_ERR_VERSION_MISMATCH with this message.
struct VersionMismatch {
  std::string message;
};

inline void require(const void* p, const char* what) {
  if (p == nullptr) throw InvalidArgument{std::string(what) + " must not be NULL"};
}

}  // namespace pixabots::capi
