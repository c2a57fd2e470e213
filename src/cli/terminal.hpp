#pragma once
// Pictures as terminal text: one cell per 1x2 pixels with the upper half block.
#include <string>

#include "pixabots/core/color.hpp"
#include "pixabots/core/image.hpp"

namespace pixabots::cli {

enum class TermColors { truecolor, xterm256 };

// 24-bit when COLORTERM announces it ("truecolor" or "24bit"), else the 256
// colours every xterm-like terminal has. `colorterm` may be null (unset).
TermColors detectColors(const char* colorterm);

// The nearest of xterm's colours 16..255 (the 6x6x6 cube and the grey ramp)
// by squared RGB distance, the lower index on ties. 0..15 are left out: themes
// redefine them.
int xterm256(core::Rgb c);

// Each pair of rows as one line of cells: '▀' coloured fg = upper pixel,
// bg = lower; a transparent (alpha < 128) half keeps the terminal's default
// colours ('▄' when only the lower half is drawn, a space when neither). An
// SGR sequence "ESC[0;...m" is written only when a cell's colours differ from
// the previous cell's; a line whose colours are not the default ends with
// "ESC[0m", then "\n".
std::string halfBlocks(const core::Image& image, TermColors colors);

}  // namespace pixabots::cli
