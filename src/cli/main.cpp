// The pixabots command-line tool. Exit status: 0 ok, 1 failure, 2 bad usage.
#include <algorithm>
#include <array>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/help_text.hpp"
#include "cli/overview.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli {
namespace {

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
// pixabots-remote: the commands `pixabots` execs it for (cli/remote/helper.hpp).
const std::array<const Command*, 3> kCommands = {&kGenerateCommand, &kRemoteCommand, &kMcpCommand};
#else
const std::array<const Command*, 17> kCommands = {
    &kRenderCommand, &kGenerateCommand, &kBatchCommand, &kInfoCommand,       &kPartsCommand,        &kFramesCommand,
    &kOgCommand,     &kPrintCommand,    &kSheetCommand, &kGalleryCommand,    &kValidatePackCommand, &kServeCommand,
    &kRemoteCommand, &kMcpCommand,      &kHelpCommand,  &kCompletionCommand, &kManpageCommand,
};
#endif

}  // namespace

std::span<const Command* const> commands() { return kCommands; }

const Command& commandNamed(std::string_view name) {
  std::string names;
  for (const Command* c : kCommands) {
    if (c->name == name) return *c;
    names += (names.empty() ? "" : ", ") + std::string(c->name);
  }
  throw core::Error(core::Errc::invalid_option,
                    "unknown command \"" + std::string(name) + "\": the commands are " + names);
}

}  // namespace pixabots::cli

namespace {

using pixabots::cli::Command;

bool wantsHelp(const std::vector<std::string_view>& args) {
  return std::any_of(args.begin(), args.end(), [](std::string_view a) {
    return a == pixabots::cli::kHelpOption.name || a == pixabots::cli::kHelpOption.alias;
  });
}

}  // namespace

int main(int argc, char** argv) {
  const auto commands = pixabots::cli::commands();
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << pixabots::cli::usageText(commands);
    return 2;
  }
  if (args[0] == pixabots::cli::kHelpOption.name || args[0] == pixabots::cli::kHelpOption.alias) {
    std::cout << pixabots::cli::usageText(commands);
    return 0;
  }
  if (args[0] == pixabots::cli::kVersionOption.name) {
    std::cout << "pixabots " << pxb_version() << "\n";
    return 0;
  }
  const std::string_view name = args[0];
  args.erase(args.begin());
  const auto found = std::find_if(commands.begin(), commands.end(), [&](const Command* c) { return c->name == name; });
  if (found == commands.end()) {
    std::cerr << "pixabots: unknown command \"" << name << "\"\n\n" << pixabots::cli::usageText(commands);
    return 2;
  }
  const Command& command = **found;
  if (wantsHelp(args)) {
    std::cout << pixabots::cli::commandHelp(command);
    return 0;
  }
  try {
    return command.run(args);
  } catch (const pixabots::core::Error& e) {
    std::cerr << "pixabots " << name << ": " << e.what() << "\n";
    return pixabots::core::isBadInput(e) ? 2 : 1;
  } catch (const pixabots::Error& e) {
    std::cerr << "pixabots " << name << ": " << e.what() << "\n";
    const pxb_status s = e.status();
    return s == PXB_ERR_INVALID_ID || s == PXB_ERR_INVALID_OPTION || s == PXB_ERR_INVALID_ARGUMENT ? 2 : 1;
  } catch (const std::exception& e) {
    std::cerr << "pixabots " << name << ": " << e.what() << "\n";
    return 1;
  }
}
