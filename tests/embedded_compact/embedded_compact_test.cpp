// pixabots_embedded_compact_test <sprites dir>: the compact embedded art
// (pixabots_embed_sprites --compact, linked into this program in place of the
// library's own art) against the directory decoded by the library's loader:
// the same pack name and catalog, and every frame byte for byte. Also the
// compact form's guards: fits() rejects what would not fill its sheets, and
// expand() never writes past its output whatever the table says.
#include <array>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include "pack/embedded_art.hpp"
#include "pack/embedded_compact.hpp"
#include "pixabots/core/pack.hpp"

namespace {

using namespace pixabots::core;
using namespace pixabots::core::detail;
using namespace std::string_view_literals;

// One transparent frame: 4 runs of 255 pixels and one of 4.
constexpr std::string_view kClear = "\0\0\0\0"sv;
constexpr CompactSheet kFrame{1, kClear, "\0\377\0\377\0\377\0\377\0\4"sv};
static_assert(fits({&kFrame, 1}, kFrameBytes));
static_assert(!fits({&kFrame, 1}, kFrameBytes + 4));  // the sheets fill less
static_assert(!fits(std::array{CompactSheet{1, kClear, "\0\377\0\377\0\377\0\377\0\5"sv}}, kFrameBytes));  // too long
static_assert(!fits(std::array{CompactSheet{1, kClear, "\0\377\0\377\0\377\0\377\0\3"sv}}, kFrameBytes));  // too short
static_assert(!fits(std::array{CompactSheet{1, kClear, "\0\377\0\377\0\377\0\377\1\4"sv}},
                    kFrameBytes));  // no colour 1
static_assert(!fits(std::array{CompactSheet{1, kClear, "\0\0\0\377\0\377\0\377\0\377\0\4"sv}},
                    kFrameBytes));                                                                       // empty run
static_assert(!fits(std::array{CompactSheet{1, kClear, "\0\377\0\377\0\377\0\377\0"sv}}, kFrameBytes));  // half a pair

int failures = 0;

void check(bool ok, std::string_view what) {
  if (!ok) {
    std::cerr << "FAILED: " << what << "\n";
    ++failures;
  }
}

// A table that does not fit (runs past its sheet, an index past its palette)
// still writes only inside its sheet and its output.
void checkExpandBounds() {
  constexpr std::string_view red = "\377\0\0\377"sv;
  std::array<std::uint8_t, kFrameBytes + 8> buffer{};
  const std::array tooLong{CompactSheet{1, red, "\0\377\0\377\0\377\0\377\0\377"sv}};
  expand(tooLong, std::span(buffer).first(kFrameBytes));
  check(buffer[kFrameBytes - 4] == 0xff && buffer[kFrameBytes] == 0, "a run past its frame stops at the frame's end");

  buffer = {};
  const std::array twoSheets{CompactSheet{1, red, "\0\377"sv},
                             CompactSheet{1, red, "\0\377\0\377\0\377\0\377\0\377"sv}};
  expand(twoSheets, std::span(buffer).first(kFrameBytes + 4));
  check(buffer[255 * 4 - 1] == 0xff && buffer[255 * 4] == 0 && buffer[kFrameBytes + 3] == 0xff &&
            buffer[kFrameBytes + 4] == 0,
        "a sheet starts at its own frames and stops at the output's end");

  buffer = {};
  const std::array badIndex{CompactSheet{1, red, "\0\2\1\2\0\2"sv}};
  expand(badIndex, std::span(buffer).first(kFrameBytes));
  check(buffer[7] == 0xff && buffer[8] == 0 && buffer[15] == 0, "a colour past the palette stops the expansion");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: pixabots_embedded_compact_test <sprites dir>\n";
    return 2;
  }
  checkExpandBounds();
  const Pack want = Pack::fromDirectory(argv[1]);
  const EmbeddedArt& art = embeddedArt();
  check(&embeddedArt() == &art, "embeddedArt() is one table");
  check(art.name == want.name(), "pack name");
  int frames = 0;
  for (Category c : kEncodingOrder) {
    const auto parts = art.parts[static_cast<std::size_t>(c)];
    if (static_cast<int>(parts.size()) != want.catalog().count(c)) {
      check(false, std::string(categoryName(c)) + ": part count");
      continue;
    }
    for (int i = 0; i < want.catalog().count(c); ++i) {
      const EmbeddedPart& got = parts[static_cast<std::size_t>(i)];
      const Part& part = want.catalog().part(c, i);
      const std::string path = std::string(categoryName(c)) + "/" + part.name;
      if (got.name != part.name || got.frames != part.frames || got.kind != part.kind) {
        check(false, path + ": name, frames or kind");
        continue;
      }
      for (int f = 0; f < part.frames; ++f, ++frames) {
        check(std::memcmp(got.pixels + static_cast<std::size_t>(f) * kFrameBytes, want.sheet(c, i).frame(f),
                          kFrameBytes) == 0,
              path + " frame " + std::to_string(f));
      }
    }
  }
  check(frames > 0, "frames compared");
  if (failures == 0) std::cout << frames << " frames of " << argv[1] << " identical in the compact form\n";
  return failures == 0 ? 0 : 1;
}
