#pragma once
// Shell completion scripts made from the command table: `pixabots
// completion bash|zsh|fish` prints one, and the build installs all three.
#include <span>
#include <string>
#include <string_view>

#include "cli/commands.hpp"

namespace pixabots::cli {

std::string bashCompletion(std::span<const Command* const> commands);
std::string zshCompletion(std::span<const Command* const> commands);
std::string fishCompletion(std::span<const Command* const> commands);

// What a completion offers for a value or operand of kind `complete`: its
// choices, or for Completion::command every command's name; space-separated.
std::string completionWords(Completion complete, std::string_view choices, std::span<const Command* const> commands);

}  // namespace pixabots::cli
