#include <cmath>
#include <cstdio>
#include <string>

#include "pixabots/core/error.hpp"
#include "pixabots/core/render.hpp"

namespace pixabots::core {
namespace {

// What `std::ostream << v` prints (%g), without iostreams: the locale
// machinery they pull in is a fifth of the WebAssembly module.
std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

}  // namespace

void validate(const RenderOptions& options) {
  if (options.size < kMinSize || options.size > kMaxSize) {
    throw Error(Errc::invalid_option,
                "size " + std::to_string(options.size) + " is out of range: must be an integer between 32 and 1920");
  }
  if (!std::isfinite(options.hue)) {
    throw Error(Errc::invalid_option, "hue " + number(options.hue) + " is not a finite number of degrees");
  }
  if (!(options.saturate >= 0.0 && options.saturate <= kMaxSaturate)) {
    throw Error(Errc::invalid_option,
                "saturate " + number(options.saturate) + " is out of range: must be between 0 and 4");
  }
  if (!(options.speed >= kMinSpeed && options.speed <= kMaxSpeed)) {
    throw Error(Errc::invalid_option,
                "speed " + number(options.speed) + " is out of range: must be between 0.25 and 4");
  }
}

int normalizedHue(double hue) {
  // Math.round semantics (halves go up), then wrap into 0..359.
  const double wrapped = std::fmod(std::floor(hue + 0.5), 360.0);
  return static_cast<int>(wrapped < 0 ? wrapped + 360.0 : wrapped);
}

}  // namespace pixabots::core
