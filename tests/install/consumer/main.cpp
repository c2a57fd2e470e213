// Renders with the embedded art through the installed headers and library and
// checks the PNG decodes to the rendered pixels.
#include <pixabots/core.hpp>

#include <cstdio>
#include <cstring>

int main() {
  const pixabots::core::Pack& pack = pixabots::core::Pack::embedded();
  const pixabots::core::Combo combo = pixabots::core::decodeId(pack.catalog(), "2156");
  pixabots::core::RenderOptions options;
  options.size = 64;
  const auto png = pixabots::core::renderPng(pack, combo, options);
  const pixabots::core::Image image = pixabots::core::decodePng(png);
  if (!(image == pixabots::core::render(pack, combo, options))) return 1;
  try {
    pixabots::core::decodeId(pack.catalog(), "zzzz");
    return 1;
  } catch (const pixabots::core::Error& e) {
    if (e.code() != pixabots::core::Errc::invalid_id) return 1;
  }
  std::printf("pixabots %s: %zu byte PNG\n", pixabots::core::version(), png.size());
  return std::strcmp(pixabots::core::version(), PIXABOTS_VERSION_STRING) == 0 ? 0 : 1;
}
