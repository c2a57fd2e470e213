// Commands still being written: each moves to its own <name>_command.cpp.
#include "cli/commands.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

int pending(const std::vector<std::string_view>&) {
  throw core::Error(core::Errc::invalid_option, "this command is not available yet");
}

}  // namespace

const Command kBatchCommand{"batch", "many avatars to a directory, on all cores", "", pending};
const Command kInfoCommand{"info", "an ID's parts, combo index and neighbours", "", pending};
const Command kPartsCommand{"parts", "the catalog: every part of every category", "", pending};
const Command kFramesCommand{"frames", "an ID's animation timeline", "", pending};
const Command kValidatePackCommand{"validate-pack", "every problem in a sprite pack", "", pending};

}  // namespace pixabots::cli
