#pragma once
#include "pixabots/core/catalog.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/pixabots.h"

namespace pixabots::capi {

// The combo an ID names; throws InvalidArgument for NULL, Error(invalid_id) for a bad ID.
core::Combo comboOf(const core::Catalog& catalog, const char* id);

}  // namespace pixabots::capi
