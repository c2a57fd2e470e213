#include "pack/embedded_files.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

const Pack& Pack::embedded() {
  // Decoded on first use rather than at load time, so programs that bring
  // their own pack never pay for it; a function-local static is initialised
  // once even under concurrent first calls (and retried if it threw).
  static const Pack pack = fromFiles(detail::embeddedSpriteFiles(), PackLimits{}, "sprites");
  return pack;
}

}  // namespace pixabots::core
