// Renders with the embedded art through the installed C++ header and library:
// the PNG decodes to the raw RGBA render, and a bad ID throws.
#include <pixabots/pixabots.hpp>

#include <cstdio>

int main() {
  const pixabots::Context ctx;
  pixabots::Options options;
  options.size = 64;
  const auto png = ctx.render("2156", options);
  options.format = pixabots::Format::rgba;
  const auto rgba = ctx.render("2156", options);
  if (pixabots::decodePng(png).pixels != rgba) return 1;
  try {
    ctx.render("zzzz");
    return 1;
  } catch (const pixabots::Error& e) {
    if (e.status() != PXB_ERR_INVALID_ID) return 1;
  }
  std::printf("C++ consumer: pixabots %s, %zu byte PNG\n", pxb_version(), png.size());
  return pixabots::version() == PIXABOTS_VERSION_STRING ? 0 : 1;
}
