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
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pixabots/pixabots.h"
#include "support/files.hpp"
#include "support/sha256.hpp"

namespace {

// One pxb_render call: the ID and the pxb_options fields that differ from the defaults.
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

// One pinned output: its manifest name and the public call that renders it.
struct Output {
  std::string name;
  std::function<pxb_status(const pxb_ctx*, std::uint8_t**, std::size_t*)> render;
  // The sheet JSON's meta.version is the library's version: it changes with
  // every release by design, so it is hashed as "VERSION".
  bool namesVersion = false;
};

Output outputOf(const Case& c) {
  return {nameOf(c),
          [c](const pxb_ctx* ctx, std::uint8_t** out, std::size_t* size) {
            pxb_options o;
            pxb_options_init(&o);
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
            return pxb_render(ctx, c.id, &o, out, size);
          },
          c.format == PXB_FORMAT_SHEET_JSON};
}

// The pictures of several avatars: the first `count` of these IDs.
const char* const kPictureIds[] = {"2156", "0000", "f76b"};

Output ogCard(std::string name, pxb_og_layout layout, std::size_t count, const char* seed = nullptr,
              const char* title = nullptr, const char* subtitle = nullptr, const char* bg = nullptr) {
  return {std::move(name), [=](const pxb_ctx* ctx, std::uint8_t** out, std::size_t* size) {
            pxb_og_options o;
            pxb_og_options_init(&o);
            o.layout = layout;
            o.ids = kPictureIds;
            o.id_count = count;
            o.seed = seed;
            o.title = title;
            o.subtitle = subtitle;
            o.bg = bg;
            return pxb_render_og(ctx, &o, out, size);
          }};
}

Output contactSheet(std::string name, int size, int columns, bool labels, const char* bg) {
  return {std::move(name), [=](const pxb_ctx* ctx, std::uint8_t** out, std::size_t* outSize) {
            pxb_contact_sheet_options o;
            pxb_contact_sheet_options_init(&o);
            o.size = size;
            o.columns = columns;
            o.labels = labels ? 1 : 0;
            o.bg = bg;
            return pxb_render_contact_sheet(ctx, kPictureIds, std::size(kPictureIds), &o, out, outSize);
          }};
}

std::vector<Output> outputs() {
  std::vector<Output> all;
  for (const Case& c : sample()) all.push_back(outputOf(c));
  all.push_back(ogCard("og layout=grid", PXB_OG_GRID, 0));
  all.push_back(ogCard("og layout=grid ids=2156,0000 seed=stable title=Stable subtitle=same bytes bg=#1e293b",
                       PXB_OG_GRID, 2, "stable", "Stable", "same bytes", "#1e293b"));
  all.push_back(ogCard("og layout=single ids=2156", PXB_OG_SINGLE, 1));
  all.push_back(ogCard("og layout=compare ids=2156,0000,f76b title=", PXB_OG_COMPARE, 3, nullptr, ""));
  all.push_back(contactSheet("contact-sheet ids=2156,0000,f76b size=128", 128, 0, false, nullptr));
  all.push_back(
      contactSheet("contact-sheet ids=2156,0000,f76b size=48 columns=2 labels bg=#ffffff", 48, 2, true, "#ffffff"));
  all.push_back({"catalog-json", pxb_catalog_json});
  return all;
}

std::string renderedSha256(const pxb_ctx* ctx, const Output& output) {
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  const pxb_status status = output.render(ctx, &data, &size);
  INFO(output.name << ": " << pxb_last_error());
  REQUIRE(status == PXB_OK);
  std::unique_ptr<std::uint8_t, decltype(&pxb_free)> owned(data, pxb_free);
  if (!output.namesVersion) return testing::sha256Hex({data, size});
  std::string text(reinterpret_cast<const char*>(data), size);
  const std::string field = std::string("\"version\":\"") + pxb_version() + "\"";
  const std::size_t at = text.find(field);
  REQUIRE(at != std::string::npos);
  return testing::sha256Hex(text.replace(at, field.size(), "\"version\":\"VERSION\""));
}

const char* const kHeader =
    "# SHA-256 of the bytes of every pinned output: `<sha256>  <what> <options>`.\n"
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
  for (const Output& output : outputs()) actual.emplace_back(output.name, renderedSha256(ctx.get(), output));

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
