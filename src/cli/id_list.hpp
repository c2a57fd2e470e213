#pragma once
// Lists of IDs on the command line and in files: "a,b,c", one per line, or both.
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/id.hpp"

namespace pixabots::cli {

// The IDs in `text`, separated by commas and/or whitespace; empty items are skipped.
std::vector<std::string> splitIds(std::string_view text);
// Each ID decoded; throws Error(invalid_id) for the first bad one.
std::vector<core::Combo> decodeIds(const core::Catalog& catalog, const std::vector<std::string>& ids);

}  // namespace pixabots::cli
