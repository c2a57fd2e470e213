// `pixabots completion SHELL`: the completion script for bash, zsh or fish.
#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::cli {
namespace {

constexpr Operand kOperands[] = {{.name = "SHELL", .help = "bash, zsh or fish", .choices = "bash zsh fish"}};

struct Shell {
  std::string_view name;
  std::string (*script)(std::span<const Command* const> commands);
};
constexpr Shell kShells[] = {{"bash", bashCompletion}, {"zsh", zshCompletion}, {"fish", fishCompletion}};

int completion(const std::vector<std::string_view>& argv) {
  const Args args(argv, {});
  const auto& words = args.positionals();
  for (const Shell& shell : kShells) {
    if (words.size() == 1 && words[0] == shell.name) {
      std::cout << shell.script(commands());
      return 0;
    }
  }
  throw core::Error(core::Errc::invalid_option, "completion needs one shell: bash, zsh or fish" +
                                                    (words.empty() ? std::string() : ", got \"" + words[0] + "\""));
}

}  // namespace

const Command kCompletionCommand{
    .name = "completion",
    .summary = "the shell completion script for bash, zsh or fish",
    .synopsis = "bash|zsh|fish",
    .description =
        "Prints a script that completes pixabots's commands, their options, and the values\n"
        "declared for them (formats, files, directories) in that shell. Packages install\n"
        "them where each shell finds them by itself.",
    .operands = kOperands,
    .notes =
        "To load one by hand:\n"
        "  bash  source <(pixabots completion bash) in ~/.bashrc, or write it to\n"
        "        ~/.local/share/bash-completion/completions/pixabots\n"
        "  zsh   write it as _pixabots into a directory of $fpath before compinit runs,\n"
        "        or source <(pixabots completion zsh) after compinit\n"
        "  fish  pixabots completion fish > ~/.config/fish/completions/pixabots.fish",
    .examples =
        "source <(pixabots completion bash)\n"
        "pixabots completion zsh > ~/.zfunc/_pixabots",
    .run = completion,
};

}  // namespace pixabots::cli
