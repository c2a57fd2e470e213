#pragma once
// The help people read on a terminal, made from the command table.
#include <span>
#include <string>

#include "cli/commands.hpp"

namespace pixabots::cli {

// `pixabots --help`: every command with its summary, and the program's options.
std::string usageText(std::span<const Command* const> commands);

// `pixabots NAME --help` and `pixabots help NAME`.
std::string commandHelp(const Command& command);

}  // namespace pixabots::cli
