#pragma once
// pxb_options read (any struct_size) and translated into the core's request.
#include "pixabots/core/request.hpp"
#include "pixabots/pixabots.h"

namespace pixabots::capi {

// The request `options` (NULL: the defaults) makes for `id` with `pack`.
// Throws InvalidArgument for NULL or an unknown pxb_format, VersionMismatch
// for a struct_size it cannot read, core::Error for a bad ID.
core::Request requestOf(const core::Pack& pack, const char* id, const pxb_options* options);

}  // namespace pixabots::capi
