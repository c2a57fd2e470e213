// The pixabots command-line tool. Exit status: 0 ok, 1 failure, 2 bad usage.
#include <algorithm>
#include <array>
#include <iostream>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/request.hpp"
#include "pixabots/pixabots.hpp"

namespace {

using pixabots::cli::Command;

#if defined(PIXABOTS_CLI_REMOTE_HELPER)
// pixabots-remote: the commands `pixabots` execs it for (cli/remote/helper.hpp).
const std::array<const Command*, 3> kCommands = {
    &pixabots::cli::kGenerateCommand,
    &pixabots::cli::kRemoteCommand,
    &pixabots::cli::kMcpCommand,
};
#else
const std::array<const Command*, 14> kCommands = {
    &pixabots::cli::kRenderCommand,  &pixabots::cli::kGenerateCommand,     &pixabots::cli::kBatchCommand,
    &pixabots::cli::kInfoCommand,    &pixabots::cli::kPartsCommand,        &pixabots::cli::kFramesCommand,
    &pixabots::cli::kOgCommand,      &pixabots::cli::kPrintCommand,        &pixabots::cli::kSheetCommand,
    &pixabots::cli::kGalleryCommand, &pixabots::cli::kValidatePackCommand, &pixabots::cli::kServeCommand,
    &pixabots::cli::kRemoteCommand,  &pixabots::cli::kMcpCommand,
};
#endif

void usage(std::ostream& out) {
  out << "usage: pixabots COMMAND [options]   (pixabots COMMAND --help for its options)\n\ncommands:\n";
  for (const Command* c : kCommands) {
    out << "  " << c->name << std::string(16 - std::min<std::size_t>(c->name.size(), 15), ' ') << c->summary << "\n";
  }
  out << "\n  --version       the library's version\n"
         "\nEvery command works offline with the built-in art; --pack DIR uses a sprite pack instead.\n"
         "Only remote, and generate for remote kinds, reach a generation provider, and only when\n"
         "one is configured (docs/remote.md).\n";
}

bool wantsHelp(const std::vector<std::string_view>& args) {
  return std::any_of(args.begin(), args.end(), [](std::string_view a) { return a == "--help" || a == "-h"; });
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    usage(std::cerr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    usage(std::cout);
    return 0;
  }
  if (args[0] == "--version") {
    std::cout << "pixabots " << pxb_version() << "\n";
    return 0;
  }
  const std::string_view name = args[0];
  args.erase(args.begin());
  const auto found =
      std::find_if(kCommands.begin(), kCommands.end(), [&](const Command* c) { return c->name == name; });
  if (found == kCommands.end()) {
    std::cerr << "pixabots: unknown command \"" << name << "\"\n\n";
    usage(std::cerr);
    return 2;
  }
  const Command& command = **found;
  if (wantsHelp(args)) {
    std::cout << command.help;
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
