// `pixabots frames`: an ID's animation timeline. The JSON is the library's
// (through the C++ API); the table reads the core's timeline, which the C ABI
// only offers as that JSON.
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/pack_option.hpp"
#include "pixabots/core/animation.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json.hpp"
#include "pixabots/core/id.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli {
namespace {

// The spec's bounce table lists offsets in this order.
constexpr core::Category kBounceOrder[] = {core::Category::top, core::Category::heads, core::Category::eyes,
                                           core::Category::body};

// 2 as "2" and 2.5 as "2.5", as the frames JSON writes them.
std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

void printTable(const Args& args, const std::string& id) {
  const PackOption packOption(args);
  const core::Pack& pack = packOption.pack();
  const core::Timeline timeline = core::timeline(pack, core::decodeId(pack.catalog(), id));
  std::cout << id << ": " << timeline.ticks << " ticks of " << core::kFrameMs << " ms"
            << (timeline.ticks == core::kLoopTicks ? "" : " (no part animates: ticks 8..15 repeat 0..7)") << "\n"
            << "      offset (native px)      | sprite index\n"
            << "tick   top heads  eyes  body  |  eyes heads  body   top\n";
  for (const core::TickFrame& frame : timeline.frames) {
    std::cout << std::setw(4) << frame.tick << " ";
    for (core::Category c : kBounceOrder) std::cout << std::setw(6) << number(frame.offset(c));
    std::cout << "  |";
    for (core::Category c : core::kEncodingOrder) std::cout << std::setw(6) << frame.spriteIndex(c);
    std::cout << "\n";
  }
}

constexpr Operand kOperands[] = {{.name = "ID", .help = "4 characters of [0-9a-z]: eyes, head, body, top (e.g. 2156)"}};

constexpr Option kOptions[] = {
    {.name = "--origin",
     .value = "URL",
     .help = "base URL of the sprite URLs, http:// or https:// (default https://pixabots.com)"},
    {.name = "--table",
     .help = "a table for people instead: per tick the offsets (native pixels, unrounded) and the sprite "
             "index of each layer"},
    kPackOption,
};

int frames(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  if (args.positionals().size() != 1) {
    throw core::Error(core::Errc::invalid_option, "frames needs exactly one ID (4 characters of [0-9a-z])");
  }
  const std::string& id = args.positionals()[0];
  Options options;
  options.format = Format::framesJson;
  if (auto origin = args.value("--origin")) options.origin = core::parseOrigin(*origin);
  if (args.flag("--table")) {
    printTable(args, id);
    return 0;
  }
  const auto pack = args.value("--pack");
  const Context ctx = pack ? Context::fromDirectory(*pack) : Context();
  std::cout << ctx.renderText(id, options) << "\n";
  return 0;
}

}  // namespace

const Command kFramesCommand{
    .name = "frames",
    .summary = "an ID's animation timeline",
    .synopsis = "ID [--pack DIR] [--origin URL] [--table]",
    .description =
        "The service's frames document (/api/pixabot/ID/frames) for client-side playback:\n"
        "per tick the bounce offset and the sprite frame of each layer, and the sprite sheet\n"
        "URL, frame count and kind of each part.",
    .operands = kOperands,
    .options = kOptions,
    .examples =
        "pixabots frames 2156 > 2156.frames.json\n"
        "pixabots frames 2156 --table",
    .run = frames,
};

}  // namespace pixabots::cli
