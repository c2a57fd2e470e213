// The C calls of the growing ABI: the writer callback, tick and loop
// durations, OG cards, contact sheets, the catalog JSON, the RGBA size query
// and the caller's pack and PNG-decode limits. Each is checked against the
// core's own output, byte for byte, and each refusal by status and message.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "pixabots/core.hpp"
#include "pixabots/core/contact_sheet.hpp"
#include "pixabots/pixabots.h"
#include "support/capi.hpp"
#include "support/files.hpp"

namespace core = pixabots::core;

namespace {

using testing::Ctx;
using testing::embeddedCtx;
using testing::options;
using testing::renderC;
using testing::takeBuffer;

// What a pxb_write_fn received: every piece, in order.
struct Collected {
  std::vector<std::vector<std::uint8_t>> pieces;
  int stopAfter = -1;  // >= 0: return nonzero once this many pieces arrived

  std::vector<std::uint8_t> joined() const {
    std::vector<std::uint8_t> all;
    for (const auto& p : pieces) all.insert(all.end(), p.begin(), p.end());
    return all;
  }
};

int collect(void* user, const std::uint8_t* data, std::size_t size) {
  auto* c = static_cast<Collected*>(user);
  c->pieces.emplace_back(data, data + size);
  return c->stopAfter >= 0 && static_cast<int>(c->pieces.size()) >= c->stopAfter ? 1 : 0;
}

std::string lastError() { return pxb_last_error(); }

// The first ID in browse order whose animation has `ticks` ticks.
std::string idWithTicks(const pxb_ctx* ctx, int ticks) {
  std::uint32_t count = 0;
  REQUIRE(pxb_combo_count(ctx, &count) == PXB_OK);
  for (std::uint32_t i = 0; i < count; ++i) {
    char id[PXB_ID_BUFFER_SIZE];
    REQUIRE(pxb_id_at(ctx, i, id) == PXB_OK);
    std::int32_t n = 0;
    REQUIRE(pxb_tick_count(ctx, id, &n) == PXB_OK);
    if (n == ticks) return id;
  }
  FAIL("no ID with " << ticks << " ticks");
  return {};
}

std::vector<core::Combo> combosOf(const std::vector<const char*>& ids) {
  std::vector<core::Combo> combos;
  for (const char* id : ids) combos.push_back(core::decodeId(core::Catalog::service(), id));
  return combos;
}

pxb_og_options ogOptions(pxb_og_layout layout, const std::vector<const char*>& ids) {
  pxb_og_options o;
  REQUIRE(pxb_og_options_init(&o) == PXB_OK);
  o.layout = layout;
  o.ids = ids.data();
  o.id_count = ids.size();
  return o;
}

}  // namespace

TEST_CASE("pxb_render_to hands over exactly pxb_render's bytes, for every format") {
  const Ctx ctx = embeddedCtx();
  for (int format = PXB_FORMAT_PNG; format <= PXB_FORMAT_SHEET_JSON; ++format) {
    for (const int tick : {PXB_TICK_STILL, 3, PXB_TICK_ALL}) {
      const bool tickFormat = format == PXB_FORMAT_PNG || format == PXB_FORMAT_RGBA;
      if (!tickFormat && tick != PXB_TICK_STILL) continue;
      pxb_options o = options(static_cast<pxb_format>(format), 48);
      o.tick = tick;
      o.hue = 30;
      o.bg = "#102030";
      o.sheet_columns = format == PXB_FORMAT_SHEET_PNG || format == PXB_FORMAT_SHEET_JSON ? 4 : 0;
      INFO("format " << format << " tick " << tick);
      Collected got;
      REQUIRE(pxb_render_to(ctx.get(), "2156", &o, collect, &got) == PXB_OK);
      CHECK_FALSE(got.pieces.empty());
      CHECK(got.joined() == renderC(ctx.get(), "2156", o));
    }
  }
}

TEST_CASE("pxb_render_to gives raw RGBA of every tick a tick at a time") {
  const Ctx ctx = embeddedCtx();
  pxb_options o = options(PXB_FORMAT_RGBA, 40);
  o.tick = PXB_TICK_ALL;
  std::int32_t ticks = 0;
  REQUIRE(pxb_tick_count(ctx.get(), "2156", &ticks) == PXB_OK);
  Collected got;
  REQUIRE(pxb_render_to(ctx.get(), "2156", &o, collect, &got) == PXB_OK);
  REQUIRE(got.pieces.size() == static_cast<std::size_t>(ticks));
  for (const auto& piece : got.pieces) CHECK(piece.size() == 40u * 40u * 4u);
  CHECK(got.joined() == renderC(ctx.get(), "2156", o));
}

TEST_CASE("pxb_render_to stops when the writer says so, and refuses a NULL writer") {
  const Ctx ctx = embeddedCtx();
  pxb_options o = options(PXB_FORMAT_RGBA);
  o.tick = PXB_TICK_ALL;
  Collected got;
  got.stopAfter = 2;
  CHECK(pxb_render_to(ctx.get(), "2156", &o, collect, &got) == PXB_ERR_IO);
  CHECK(lastError() == "the write callback returned nonzero: the render stopped");
  CHECK(got.pieces.size() == 2);  // nothing more after the refusal

  CHECK(pxb_render_to(ctx.get(), "2156", &o, nullptr, &got) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(lastError() == "write must not be NULL");
  // A bad option is refused before the writer hears anything.
  Collected none;
  o.size = 4000;
  CHECK(pxb_render_to(ctx.get(), "2156", &o, collect, &none) == PXB_ERR_INVALID_OPTION);
  CHECK(lastError().find("size 4000") != std::string::npos);
  CHECK(none.pieces.empty());
}

TEST_CASE("pxb_tick_duration_ms is max(20, round(72 / speed))") {
  const std::pair<double, int> cases[] = {{1, 72}, {0.25, 288}, {0.5, 144}, {1.5, 48}, {2, 36},
                                          {3, 24}, {3.6, 20},   {4, 20},    {0.7, 103}};
  for (const auto& [speed, ms] : cases) {
    INFO("speed " << speed);
    std::int32_t got = 0;
    REQUIRE(pxb_tick_duration_ms(speed, &got) == PXB_OK);
    CHECK(got == ms);
    CHECK(got == core::frameDelayMs(speed));
    CHECK(got == std::max(20, static_cast<int>(std::lround(72 / speed))));
  }
  for (const double speed : {0.2, 4.01, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
    std::int32_t got = -7;
    CHECK(pxb_tick_duration_ms(speed, &got) == PXB_ERR_INVALID_OPTION);
    CHECK(lastError().find("is out of range: must be between 0.25 and 4") != std::string::npos);
    CHECK(got == -7);
  }
  CHECK(pxb_tick_duration_ms(1, nullptr) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(lastError() == "out must not be NULL");
}

TEST_CASE("pxb_loop_duration_ms is the tick count times the tick duration") {
  const Ctx ctx = embeddedCtx();
  for (const int ticks : {8, 16}) {
    const std::string id = idWithTicks(ctx.get(), ticks);
    INFO(id);
    for (const double speed : {0.25, 1.0, 2.5, 4.0}) {
      std::int32_t loop = 0;
      REQUIRE(pxb_loop_duration_ms(ctx.get(), id.c_str(), speed, &loop) == PXB_OK);
      CHECK(loop == ticks * core::frameDelayMs(speed));
    }
  }
  std::int32_t loop = 0;
  REQUIRE(pxb_loop_duration_ms(ctx.get(), idWithTicks(ctx.get(), 16).c_str(), 1, &loop) == PXB_OK);
  CHECK(loop == 16 * 72);
  CHECK(pxb_loop_duration_ms(ctx.get(), "zzzz", 1, &loop) == PXB_ERR_INVALID_ID);
  CHECK(pxb_loop_duration_ms(ctx.get(), "2156", 9, &loop) == PXB_ERR_INVALID_OPTION);
  CHECK(lastError().find("speed 9") != std::string::npos);
  CHECK(pxb_loop_duration_ms(nullptr, "2156", 1, &loop) == PXB_ERR_INVALID_ARGUMENT);
}

TEST_CASE("pxb_render_og is the core's card, in every layout") {
  const Ctx ctx = embeddedCtx();
  const core::Pack& pack = core::Pack::embedded();
  struct Case {
    pxb_og_layout layout;
    core::OgLayout core;
    std::vector<const char*> ids;
  };
  const Case cases[] = {{PXB_OG_GRID, core::OgLayout::grid, {"2156", "a153"}},
                        {PXB_OG_SINGLE, core::OgLayout::single, {"2156"}},
                        {PXB_OG_COMPARE, core::OgLayout::compare, {"2156", "a153", "0000"}}};
  for (const Case& c : cases) {
    INFO("layout " << c.layout);
    pxb_og_options o = ogOptions(c.layout, c.ids);
    o.seed = "growth";
    o.title = "Hello";
    o.subtitle = "a subtitle";
    o.bg = "#203040";
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    const pxb_status status = pxb_render_og(ctx.get(), &o, &data, &size);
    core::OgOptions expected;
    expected.layout = c.core;
    expected.bots = combosOf(c.ids);
    expected.seed = "growth";
    expected.title = "Hello";
    expected.subtitle = "a subtitle";
    expected.bg = core::Rgb{0x20, 0x30, 0x40};
    CHECK(takeBuffer(status, data, size) == core::encodePng(core::renderOg(pack, expected).view()));
  }
  // NULL options: the default grid card.
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  const pxb_status status = pxb_render_og(ctx.get(), nullptr, &data, &size);
  CHECK(takeBuffer(status, data, size) == core::encodePng(core::renderOg(pack, core::OgOptions{}).view()));
}

TEST_CASE("pxb_render_og refuses a bad layout and a bot count the layout cannot hold") {
  const Ctx ctx = embeddedCtx();
  const std::vector<const char*> two = {"2156", "a153"};
  pxb_og_options o = ogOptions(PXB_OG_SINGLE, two);
  std::uint8_t* data = reinterpret_cast<std::uint8_t*>(1);
  std::size_t size = 9;
  CHECK(pxb_render_og(ctx.get(), &o, &data, &size) == PXB_ERR_INVALID_OPTION);
  CHECK(lastError().find("single") != std::string::npos);
  CHECK(lastError().find("2") != std::string::npos);
  CHECK(data == nullptr);
  CHECK(size == 0);

  o.layout = 3;
  CHECK(pxb_render_og(ctx.get(), &o, &data, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(lastError() == "layout 3 is not a pxb_og_layout (0..2)");

  o = ogOptions(PXB_OG_COMPARE, two);
  o.id_count = 2;
  o.ids = nullptr;
  CHECK(pxb_render_og(ctx.get(), &o, &data, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(lastError() == "ids must not be NULL");
  const std::vector<const char*> bad = {"2156", "zz!z"};
  o = ogOptions(PXB_OG_COMPARE, bad);
  CHECK(pxb_render_og(ctx.get(), &o, &data, &size) == PXB_ERR_INVALID_ID);
  CHECK(pxb_render_og(ctx.get(), &o, nullptr, &size) == PXB_ERR_INVALID_ARGUMENT);
}

TEST_CASE("pxb_render_contact_sheet is the core's sheet, laid out with 16 px margins") {
  const Ctx ctx = embeddedCtx();
  const core::Pack& pack = core::Pack::embedded();
  const std::vector<const char*> ids = {"2156", "a153", "0000", "1234", "4321"};
  pxb_contact_sheet_options o;
  REQUIRE(pxb_contact_sheet_options_init(&o) == PXB_OK);
  CHECK(o.size == 128);
  o.size = 64;
  o.columns = 2;
  o.labels = 1;
  o.bg = "#fafafa";
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  const pxb_status status = pxb_render_contact_sheet(ctx.get(), ids.data(), ids.size(), &o, &data, &size);
  const std::vector<std::uint8_t> png = takeBuffer(status, data, size);

  core::ContactSheetOptions expected;
  expected.bots = combosOf(ids);
  expected.size = 64;
  expected.columns = 2;
  expected.labels = true;
  expected.bg = core::Rgb{0xfa, 0xfa, 0xfa};
  CHECK(png == core::encodePng(core::renderContactSheet(pack, expected).view()));

  std::uint8_t* rgba = nullptr;
  std::int32_t width = 0;
  std::int32_t height = 0;
  REQUIRE(pxb_decode_png(png.data(), png.size(), &rgba, &width, &height) == PXB_OK);
  pxb_free(rgba);
  // 2 columns, 3 rows; labels at 1x below 96 px: a 4 px gap and 8 px glyph rows.
  CHECK(width == 16 + 2 * (64 + 16));
  CHECK(height == 16 + 3 * (64 + 4 + 8 + 16));

  // Defaults (NULL options): up to 8 columns of 128 px, no labels, transparent.
  REQUIRE(pxb_render_contact_sheet(ctx.get(), ids.data(), 3, nullptr, &data, &size) == PXB_OK);
  const std::vector<std::uint8_t> plain = takeBuffer(PXB_OK, data, size);
  core::ContactSheetOptions defaults;
  defaults.bots = combosOf({"2156", "a153", "0000"});
  CHECK(plain == core::encodePng(core::renderContactSheet(pack, defaults).view()));
  REQUIRE(pxb_decode_png(plain.data(), plain.size(), &rgba, &width, &height) == PXB_OK);
  pxb_free(rgba);
  CHECK(width == 16 + 3 * (128 + 16));
  CHECK(height == 16 + 128 + 16);
}

TEST_CASE("pxb_render_contact_sheet refuses 0 and 1025 IDs and NULL ids") {
  const Ctx ctx = embeddedCtx();
  std::uint8_t* data = reinterpret_cast<std::uint8_t*>(1);
  std::size_t size = 9;
  const char* one[] = {"2156"};
  CHECK(pxb_render_contact_sheet(ctx.get(), one, 0, nullptr, &data, &size) == PXB_ERR_INVALID_OPTION);
  CHECK(lastError() == "number of IDs 0 is out of range 1..1024");
  CHECK(data == nullptr);
  CHECK(size == 0);

  const std::vector<const char*> many(1025, "2156");
  CHECK(pxb_render_contact_sheet(ctx.get(), many.data(), many.size(), nullptr, &data, &size) == PXB_ERR_INVALID_OPTION);
  CHECK(lastError() == "number of IDs 1025 is out of range 1..1024");

  CHECK(pxb_render_contact_sheet(ctx.get(), nullptr, 3, nullptr, &data, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(lastError() == "ids must not be NULL");

  pxb_contact_sheet_options o;
  REQUIRE(pxb_contact_sheet_options_init(&o) == PXB_OK);
  o.size = 600;
  CHECK(pxb_render_contact_sheet(ctx.get(), one, 1, &o, &data, &size) == PXB_ERR_INVALID_OPTION);
  CHECK(lastError() == "size 600 is out of range 32..512");
  o.struct_size = 4;
  CHECK(pxb_render_contact_sheet(ctx.get(), one, 1, &o, &data, &size) == PXB_ERR_VERSION_MISMATCH);
  CHECK(lastError().find("pxb_contact_sheet_options.struct_size 4") == 0);
}

TEST_CASE("pxb_catalog_json is the core's catalog document") {
  const Ctx ctx = embeddedCtx();
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  REQUIRE(pxb_catalog_json(ctx.get(), &data, &size) == PXB_OK);
  CHECK(data[size] == '\0');  // documented: NUL-terminated, the NUL not counted
  const std::vector<std::uint8_t> json = takeBuffer(PXB_OK, data, size);
  const std::string text(json.begin(), json.end());
  CHECK(text == core::catalogJson(core::Pack::embedded()));
  const auto doc = nlohmann::json::parse(text);
  CHECK(doc["combinations"] == 10752);
  CHECK(doc["categories"]["eyes"].size() == core::Catalog::service().parts(core::Category::eyes).size());
  CHECK(pxb_catalog_json(nullptr, &data, &size) == PXB_ERR_INVALID_ARGUMENT);
}

TEST_CASE("pxb_render_into's RGBA size query reports every tick's bytes") {
  const Ctx ctx = embeddedCtx();
  for (const int ticks : {8, 16}) {
    const std::string id = idWithTicks(ctx.get(), ticks);
    pxb_options o = options(PXB_FORMAT_RGBA, 1920);
    o.tick = PXB_TICK_ALL;
    std::size_t needed = 0;
    CHECK(pxb_render_into(ctx.get(), id.c_str(), &o, nullptr, 0, &needed) == PXB_ERR_BUFFER_TOO_SMALL);
    CHECK(needed == std::size_t{1920} * 1920 * 4 * static_cast<std::size_t>(ticks));
    o.tick = 2;
    CHECK(pxb_render_into(ctx.get(), id.c_str(), &o, nullptr, 0, &needed) == PXB_ERR_BUFFER_TOO_SMALL);
    CHECK(needed == std::size_t{1920} * 1920 * 4);
  }
}

namespace {

const std::string kPackDir = testing::dataPath("conformance/pack").string();

pxb_limits defaultLimits() {
  pxb_limits l;
  REQUIRE(pxb_limits_init(&l) == PXB_OK);
  return l;
}

// The status of loading the conformance pack from its directory under `limits`.
pxb_status loadPack(const pxb_limits* limits) {
  pxb_ctx* raw = nullptr;
  const pxb_status status = pxb_ctx_new_from_dir_with_limits(kPackDir.c_str(), limits, &raw);
  pxb_ctx_free(raw);
  return status;
}

// The pack's files in memory, for pxb_ctx_new_from_memory_with_limits.
struct MemoryPack {
  std::vector<std::string> paths;
  std::vector<std::vector<std::uint8_t>> contents;
  std::vector<pxb_pack_file> files;
  std::size_t largest = 0;

  MemoryPack() {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kPackDir)) {
      if (!entry.is_regular_file()) continue;
      paths.push_back(std::filesystem::relative(entry.path(), kPackDir).generic_string());
      contents.push_back(testing::readBytes(entry.path()));
      largest = std::max(largest, contents.back().size());
    }
    for (std::size_t i = 0; i < paths.size(); ++i)
      files.push_back({paths[i].c_str(), contents[i].data(), contents[i].size()});
  }

  pxb_status load(const pxb_limits* limits) const {
    pxb_ctx* raw = nullptr;
    const pxb_status status = pxb_ctx_new_from_memory_with_limits(files.data(), files.size(), limits, &raw);
    pxb_ctx_free(raw);
    return status;
  }
};

}  // namespace

TEST_CASE("pxb_limits_init gives the library's defaults") {
  const pxb_limits l = defaultLimits();
  CHECK(l.struct_size == sizeof(pxb_limits));
  CHECK(l.png_max_width == 8192);
  CHECK(l.png_max_height == 8192);
  CHECK(l.png_max_pixels == std::uint64_t{1} << 24);
  CHECK(l.pack_max_sheet_frames == 64);
  CHECK(l.pack_max_file_bytes == std::uint64_t{1} << 20);
  CHECK(l.pack_max_total_bytes == std::uint64_t{64} << 20);
  CHECK(pxb_limits_init(nullptr) == PXB_ERR_INVALID_ARGUMENT);
  pxb_limits bad = l;
  bad.struct_size = 8;
  CHECK(loadPack(&bad) == PXB_ERR_VERSION_MISMATCH);
  CHECK(lastError().find("pxb_limits.struct_size 8 ") == 0);
}

TEST_CASE("pack limits: defaults, zeros and raised limits load the pack, lowered ones refuse it by name") {
  const MemoryPack memory;
  CHECK(loadPack(nullptr) == PXB_OK);
  pxb_limits l = defaultLimits();
  CHECK(loadPack(&l) == PXB_OK);
  std::memset(&l, 0, sizeof l);  // every field 0: the defaults
  l.struct_size = sizeof l;
  CHECK(loadPack(&l) == PXB_OK);
  CHECK(memory.load(&l) == PXB_OK);
  l.pack_max_file_bytes = std::uint64_t{1} << 26;  // the ceilings themselves are allowed
  l.pack_max_total_bytes = std::uint64_t{1} << 30;
  l.pack_max_sheet_frames = 64;
  CHECK(loadPack(&l) == PXB_OK);

  const std::string limit = std::to_string(memory.largest - 1);
  l = defaultLimits();
  l.pack_max_file_bytes = memory.largest - 1;
  CHECK(loadPack(&l) == PXB_ERR_INVALID_PACK);
  CHECK(lastError().find("too big: " + std::to_string(memory.largest) + " bytes, the limit is " + limit) !=
        std::string::npos);
  CHECK(memory.load(&l) == PXB_ERR_INVALID_PACK);
  CHECK(lastError().find("the limit is " + limit) != std::string::npos);

  l = defaultLimits();
  l.pack_max_total_bytes = 1000;  // the pack's files come to ~28 KB
  CHECK(loadPack(&l) == PXB_ERR_INVALID_PACK);
  CHECK(lastError().find("bytes with this one, the limit is 1000 for them all") != std::string::npos);
  CHECK(memory.load(&l) == PXB_ERR_INVALID_PACK);
  CHECK(lastError().find("the limit is 1000 for them all") != std::string::npos);

  l = defaultLimits();
  l.pack_max_sheet_frames = 1;  // the pack's animated parts have more
  CHECK(loadPack(&l) == PXB_ERR_INVALID_PACK);
  CHECK(lastError().find("frames, more than the limit of 1") != std::string::npos);
}

TEST_CASE("limits above the library's ceilings are refused, naming the field, the value and the range") {
  const MemoryPack memory;
  struct Case {
    void (*set)(pxb_limits&);
    std::string message;
  };
  const Case cases[] = {
      {[](pxb_limits& l) { l.pack_max_file_bytes = (std::uint64_t{1} << 26) + 1; },
       "pxb_limits.pack_max_file_bytes 67108865 is above what this library allows: 1..67108864, or 0 for the "
       "default 1048576"},
      {[](pxb_limits& l) { l.pack_max_total_bytes = std::uint64_t{1} << 40; },
       "pxb_limits.pack_max_total_bytes 1099511627776 is above what this library allows: 1..1073741824, or 0 for "
       "the default 67108864"},
      {[](pxb_limits& l) { l.pack_max_sheet_frames = 65; },
       "pxb_limits.pack_max_sheet_frames 65 is above what this library allows: 1..64, or 0 for the default 64"},
      {[](pxb_limits& l) { l.png_max_width = 1000001; },
       "pxb_limits.png_max_width 1000001 is above what this library allows: 1..1000000, or 0 for the default 8192"},
      {[](pxb_limits& l) { l.png_max_height = 0xffffffffu; },
       "pxb_limits.png_max_height 4294967295 is above what this library allows: 1..1000000, or 0 for the default "
       "8192"},
      {[](pxb_limits& l) { l.png_max_pixels = ~std::uint64_t{0}; },
       "pxb_limits.png_max_pixels 18446744073709551615 is above what this library allows: 1..268435456, or 0 for "
       "the default 16777216"},
  };
  const std::uint8_t png[] = {0x89, 'P', 'N', 'G'};
  for (const Case& c : cases) {
    pxb_limits l = defaultLimits();
    c.set(l);
    // Every call that takes limits reads all of them.
    CHECK(loadPack(&l) == PXB_ERR_INVALID_OPTION);
    CHECK(lastError() == c.message);
    CHECK(memory.load(&l) == PXB_ERR_INVALID_OPTION);
    std::uint8_t* rgba = reinterpret_cast<std::uint8_t*>(1);
    std::int32_t w = 0;
    std::int32_t h = 0;
    CHECK(pxb_decode_png_with_limits(png, sizeof png, &l, &rgba, &w, &h) == PXB_ERR_INVALID_OPTION);
    CHECK(lastError() == c.message);
    CHECK(rgba == reinterpret_cast<std::uint8_t*>(1));  // untouched on failure
  }
}

TEST_CASE("pxb_decode_png_with_limits refuses a real PNG over a lowered limit, naming it") {
  const Ctx ctx = embeddedCtx();
  const std::vector<std::uint8_t> png = renderC(ctx.get(), "a153", options(PXB_FORMAT_PNG, 77));
  std::uint8_t* rgba = nullptr;
  std::int32_t w = 0;
  std::int32_t h = 0;
  auto decode = [&](const pxb_limits* l) {
    return pxb_decode_png_with_limits(png.data(), png.size(), l, &rgba, &w, &h);
  };

  REQUIRE(decode(nullptr) == PXB_OK);
  const std::vector<std::uint8_t> pixels(rgba, rgba + std::size_t{77} * 77 * 4);
  pxb_free(rgba);
  pxb_limits l = defaultLimits();
  l.png_max_width = 77;  // exactly the image is fine
  l.png_max_height = 77;
  l.png_max_pixels = 77 * 77;
  REQUIRE(decode(&l) == PXB_OK);
  CHECK(std::vector<std::uint8_t>(rgba, rgba + pixels.size()) == pixels);
  pxb_free(rgba);

  l.png_max_width = 76;
  CHECK(decode(&l) == PXB_ERR_CODEC);
  CHECK(lastError() == "PNG is 77x77, wider than the 76x77 limit");
  l = defaultLimits();
  l.png_max_height = 50;
  CHECK(decode(&l) == PXB_ERR_CODEC);
  CHECK(lastError() == "PNG is 77x77, taller than the 8192x50 limit");
  l = defaultLimits();
  l.png_max_pixels = 77 * 77 - 1;
  CHECK(decode(&l) == PXB_ERR_CODEC);
  CHECK(lastError() == "PNG is 77x77, more than the 5928-pixel limit");

  // A limit raised past the default lets a wider image through.
  const std::vector<std::uint8_t> wide = core::encodePng(core::Image(9000, 1).view());
  CHECK(pxb_decode_png(wide.data(), wide.size(), &rgba, &w, &h) == PXB_ERR_CODEC);
  CHECK(lastError() == "PNG is 9000x1, wider than the 8192x8192 limit");
  l = defaultLimits();
  l.png_max_width = 9000;
  REQUIRE(pxb_decode_png_with_limits(wide.data(), wide.size(), &l, &rgba, &w, &h) == PXB_OK);
  CHECK(w == 9000);
  CHECK(h == 1);
  pxb_free(rgba);
}
