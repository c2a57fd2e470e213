#pragma once
#include <string_view>
#include <vector>

namespace pixabots::cli {

// A command takes the arguments after its name and returns the exit status
// (0 ok, 1 failure); errors are thrown (core::Error or pixabots::Error) and
// reported by main, which exits 2 for bad usage. `--help` anywhere in a
// command's arguments prints its help instead of running it.
struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `pixabots --help`
  std::string_view help;     // the full text for `pixabots NAME --help`
  int (*run)(const std::vector<std::string_view>& args);
};

// Every command, in the order `pixabots --help` lists them. Each is defined in
// its own <name>_command.cpp.
extern const Command kRenderCommand;
extern const Command kGenerateCommand;
extern const Command kBatchCommand;
extern const Command kInfoCommand;
extern const Command kPartsCommand;
extern const Command kFramesCommand;
extern const Command kOgCommand;
extern const Command kPrintCommand;
extern const Command kSheetCommand;
extern const Command kGalleryCommand;
extern const Command kValidatePackCommand;
extern const Command kServeCommand;
extern const Command kRemoteCommand;
extern const Command kMcpCommand;

}  // namespace pixabots::cli
