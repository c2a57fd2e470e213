#pragma once
#include <cstdint>
#include <vector>

#include "pixabots/core/id.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/pixabots.h"

namespace pixabots::capi {

// What pxb_render produces, for a pack held outside a context (the remote
// Generator's local kinds): `options` checked and every format encoded the
// same way. Throws core::Error naming a bad option, InvalidArgument for an
// unknown format.
std::vector<std::uint8_t> renderBytes(const core::Pack& pack, const core::Combo& combo, const pxb_options& options);

}  // namespace pixabots::capi
