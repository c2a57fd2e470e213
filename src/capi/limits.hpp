#pragma once
// pxb_limits read (any struct_size) and translated into the core's limits.
#include "pixabots/core/pack.hpp"
#include "pixabots/core/png.hpp"
#include "pixabots/pixabots.h"

namespace pixabots::capi {

struct Limits {
  core::PngLimits png;
  core::PackLimits pack;
};

// The caller's limits (NULL: the defaults), 0 fields as the defaults. Throws
// VersionMismatch for a struct_size it cannot read, core::Error
// (invalid_option) naming a field set above its ceiling.
Limits limitsOf(const pxb_limits* limits);

}  // namespace pixabots::capi
