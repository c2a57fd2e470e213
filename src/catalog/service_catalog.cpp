#include "pixabots/core/catalog.hpp"

namespace pixabots::core {

// The public service's catalog. Append-only: parts are never removed or
// reordered there, so IDs stay stable; new parts go at the end of a list.
const Catalog& Catalog::service() {
  using K = PartKind;
  static const Catalog catalog({{
      {
          {"big-face", 1, K::still},
          {"cheeky-terminal", 16, K::sequence},
          {"glasses", 2, K::blink},
          {"human", 2, K::blink},
          {"human-2", 2, K::blink},
          {"monitor", 1, K::still},
          {"monitor-round", 1, K::still},
          {"mustache", 1, K::still},
          {"terminal", 2, K::blink},
          {"terminal-green", 2, K::blink},
          {"terminal-light", 1, K::still},
          {"terminal-round", 2, K::blink},
          {"tight-visor", 8, K::sequence},
          {"visor", 8, K::sequence},
          {"wayfarer", 4, K::sequence},
          {"wayfarer-face", 8, K::sequence},
      },
      {
          {"ac", 1, K::still},
          {"blob", 1, K::still},
          {"blob-blue", 1, K::still},
          {"bowl", 1, K::still},
          {"box", 1, K::still},
          {"commodore", 1, K::still},
          {"frame", 1, K::still},
          {"punch-bowl", 1, K::still},
      },
      {
          {"backpack", 1, K::still},
          {"claws", 1, K::still},
          {"heart", 1, K::still},
          {"swag", 1, K::still},
          {"tank", 1, K::still},
          {"wings", 1, K::still},
          {"fire", 1, K::still},
      },
      {
          {"antenna", 1, K::still},
          {"bulb", 1, K::still},
          {"bunny-ears", 1, K::still},
          {"disco", 1, K::still},
          {"leaf", 1, K::still},
          {"lollypop", 1, K::still},
          {"mohawk", 1, K::still},
          {"plant", 1, K::still},
          {"radar", 1, K::still},
          {"bun", 1, K::still},
          {"horns", 1, K::still},
          {"spikes", 1, K::still},
      },
  }});
  return catalog;
}

}  // namespace pixabots::core
