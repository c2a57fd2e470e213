#include "cli/completion.hpp"

namespace pixabots::cli {

std::string completionWords(Completion complete, std::string_view choices, std::span<const Command* const> commands) {
  if (complete != Completion::command) return std::string(choices);
  std::string names;
  for (const Command* c : commands) names += (names.empty() ? "" : " ") + std::string(c->name);
  return names;
}

}  // namespace pixabots::cli
