#pragma once
// Render options for tests and benchmarks that only care about the size.
#include "pixabots/render.hpp"

namespace testing {

inline pixabots::RenderOptions sized(int size) {
  pixabots::RenderOptions options;
  options.size = size;
  return options;
}

}  // namespace testing
