#pragma once
// Render options for tests and benchmarks that only care about the size.
#include "pixabots/core/render.hpp"

namespace testing {

inline pixabots::core::RenderOptions sized(int size) {
  pixabots::core::RenderOptions options;
  options.size = size;
  return options;
}

}  // namespace testing
