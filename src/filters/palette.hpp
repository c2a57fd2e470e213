#pragma once
#include <cstdint>

#include "pixabots/core/color.hpp"
#include "render/canvas.hpp"

namespace pixabots::core::detail {

// The service's palette transform in CIE LCh (D65): chroma times `saturate`,
// hue plus `hueDegrees`, back to sRGB. Greys stay grey.
Rgb transformColor(Rgb c, int hueDegrees, double saturate);

// Applies transformColor to the RGB of every pixel, alpha untouched.
void applyPalette(Canvas& canvas, int hueDegrees, double saturate);

}  // namespace pixabots::core::detail
