#pragma once
// Render options for benchmarks that only vary the size.
#include "pixabots/render.hpp"

namespace bench {

inline pixabots::RenderOptions sized(int size) {
  pixabots::RenderOptions options;
  options.size = size;
  return options;
}

}  // namespace bench
