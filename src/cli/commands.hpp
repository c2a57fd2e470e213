#pragma once
// The command table: each command declares its operands and options once,
// here as data, and the parser (Args), the help text, the man pages and the
// shell completions are all made from that one declaration.
#include <array>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace pixabots::cli {

// What a shell completion offers for an option's value or an operand.
enum class Completion {
  none,       // free text (an ID, a number, a URL)
  file,       // a path
  directory,  // a directory
  command,    // the name of a pixabots command
};

struct Option {
  std::string_view name = {};   // "--output"
  std::string_view alias = {};  // "-o"; empty when none
  std::string_view value = {};  // what it takes, "FILE"; empty for a flag
  std::string_view help = {};   // what it does: one sentence, wrapped where it is shown
  Completion complete = Completion::none;
  std::string_view choices = {};  // the accepted values, space-separated, for completion
  std::string_view group = {};    // a heading this option starts ("input (exactly one)")
};

// A positional argument, as its usage names it ("ID", "DIR", "ID...").
struct Operand {
  std::string_view name = {};
  std::string_view help = {};
  Completion complete = Completion::none;
  std::string_view choices = {};
};

// `pixabots remote SUBCOMMAND`: each takes the command's options and its own.
struct Subcommand {
  std::string_view name = {};
  std::string_view operand = {};  // "MODEL"; empty when it takes none
  std::string_view summary = {};
  std::span<const Option> options = {};
};

// A command takes the arguments after its name and returns the exit status
// (0 ok, 1 failure); errors are thrown (core::Error or pixabots::Error) and
// reported by main, which exits 2 for bad usage. `--help` anywhere in a
// command's arguments prints its help instead of running it.
//
// The prose fields are plain text as `pixabots NAME --help` prints it, lines
// of at most 80 columns: runs of indented lines are shown as written (lists,
// tables), the others are paragraphs (separated by blank lines) that man
// pages fill.
struct Command {
  std::string_view name = {};
  std::string_view summary = {};      // one line for `pixabots --help` and the man page's NAME
  std::string_view synopsis = {};     // usage lines after "pixabots NAME ", one per line
  std::string_view description = {};  // prose before the options
  std::span<const Operand> operands = {};
  std::span<const Option> options = {};
  std::span<const Subcommand> subcommands = {};
  std::string_view notes = {};     // prose after the options: behaviour, exit status
  std::string_view examples = {};  // command lines, one per line ("# ..." comments allowed)
  int (*run)(const std::vector<std::string_view>& args) = nullptr;
};

// One option list of two, for commands that take shared options (the remote
// provider's) besides their own.
template <std::size_t N, std::size_t M>
constexpr std::array<Option, N + M> joinOptions(const std::array<Option, N>& first,
                                                const std::array<Option, M>& second) {
  std::array<Option, N + M> all;
  for (std::size_t i = 0; i < N; ++i) all[i] = first[i];
  for (std::size_t i = 0; i < M; ++i) all[N + i] = second[i];
  return all;
}

// Every command of this program, in the order `pixabots --help` lists them
// (defined in main.cpp).
std::span<const Command* const> commands();
// The command called `name`; throws core::Error(invalid_option) naming every
// command when there is none.
const Command& commandNamed(std::string_view name);

// Each is defined in its own <name>_command.cpp.
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
extern const Command kHelpCommand;
extern const Command kCompletionCommand;
extern const Command kManpageCommand;

}  // namespace pixabots::cli
