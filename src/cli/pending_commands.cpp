// Commands still being written: each moves to its own <name>_command.cpp.
#include "cli/commands.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

int pending(const std::vector<std::string_view>&) {
  throw core::Error(core::Errc::invalid_option, "this command is not available yet");
}

}  // namespace


}  // namespace pixabots::cli
