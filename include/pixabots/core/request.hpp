#pragma once
// The one request layer: what any front end (the C ABI, the CLI, the server,
// MCP, generate) asks the renderer for, the one place its rules are checked,
// and the one dispatcher that turns it into bytes of any output format.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/render.hpp"
#include "pixabots/core/sheet.hpp"

namespace pixabots::core {

// Every output, numbered as pxb_format is.
enum class Format { png, gif, webp, apng, svg, rgba, metadataJson, framesJson, sheetPng, sheetJson };
inline constexpr int kFormatCount = 10;

// Request::tick: the still image (frame 0 of every part, no bounce), or every
// encoded tick stacked vertically (png and rgba only).
inline constexpr int kTickStill = -1;
inline constexpr int kTickAll = -2;
inline constexpr int kMaxSheetColumns = 16;

struct Request {
  Combo combo{};         // from decodeId, seededCombo, randomCombo...
  RenderOptions render;  // size, palette (hue, saturate), bg, speed
  Format format = Format::png;
  int tick = kTickStill;  // png and rgba: kTickStill, 0..15, or kTickAll
  bool compactSvg = false;
  int sheetColumns = 0;  // sheets: 0 = one row, 1..16 = a grid that many frames wide
  bool mergeRepeats = false;
  std::string origin{kDefaultOrigin};    // URLs in the JSON documents
  std::string sheetImage = "sheet.png";  // the sheet JSON's meta.image
};

// Checks every rule of a request against the pack: the combo, each render
// option, the tick, the sheet columns, what goes with which format. Throws
// Error(invalid_option) naming the bad value and what is accepted, or
// Error(invalid_id) for a combo outside the pack.
void validate(const Pack& pack, const Request& request);

// The output's size in bytes when it is known without encoding (raw RGBA),
// else nullopt. The request must be valid.
std::optional<std::size_t> fixedOutputSize(const Pack& pack, const Request& request);

// Validates, then produces the output. The RGBA form of renderOutputInto
// writes straight into `out` (exactly fixedOutputSize() bytes) and allocates nothing.
std::vector<std::uint8_t> renderOutput(const Pack& pack, const Request& request);
void renderRgbaInto(const Pack& pack, const Request& request, std::span<std::uint8_t> out);

// Validates, then hands the output to `write` in one or more pieces, in order
// (RGBA a tick at a time, so the whole strip never sits in memory). An
// exception thrown by `write` ends the render and propagates.
using OutputWriter = std::function<void(std::span<const std::uint8_t>)>;
void renderOutputTo(const Pack& pack, const Request& request, const OutputWriter& write);

// The caller's mistake (a bad ID or option: usage, HTTP 400, a tool error)
// rather than a failure of the pack, the file system or a codec.
inline bool isBadInput(const Error& e) { return e.code() == Errc::invalid_id || e.code() == Errc::invalid_option; }

}  // namespace pixabots::core
