#pragma once
#include <optional>

#include "pixabots/core/pack.hpp"
#include "pixabots/pixabots.h"

// The opaque context: an owned pack, or none for the embedded one (shared,
// decoded once).
struct pxb_ctx {
  std::optional<pixabots::core::Pack> owned;
};

namespace pixabots::capi {

// The context's pack; throws InvalidArgument for a NULL context.
const core::Pack& packOf(const pxb_ctx* ctx);

}  // namespace pixabots::capi
