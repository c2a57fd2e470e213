// Every rule of a render request, checked in one place for every front end.
#include <string>

#include "pixabots/core/animation.hpp"
#include "pixabots/core/request.hpp"

namespace pixabots::core {
namespace {

[[noreturn]] void badOption(const std::string& message) { throw Error(Errc::invalid_option, message); }

bool stillOrTicks(Format format) { return format == Format::png || format == Format::rgba; }

}  // namespace

void validate(const Pack& pack, const Request& request) {
  validateCombo(pack.catalog(), request.combo);
  validate(request.render);
  const int format = static_cast<int>(request.format);
  if (format < 0 || format >= kFormatCount) {
    badOption("format " + std::to_string(format) + " is not a format: 0..9 (png, gif, webp, apng, svg, rgba, " +
              "metadata json, frames json, sheet png, sheet json)");
  }
  const int tick = request.tick;
  if (tick != kTickStill && tick != kTickAll && (tick < 0 || tick >= kLoopTicks)) {
    badOption("tick " + std::to_string(tick) + " is out of range: must be -1 (still), -2 (all) or 0..15");
  }
  if (tick != kTickStill && !stillOrTicks(request.format)) {
    badOption("tick " + std::to_string(tick) +
              " applies only to png and rgba: the other formats are the still image or the whole animation");
  }
  if (request.sheetColumns < 0 || request.sheetColumns > kMaxSheetColumns) {
    badOption("sheet_columns " + std::to_string(request.sheetColumns) +
              " is out of range: must be 0 (one row) or 1..16");
  }
}

}  // namespace pixabots::core
