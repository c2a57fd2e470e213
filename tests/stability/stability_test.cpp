// The stability promise (README "Stability"): the same ID with the same
// options gives the same bytes within a major version. Every deterministic
// output of a fixed sample is rendered through the public C API and its
// SHA-256 compared with tests/data/golden/outputs.sha256. A change to any
// output is a deliberate act (DEVELOPERS.md "Changing an output"): run this
// program with PIXABOTS_WRITE_GOLDEN=1 to rewrite the manifest, bump the
// version and say what changed in CHANGELOG.md, all in one commit.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pixabots/pixabots.h"
#include "support/files.hpp"
#include "support/sha256.hpp"

namespace {

// One pinned output: pxb_options fields that differ from the defaults.
struct Case {
  const char* id = nullptr;
  pxb_format format = PXB_FORMAT_PNG;
  int size = 128;
  int tick = PXB_TICK_STILL;
  double hue = 0;
  double saturate = 1;
  const char* bg = nullptr;
  double speed = 1;
  bool compactSvg = false;
  int sheetColumns = 0;
  bool mergeRepeats = false;
  const char* origin = nullptr;
  const char* sheetImage = nullptr;
};

const char* formatName(pxb_format format) {
  switch (format) {
    case PXB_FORMAT_PNG: return "png";
    case PXB_FORMAT_GIF: return "gif";
    case PXB_FORMAT_WEBP: return "webp";
    case PXB_FORMAT_APNG: return "apng";
    case PXB_FORMAT_SVG: return "svg";
    case PXB_FORMAT_RGBA: return "rgba";
    case PXB_FORMAT_METADATA_JSON: return "metadata-json";
    case PXB_FORMAT_FRAMES_JSON: return "frames-json";
    case PXB_FORMAT_SHEET_PNG: return "sheet-png";
    case PXB_FORMAT_SHEET_JSON: return "sheet-json";
  }
  return "unknown";
}

// The manifest's key: the ID, then every option that is not the default.
std::string nameOf(const Case& c) {
  std::ostringstream name;
  name << c.id << " size=" << c.size << " format=" << formatName(c.format);
  if (c.tick == PXB_TICK_ALL) name << " tick=all";
  if (c.tick >= 0) name << " tick=" << c.tick;
  if (c.hue != 0) name << " hue=" << c.hue;
  if (c.saturate != 1) name << " saturate=" << c.saturate;
  if (c.bg != nullptr) name << " bg=" << c.bg;
  if (c.speed != 1) name << " speed=" << c.speed;
  if (c.compactSvg) name << " compact";
  if (c.sheetColumns != 0) name << " columns=" << c.sheetColumns;
  if (c.mergeRepeats) name << " merge-repeats";
  if (c.origin != nullptr) name << " origin=" << c.origin;
  if (c.sheetImage != nullptr) name << " image=" << c.sheetImage;
  return name.str();
}

// 2156: animated (16 ticks); 0000: nothing animates (8 ticks); f76b: the
// last ID, every category at its highest part.
std::vector<Case> sample() {
  std::vector<Case> cases;
  for (const char* id : {"2156", "0000", "f76b"}) {
    auto add = [&](Case c) {
      c.id = id;
      cases.push_back(c);
    };
    for (const int size : {32, 48, 128, 500}) add({.format = PXB_FORMAT_PNG, .size = size});
    add({.format = PXB_FORMAT_PNG, .tick = 5});
    add({.format = PXB_FORMAT_PNG, .size = 48, .tick = PXB_TICK_ALL});
    add({.format = PXB_FORMAT_PNG, .hue = 200, .saturate = 1.5});
    add({.format = PXB_FORMAT_PNG, .saturate = 0});
    add({.format = PXB_FORMAT_PNG, .bg = "#fde68a"});
    add({.format = PXB_FORMAT_PNG, .hue = 200, .saturate = 1.5, .bg = "#fde68a"});
    add({.format = PXB_FORMAT_PNG, .size = 48, .hue = 359, .saturate = 4, .bg = "#000000"});
    add({.format = PXB_FORMAT_PNG, .size = 48, .tick = 3, .hue = 90, .bg = "#1e293b"});
    add({.format = PXB_FORMAT_PNG, .size = 32, .tick = PXB_TICK_ALL, .hue = 90, .bg = "#1e293b"});
    for (const int size : {32, 128}) add({.format = PXB_FORMAT_GIF, .size = size});
    add({.format = PXB_FORMAT_GIF, .size = 48, .speed = 2});
    add({.format = PXB_FORMAT_GIF, .size = 48, .bg = "#fde68a"});
    add({.format = PXB_FORMAT_GIF, .size = 48, .hue = 200, .saturate = 1.5, .bg = "#fde68a"});
    add({.format = PXB_FORMAT_WEBP, .size = 48});
    add({.format = PXB_FORMAT_WEBP, .size = 48, .hue = 200, .saturate = 1.5, .bg = "#fde68a", .speed = 0.5});
    add({.format = PXB_FORMAT_APNG, .size = 48});
    add({.format = PXB_FORMAT_APNG, .size = 48, .hue = 120, .saturate = 0.5, .speed = 4});
    add({.format = PXB_FORMAT_SVG});
    add({.format = PXB_FORMAT_SVG, .compactSvg = true});
    add({.format = PXB_FORMAT_SVG, .size = 500, .compactSvg = true});
    add({.format = PXB_FORMAT_SVG, .bg = "#000000"});
    add({.format = PXB_FORMAT_SVG, .hue = 200, .saturate = 1.5, .bg = "#fde68a", .compactSvg = true});
    add({.format = PXB_FORMAT_RGBA, .size = 32});
    add({.format = PXB_FORMAT_RGBA, .size = 48, .tick = 7});
    add({.format = PXB_FORMAT_RGBA, .size = 32, .tick = PXB_TICK_ALL});
    add({.format = PXB_FORMAT_RGBA, .size = 32, .hue = 200, .saturate = 1.5, .bg = "#fde68a"});
    add({.format = PXB_FORMAT_METADATA_JSON});
    add({.format = PXB_FORMAT_METADATA_JSON, .size = 500, .origin = "https://avatars.example"});
    add({.format = PXB_FORMAT_FRAMES_JSON});
    add({.format = PXB_FORMAT_FRAMES_JSON, .size = 48, .speed = 2, .origin = "https://avatars.example"});
    add({.format = PXB_FORMAT_SHEET_PNG, .size = 32});
    add({.format = PXB_FORMAT_SHEET_PNG, .size = 48, .sheetColumns = 4});
    add({.format = PXB_FORMAT_SHEET_PNG, .size = 32, .mergeRepeats = true});
    add({.format = PXB_FORMAT_SHEET_PNG, .size = 32, .hue = 200, .saturate = 1.5, .bg = "#fde68a"});
    add({.format = PXB_FORMAT_SHEET_JSON, .size = 32});
    add({.format = PXB_FORMAT_SHEET_JSON, .size = 48, .sheetColumns = 4, .sheetImage = "bot.png"});
    add({.format = PXB_FORMAT_SHEET_JSON, .size = 32, .speed = 0.25, .mergeRepeats = true});
  }
  return cases;
}

struct CtxDeleter {
  void operator()(pxb_ctx* ctx) const { pxb_ctx_free(ctx); }
};

std::string renderedSha256(const pxb_ctx* ctx, const Case& c) {
  pxb_options o;
  REQUIRE(pxb_options_init(&o) == PXB_OK);
  o.format = c.format;
  o.size = c.size;
  o.tick = c.tick;
  o.hue = c.hue;
  o.saturate = c.saturate;
  o.bg = c.bg;
  o.speed = c.speed;
  o.compact_svg = c.compactSvg ? 1 : 0;
  o.sheet_columns = c.sheetColumns;
  o.merge_repeats = c.mergeRepeats ? 1 : 0;
  o.origin = c.origin;
  o.sheet_image = c.sheetImage;
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  const pxb_status status = pxb_render(ctx, c.id, &o, &data, &size);
  INFO(nameOf(c) << ": " << pxb_last_error());
  REQUIRE(status == PXB_OK);
  std::unique_ptr<std::uint8_t, decltype(&pxb_free)> owned(data, pxb_free);
  return testing::sha256Hex({data, size});
}

const char* const kHeader =
    "# SHA-256 of the bytes of every pinned output: `<sha256>  <ID> <options>`.\n"
    "# Written by tests/stability (PIXABOTS_WRITE_GOLDEN=1); DEVELOPERS.md \"Changing an output\" says when.\n";

// Case name -> hash; lines starting with '#' are comments.
std::map<std::string, std::string> readManifest(const std::filesystem::path& manifest) {
  std::map<std::string, std::string> pinned;
  std::istringstream lines(testing::readText(manifest));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() == '#') continue;
    INFO("manifest line: " << line);
    REQUIRE(line.size() > 66);
    REQUIRE(line.substr(64, 2) == "  ");
    REQUIRE(pinned.emplace(line.substr(66), line.substr(0, 64)).second);
  }
  return pinned;
}

}  // namespace

TEST_CASE("every pinned output keeps its bytes", "[stability]") {
  pxb_ctx* raw = nullptr;
  REQUIRE(pxb_ctx_new(&raw) == PXB_OK);
  const std::unique_ptr<pxb_ctx, CtxDeleter> ctx(raw);

  const std::filesystem::path manifest = testing::dataPath("golden/outputs.sha256");
  std::vector<std::pair<std::string, std::string>> actual;
  for (const Case& c : sample()) actual.emplace_back(nameOf(c), renderedSha256(ctx.get(), c));

  if (const char* write = std::getenv("PIXABOTS_WRITE_GOLDEN"); write != nullptr && std::string(write) == "1") {
    std::ofstream out(manifest.string(), std::ios::binary | std::ios::trunc);
    out << kHeader;
    for (const auto& [name, hash] : actual) out << hash << "  " << name << '\n';
    out.close();
    REQUIRE(out.good());
    WARN("wrote " << actual.size() << " hashes to " << manifest.string());
    return;
  }

  std::map<std::string, std::string> pinned = readManifest(manifest);
  std::ostringstream report;
  int differing = 0;
  for (const auto& [name, hash] : actual) {
    const auto found = pinned.find(name);
    if (found == pinned.end()) {
      report << "  not in the manifest: " << name << '\n';
      ++differing;
      continue;
    }
    if (found->second != hash) {
      report << "  changed: " << name << " (pinned " << found->second << ", now " << hash << ")\n";
      ++differing;
    }
    pinned.erase(found);
  }
  for (const auto& [name, hash] : pinned) {
    report << "  pinned but no longer rendered: " << name << '\n';
    ++differing;
  }
  if (differing > 0) {
    FAIL(differing << " of " << actual.size() << " pinned outputs differ from " << manifest.string() << ":\n"
                   << report.str()
                   << "Outputs of one major version must not change. If this change is deliberate, rerun with "
                      "PIXABOTS_WRITE_GOLDEN=1, bump the version (major for changed bytes) and add a CHANGELOG.md "
                      "entry in the same commit (DEVELOPERS.md, \"Changing an output\").");
  }
  SUCCEED(actual.size() << " outputs match the manifest");
}
