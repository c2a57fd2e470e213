#pragma once
#include "pixabots/core/color.hpp"
#include "render/canvas.hpp"

namespace pixabots::core::detail {

// Flattens onto an opaque colour with the service's integer rule,
// floor((c*a + bg*(255-a)) / 255); every pixel ends opaque.
void flattenOnto(Canvas& canvas, Rgb bg);

}  // namespace pixabots::core::detail
