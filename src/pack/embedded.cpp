#include <string>
#include <utility>
#include <vector>

#include "pack/embedded_art.hpp"
#include "pixabots/core/pack.hpp"

namespace pixabots::core {

const Pack& Pack::embedded() {
  // Built on first use, so programs that bring their own pack never pay for
  // it (a few microseconds: the catalog's strings and one borrowed sheet a
  // part, and the compact form's one expansion); a function-local static is
  // initialised once even under concurrent first calls.
  static const Pack pack = [] {
    const detail::EmbeddedArt& art = detail::embeddedArt();
    std::array<std::vector<Part>, 4> parts;
    std::array<std::vector<SpriteSheet>, 4> sheets;
    for (Category c : kEncodingOrder) {
      const auto i = static_cast<std::size_t>(c);
      for (const detail::EmbeddedPart& part : art.parts[i]) {
        parts[i].push_back({std::string(part.name), part.frames, part.kind});
        sheets[i].emplace_back(part.frames,
                               std::span(part.pixels, static_cast<std::size_t>(part.frames) * kFrameBytes));
      }
    }
    return Pack(std::string(art.name), Catalog(std::move(parts)), std::move(sheets));
  }();
  return pack;
}

}  // namespace pixabots::core
