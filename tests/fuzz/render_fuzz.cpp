// Every renderer on arbitrary IDs and options: bad values must be refused
// with pixabots::core::Error, good ones must render, and the PNG must decode back to
// the pixels of render().
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "fuzz_input.hpp"
#include "pixabots/core.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pixabots::core;
  FuzzInput in{data, size};
  const Pack& pack = Pack::embedded();
  std::string id(4, '0');
  for (char& ch : id) ch = in.take<char>();
  RenderOptions options;
  // Mostly small sizes, so each input stays fast; out-of-range ones are tested too.
  options.size = 20 + in.take<std::uint8_t>();
  options.hue = in.take<std::int16_t>() / 7.0;
  options.saturate = in.take<std::uint8_t>() / 50.0;
  options.speed = in.take<std::uint8_t>() / 40.0;
  if (in.take<std::uint8_t>() & 1)
    options.bg = Rgb{in.take<std::uint8_t>(), in.take<std::uint8_t>(), in.take<std::uint8_t>()};
  const std::uint8_t format = in.take<std::uint8_t>();
  try {
    const Combo combo = decodeId(pack.catalog(), id);
    switch (format % 8) {
      case 0:
        if (!(decodePng(renderPng(pack, combo, options)) == render(pack, combo, options))) std::abort();
        break;
      case 1: renderGif(pack, combo, options); break;
      case 2: renderWebp(pack, combo, options); break;
      case 3: renderApng(pack, combo, options); break;
      case 4: renderSvg(pack, combo, options, SvgOptions{(format & 8) != 0}); break;
      case 5: renderSpriteSheet(pack, combo, options); break;
      case 6: framesJson(pack, combo); break;
      default: renderTicks(pack, combo, options); break;
    }
  } catch (const Error&) {
  }
  return 0;
}
