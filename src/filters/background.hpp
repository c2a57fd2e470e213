#pragma once
#include "pixabots/color.hpp"
#include "render/canvas.hpp"

namespace pixabots::detail {

// Flattens onto an opaque colour with the service's integer rule,
// floor((c*a + bg*(255-a)) / 255); every pixel ends opaque.
void flattenOnto(Canvas& canvas, Rgb bg);

}  // namespace pixabots::detail
