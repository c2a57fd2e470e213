// The C ABI (pixabots.h): same bytes as the core for every format, a status
// and a message naming the bad value for every bad input, ownership as
// documented, per-thread error detail, concurrent renders on one context.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pixabots/core.hpp"
#include "pixabots/pixabots.h"
#include "support/capi.hpp"
#include "support/conformance.hpp"
#include "support/files.hpp"

namespace core = pixabots::core;

namespace {

using testing::Ctx;
using testing::embeddedCtx;
using testing::options;
using testing::renderC;

std::vector<std::uint8_t> bytesOf(const std::string& text) { return {text.begin(), text.end()}; }

// The status of a render that must fail, with this thread's message.
std::pair<pxb_status, std::string> failure(const pxb_ctx* ctx, const char* id, const pxb_options* o) {
  std::uint8_t* data = reinterpret_cast<std::uint8_t*>(1);
  std::size_t size = 7;
  const pxb_status status = pxb_render(ctx, id, o, &data, &size);
  CHECK(data == nullptr);  // documented: no buffer on failure
  CHECK(size == 0);
  return {status, pxb_last_error()};
}

}  // namespace

TEST_CASE("C ABI: every format is byte for byte the core's output") {
  const Ctx ctx = embeddedCtx();
  const core::Pack& pack = core::Pack::embedded();
  const core::Combo combo = core::decodeId(pack.catalog(), "2156");
  core::RenderOptions r;
  r.size = 96;
  r.hue = 40;
  r.bg = core::Rgb{10, 20, 30};
  r.speed = 2;
  pxb_options o = options(PXB_FORMAT_PNG, 96);
  o.hue = 40;
  o.bg = "#0a141e";
  o.speed = 2;

  auto as = [&](pxb_format f) {
    o.format = f;
    return renderC(ctx.get(), "2156", o);
  };
  CHECK(as(PXB_FORMAT_PNG) == core::renderPng(pack, combo, r));
  CHECK(as(PXB_FORMAT_GIF) == core::renderGif(pack, combo, r));
  CHECK(as(PXB_FORMAT_WEBP) == core::renderWebp(pack, combo, r));
  CHECK(as(PXB_FORMAT_APNG) == core::renderApng(pack, combo, r));
  CHECK(as(PXB_FORMAT_SVG) == bytesOf(core::renderSvg(pack, combo, r)));
  const core::Image image = core::render(pack, combo, r);
  CHECK(as(PXB_FORMAT_RGBA) == std::vector<std::uint8_t>(image.pixels().begin(), image.pixels().end()));
  core::JsonOptions json;
  json.size = 96;
  json.origin = "https://bots.example";
  o.origin = "https://bots.example";
  CHECK(as(PXB_FORMAT_METADATA_JSON) == bytesOf(core::metadataJson(pack, combo, json)));
  CHECK(as(PXB_FORMAT_FRAMES_JSON) == bytesOf(core::framesJson(pack, combo, json)));

  core::SheetOptions sheet;
  sheet.layout = core::SheetLayout::grid;
  sheet.columns = 4;
  sheet.mergeRepeats = true;
  sheet.imageName = "bot.png";
  o.sheet_columns = 4;
  o.merge_repeats = 1;
  o.sheet_image = "bot.png";
  const core::SpriteSheetOutput expected = core::renderSpriteSheet(pack, combo, r, sheet);
  CHECK(as(PXB_FORMAT_SHEET_PNG) == expected.png);
  CHECK(as(PXB_FORMAT_SHEET_JSON) == bytesOf(expected.json));

  o.compact_svg = 1;
  CHECK(as(PXB_FORMAT_SVG) == bytesOf(core::renderSvg(pack, combo, r, core::SvgOptions{true})));
}

TEST_CASE("C ABI: ticks as RGBA or PNG, one or all") {
  const Ctx ctx = embeddedCtx();
  const core::Pack& pack = core::Pack::embedded();
  const core::Combo combo = core::decodeId(pack.catalog(), "2156");
  core::RenderOptions r;
  r.size = 40;
  pxb_options o = options(PXB_FORMAT_RGBA, 40);
  o.tick = 5;
  const core::Image tick = core::renderTick(pack, combo, r, 5);
  CHECK(renderC(ctx.get(), "2156", o) == std::vector<std::uint8_t>(tick.pixels().begin(), tick.pixels().end()));
  o.tick = PXB_TICK_ALL;
  const core::Image all = core::renderTicks(pack, combo, r);
  CHECK(renderC(ctx.get(), "2156", o) == std::vector<std::uint8_t>(all.pixels().begin(), all.pixels().end()));
  o.format = PXB_FORMAT_PNG;
  CHECK(renderC(ctx.get(), "2156", o) == core::encodePng(all.view()));
}

TEST_CASE("C ABI: raw RGBA into the caller's buffer with a size query") {
  const Ctx ctx = embeddedCtx();
  pxb_options o = options(PXB_FORMAT_RGBA, 50);
  std::size_t needed = 0;
  CHECK(pxb_render_into(ctx.get(), "2156", &o, nullptr, 0, &needed) == PXB_ERR_BUFFER_TOO_SMALL);
  CHECK(needed == 50u * 50u * 4u);

  std::vector<std::uint8_t> small(needed - 1, 0xee);
  std::size_t reported = 0;
  CHECK(pxb_render_into(ctx.get(), "2156", &o, small.data(), small.size(), &reported) == PXB_ERR_BUFFER_TOO_SMALL);
  CHECK(reported == needed);
  CHECK(std::string(pxb_last_error()).find("needs 10000 bytes") != std::string::npos);
  CHECK(small == std::vector<std::uint8_t>(needed - 1, 0xee));  // nothing written

  std::vector<std::uint8_t> buffer(needed + 8, 0xee);
  std::size_t written = 0;
  REQUIRE(pxb_render_into(ctx.get(), "2156", &o, buffer.data(), buffer.size(), &written) == PXB_OK);
  CHECK(written == needed);
  const core::Pack& pack = core::Pack::embedded();
  core::RenderOptions r;
  r.size = 50;
  const core::Image image = core::render(pack, core::decodeId(pack.catalog(), "2156"), r);
  CHECK(std::equal(image.pixels().begin(), image.pixels().end(), buffer.begin()));
  CHECK(buffer[needed] == 0xee);  // nothing past the image

  o.format = PXB_FORMAT_PNG;  // encoded formats report their size too
  CHECK(pxb_render_into(ctx.get(), "2156", &o, nullptr, 0, &needed) == PXB_ERR_BUFFER_TOO_SMALL);
  std::vector<std::uint8_t> png(needed);
  REQUIRE(pxb_render_into(ctx.get(), "2156", &o, png.data(), png.size(), &written) == PXB_OK);
  CHECK(png == renderC(ctx.get(), "2156", o));
}

TEST_CASE("C ABI: bad input gets a status and a message naming the value and the range") {
  const Ctx ctx = embeddedCtx();
  pxb_options o = options(PXB_FORMAT_PNG);

  auto [status, message] = failure(ctx.get(), "zz!z", &o);
  CHECK(status == PXB_ERR_INVALID_ID);
  CHECK(message.find("character 3 is not in [0-9a-z]") != std::string::npos);

  std::tie(status, message) = failure(ctx.get(), "2156x", &o);
  CHECK(status == PXB_ERR_INVALID_ID);
  CHECK(message.find("4 characters") != std::string::npos);

  o.size = 20;
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_INVALID_OPTION);
  CHECK(message.find("between 32 and 1920") != std::string::npos);

  o = options(PXB_FORMAT_GIF);
  o.speed = 5;
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_INVALID_OPTION);
  CHECK(message.find("0.25") != std::string::npos);

  o = options(PXB_FORMAT_PNG);
  o.bg = "red";
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_INVALID_OPTION);
  CHECK(message.find("\"red\"") != std::string::npos);

  o = options(PXB_FORMAT_RGBA);
  o.tick = 16;
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_INVALID_OPTION);
  CHECK(message.find("0..15") != std::string::npos);

  o = options(PXB_FORMAT_GIF);
  o.tick = 3;
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_INVALID_OPTION);
  CHECK(message.find("only to png and rgba") != std::string::npos);

  for (const int columns : {-1, 17}) {
    o = options(PXB_FORMAT_PNG);  // refused whatever the format, as documented
    o.sheet_columns = columns;
    std::tie(status, message) = failure(ctx.get(), "2156", &o);
    CHECK(status == PXB_ERR_INVALID_OPTION);
    CHECK(message.find("1..16") != std::string::npos);
  }

  for (const pxb_format f : {PXB_FORMAT_METADATA_JSON, PXB_FORMAT_FRAMES_JSON}) {
    o = options(f);
    o.origin = "https://\xff.example";  // found by capi_fuzz: was an internal error
    std::tie(status, message) = failure(ctx.get(), "2156", &o);
    CHECK(status == PXB_ERR_INVALID_OPTION);
    CHECK(message == "the origin is not valid UTF-8");
  }

  o = options(PXB_FORMAT_PNG);
  o.format = 42;
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_INVALID_ARGUMENT);
  CHECK(message.find("format 42") != std::string::npos);

  o = options(PXB_FORMAT_PNG);
  o.struct_size = 1;  // the old version field's value, or garbage
  std::tie(status, message) = failure(ctx.get(), "2156", &o);
  CHECK(status == PXB_ERR_VERSION_MISMATCH);
  CHECK(message == "pxb_options.struct_size 1 is not a layout this library reads (" +
                       std::to_string(sizeof(pxb_options)) +
                       "..4096 bytes): initialise it with the _init macro of pixabots.h");
  CHECK(pxb_options_init_size(&o, 99999) == PXB_ERR_VERSION_MISMATCH);
  CHECK(std::string(pxb_last_error()).find("99999") != std::string::npos);
}

// A caller compiled against newer headers has a bigger pxb_options: its fields
// past ours are read as "unset" when zero and refused when set.
struct NewerOptions {
  pxb_options known;
  std::int64_t added[3];
};

TEST_CASE("C ABI: options from newer headers work while their new fields are zero") {
  const Ctx ctx = embeddedCtx();
  NewerOptions newer;
  std::memset(&newer, 0xAB, sizeof newer);
  REQUIRE(pxb_options_init_size(&newer.known, sizeof newer) == PXB_OK);
  CHECK(newer.known.struct_size == sizeof newer);
  CHECK(newer.known.size == 128);
  for (std::int64_t field : newer.added) CHECK(field == 0);

  newer.known.format = PXB_FORMAT_GIF;
  newer.known.size = 64;
  pxb_options current = options(PXB_FORMAT_GIF);
  CHECK(renderC(ctx.get(), "2156", newer.known) == renderC(ctx.get(), "2156", current));

  newer.added[1] = 7;
  const auto [status, message] = failure(ctx.get(), "2156", &newer.known);
  CHECK(status == PXB_ERR_VERSION_MISMATCH);
  CHECK(message.find("pxb_options sets fields past the " + std::to_string(sizeof(pxb_options)) + " bytes") == 0);
}

TEST_CASE("C ABI: NULL pointers are refused by name, never dereferenced") {
  const Ctx ctx = embeddedCtx();
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  CHECK(pxb_render(nullptr, "2156", nullptr, &data, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(std::string(pxb_last_error()) == "ctx must not be NULL");
  CHECK(pxb_render(ctx.get(), nullptr, nullptr, &data, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(std::string(pxb_last_error()) == "id must not be NULL");
  CHECK(pxb_render(ctx.get(), "2156", nullptr, nullptr, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_render_into(ctx.get(), "2156", nullptr, nullptr, 10, &size) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_ctx_new(nullptr) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_ctx_new_from_dir(nullptr, nullptr) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_options_init(nullptr) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_decode_id(ctx.get(), "2156", nullptr) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_seeded_id(ctx.get(), nullptr, 3, nullptr) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(pxb_part_count(ctx.get(), 9, nullptr) == PXB_ERR_INVALID_ARGUMENT);
  int32_t n = 0;
  CHECK(pxb_part_count(ctx.get(), 9, &n) == PXB_ERR_INVALID_ARGUMENT);
  CHECK(std::string(pxb_last_error()).find("category 9") != std::string::npos);
  CHECK(pxb_category_name(4) == nullptr);
  pxb_ctx_free(nullptr);
  pxb_free(nullptr);
}

TEST_CASE("C ABI: IDs, seeds and browse order") {
  const Ctx ctx = embeddedCtx();
  pxb_combo combo;
  REQUIRE(pxb_decode_id(ctx.get(), "2156", &combo) == PXB_OK);
  CHECK(combo.part[PXB_CATEGORY_EYES] == 2);
  CHECK(combo.part[PXB_CATEGORY_HEADS] == 1);
  CHECK(combo.part[PXB_CATEGORY_BODY] == 5);
  CHECK(combo.part[PXB_CATEGORY_TOP] == 6);
  char id[PXB_ID_BUFFER_SIZE];
  REQUIRE(pxb_encode_id(ctx.get(), &combo, id) == PXB_OK);
  CHECK(std::string(id) == "2156");
  combo.part[PXB_CATEGORY_HEADS] = 8;
  CHECK(pxb_encode_id(ctx.get(), &combo, id) == PXB_ERR_INVALID_ID);
  CHECK(std::string(pxb_last_error()).find("heads") != std::string::npos);

  CHECK(pxb_check_id(ctx.get(), "2156") == PXB_OK);
  CHECK(pxb_check_id(ctx.get(), "2956") == PXB_ERR_INVALID_ID);

  const auto cases = nlohmann::json::parse(testing::readText(testing::dataPath("conformance/cases.json")));
  for (auto& [seed, expected] : cases["seeded"].items()) {
    REQUIRE(pxb_seeded_id(ctx.get(), seed.data(), seed.size(), id) == PXB_OK);
    CHECK(std::string(id) == expected.get<std::string>());
  }

  uint32_t count = 0;
  REQUIRE(pxb_combo_count(ctx.get(), &count) == PXB_OK);
  CHECK(count == 10752);
  uint32_t index = 0;
  REQUIRE(pxb_combo_index(ctx.get(), "2156", &index) == PXB_OK);
  REQUIRE(pxb_id_at(ctx.get(), index, id) == PXB_OK);
  CHECK(std::string(id) == "2156");
  CHECK(pxb_id_at(ctx.get(), count, id) == PXB_ERR_INVALID_ID);
  char next[PXB_ID_BUFFER_SIZE];
  char back[PXB_ID_BUFFER_SIZE];
  REQUIRE(pxb_next_id(ctx.get(), "2156", next) == PXB_OK);
  REQUIRE(pxb_previous_id(ctx.get(), next, back) == PXB_OK);
  CHECK(std::string(back) == "2156");
  REQUIRE(pxb_id_at(ctx.get(), count - 1, id) == PXB_OK);
  REQUIRE(pxb_next_id(ctx.get(), id, next) == PXB_OK);
  CHECK(std::string(next) == "0000");  // wraps around

  for (int i = 0; i < 50; ++i) {
    REQUIRE(pxb_random_id(ctx.get(), id) == PXB_OK);
    CHECK(pxb_check_id(ctx.get(), id) == PXB_OK);
  }

  int32_t parts = 0;
  REQUIRE(pxb_part_count(ctx.get(), PXB_CATEGORY_EYES, &parts) == PXB_OK);
  CHECK(parts == 16);
  const char* name = nullptr;
  REQUIRE(pxb_part_name(ctx.get(), PXB_CATEGORY_TOP, 0, &name) == PXB_OK);
  CHECK(std::string(name) == std::string(core::Catalog::service().part(core::Category::top, 0).name));
  CHECK(pxb_part_name(ctx.get(), PXB_CATEGORY_TOP, 12, &name) == PXB_ERR_INVALID_OPTION);
  CHECK(std::string(pxb_last_error()).find("0..11") != std::string::npos);
  CHECK(std::string(pxb_category_name(PXB_CATEGORY_BODY)) == "body");
  int32_t ticks = 0;
  REQUIRE(pxb_tick_count(ctx.get(), "2156", &ticks) == PXB_OK);
  CHECK(ticks == core::timeline(core::Pack::embedded(), core::decodeId(core::Catalog::service(), "2156")).ticks);
}

TEST_CASE("C ABI: contexts from a directory and from memory draw with that pack") {
  pxb_ctx* raw = nullptr;
  const std::string dir = testing::dataPath("conformance/pack").string();
  REQUIRE(pxb_ctx_new_from_dir(dir.c_str(), &raw) == PXB_OK);
  const Ctx fromDir(raw);
  const auto c = testing::conformanceCases("png").front();
  pxb_options o = options(PXB_FORMAT_RGBA, c["size"].get<int>());
  const auto rgba = renderC(fromDir.get(), c["id"].get<std::string>().c_str(), o);
  const core::Image expected =
      core::decodePng(testing::readBytes(testing::dataPath("conformance/" + c["file"].get<std::string>())));
  CHECK(rgba == std::vector<std::uint8_t>(expected.pixels().begin(), expected.pixels().end()));

  // The same pack from memory.
  std::vector<std::string> paths;
  std::vector<std::vector<std::uint8_t>> contents;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    paths.push_back(std::filesystem::relative(entry.path(), dir).generic_string());
    contents.push_back(testing::readBytes(entry.path()));
  }
  std::vector<pxb_pack_file> files;
  for (std::size_t i = 0; i < paths.size(); ++i)
    files.push_back({paths[i].c_str(), contents[i].data(), contents[i].size()});
  REQUIRE(pxb_ctx_new_from_memory(files.data(), files.size(), &raw) == PXB_OK);
  const Ctx fromMemory(raw);
  CHECK(renderC(fromMemory.get(), c["id"].get<std::string>().c_str(), o) == rgba);

  raw = reinterpret_cast<pxb_ctx*>(1);
  CHECK(pxb_ctx_new_from_dir("/nonexistent/pack", &raw) == PXB_ERR_IO);
  CHECK(std::string(pxb_last_error()).find("/nonexistent/pack") != std::string::npos);
  CHECK(raw == reinterpret_cast<pxb_ctx*>(1));  // untouched on failure
  const std::uint8_t junk[] = {1, 2, 3};
  files.at(0).data = junk;
  files.at(0).size = sizeof junk;
  CHECK(pxb_ctx_new_from_memory(files.data(), files.size(), &raw) == PXB_ERR_INVALID_PACK);
  CHECK(std::string(pxb_last_error()).find(paths[0]) != std::string::npos);
}

TEST_CASE("C ABI: decodePng round-trips a render and refuses junk") {
  const Ctx ctx = embeddedCtx();
  pxb_options o = options(PXB_FORMAT_PNG, 77);
  const auto png = renderC(ctx.get(), "a153", o);
  o.format = PXB_FORMAT_RGBA;
  const auto rgba = renderC(ctx.get(), "a153", o);
  std::uint8_t* pixels = nullptr;
  int32_t width = 0;
  int32_t height = 0;
  REQUIRE(pxb_decode_png(png.data(), png.size(), &pixels, &width, &height) == PXB_OK);
  CHECK(width == 77);
  CHECK(height == 77);
  CHECK(std::vector<std::uint8_t>(pixels, pixels + rgba.size()) == rgba);
  pxb_free(pixels);
  CHECK(pxb_decode_png(png.data(), 20, &pixels, &width, &height) == PXB_ERR_CODEC);
  CHECK(std::string(pxb_last_error()).find("truncated") != std::string::npos);
}

TEST_CASE("C ABI: status text, versions and per-thread error detail") {
  std::set<std::string> texts;
  for (int s = PXB_OK; s <= PXB_ERR_INTERNAL; ++s) {
    CHECK(std::string(pxb_strerror(s)) != "unknown status");
    texts.insert(pxb_strerror(s));
  }
  CHECK(texts.size() == PXB_ERR_INTERNAL + 1);  // each status has its own text
  CHECK(std::string(pxb_strerror(99)) == "unknown status");
  CHECK(std::string(pxb_strerror(11)) == "unknown status");  // 11..26 left with remote generation
  CHECK(std::string(pxb_version()) == PIXABOTS_VERSION_STRING);
  CHECK(pxb_version_number() == PIXABOTS_VERSION_NUMBER);

  const Ctx ctx = embeddedCtx();
  CHECK(pxb_check_id(ctx.get(), "zzzz") == PXB_ERR_INVALID_ID);
  const std::string mine = pxb_last_error();
  std::string theirs = "unset";
  std::thread([&] {
    theirs = pxb_last_error();  // a fresh thread has no failure yet
    CHECK(pxb_check_id(ctx.get(), "12") == PXB_ERR_INVALID_ID);
  }).join();
  CHECK(theirs.empty());
  CHECK(std::string(pxb_last_error()) == mine);  // the other thread's failure is its own
}

TEST_CASE("C ABI: concurrent renders on one context give the single-threaded bytes") {
  const Ctx ctx = embeddedCtx();
  const pxb_format formats[] = {PXB_FORMAT_PNG,  PXB_FORMAT_GIF, PXB_FORMAT_WEBP,
                                PXB_FORMAT_APNG, PXB_FORMAT_SVG, PXB_FORMAT_RGBA};
  constexpr int kJobs = 24;
  auto job = [&](int i) {
    pxb_options o = options(formats[i % 6], 32 + 17 * i);
    o.hue = 15.0 * i;
    char id[PXB_ID_BUFFER_SIZE];
    pxb_id_at(ctx.get(), static_cast<uint32_t>(i * 401), id);
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    if (pxb_render(ctx.get(), id, &o, &data, &size) != PXB_OK) return std::vector<std::uint8_t>{};
    std::vector<std::uint8_t> bytes(data, data + size);
    pxb_free(data);
    return bytes;
  };
  std::vector<std::vector<std::uint8_t>> expected;
  for (int i = 0; i < kJobs; ++i) expected.push_back(job(i));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kJobs; ++i) {
        const int k = (i + t * 7) % kJobs;  // different orders per thread
        if (job(k) != expected[static_cast<std::size_t>(k)]) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
  for (const auto& bytes : expected) CHECK(!bytes.empty());
}
