#pragma once
#include <optional>

#include "pixabots/core/pack.hpp"
#include "pixabots/pixabots.h"

// The opaque context: the embedded pack (shared, decoded once) or an owned one.
struct pxb_ctx {
  std::optional<pixabots::core::Pack> owned;
  const pixabots::core::Pack* pack = nullptr;
};

namespace pixabots::capi {

// The context's pack; throws InvalidArgument for a NULL context.
const core::Pack& packOf(const pxb_ctx* ctx);

}  // namespace pixabots::capi
