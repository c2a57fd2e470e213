#pragma once
// The sprite pack a command draws with: --pack DIR, else the built-in art.
#include <optional>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::cli {

inline constexpr Option kPackOption{.name = "--pack",
                                    .value = "DIR",
                                    .help = "a sprite pack directory instead of the built-in art",
                                    .complete = Completion::directory};

class PackOption {
 public:
  explicit PackOption(const Args& args) {
    if (auto dir = args.value("--pack")) loaded_ = core::Pack::fromDirectory(*dir);
  }
  const core::Pack& pack() const { return loaded_ ? *loaded_ : core::Pack::embedded(); }

 private:
  std::optional<core::Pack> loaded_;  // the built-in art is shared, not copied
};

}  // namespace pixabots::cli
