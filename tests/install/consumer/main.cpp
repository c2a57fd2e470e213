// Renders with the embedded art through the installed headers and library and
// checks the PNG decodes to the rendered pixels.
#include <pixabots/pixabots.hpp>

#include <cstdio>
#include <cstring>

int main() {
  const pixabots::Pack& pack = pixabots::Pack::embedded();
  const pixabots::Combo combo = pixabots::decodeId(pack.catalog(), "2156");
  pixabots::RenderOptions options;
  options.size = 64;
  const auto png = pixabots::renderPng(pack, combo, options);
  const pixabots::Image image = pixabots::decodePng(png);
  if (!(image == pixabots::render(pack, combo, options))) return 1;
  try {
    pixabots::decodeId(pack.catalog(), "zzzz");
    return 1;
  } catch (const pixabots::Error& e) {
    if (e.code() != pixabots::Errc::invalid_id) return 1;
  }
  std::printf("pixabots %s: %zu byte PNG\n", pixabots::version(), png.size());
  return std::strcmp(pixabots::version(), PIXABOTS_VERSION_STRING) == 0 ? 0 : 1;
}
