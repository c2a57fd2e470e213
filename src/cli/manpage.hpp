#pragma once
// Manual pages in roff (man(7) macros) made from the command table:
// pixabots(1), the overview, and pixabots-NAME(1) for each command.
#include <span>
#include <string>
#include <string_view>

#include "cli/commands.hpp"

namespace pixabots::cli {

// What every page's title line carries besides its name.
struct ManualEdition {
  std::string date;     // YYYY-MM-DD
  std::string version;  // "1.0.0"
};

std::string overviewManPage(std::span<const Command* const> commands, const ManualEdition& edition);
std::string commandManPage(const Command& command, const ManualEdition& edition);

}  // namespace pixabots::cli
