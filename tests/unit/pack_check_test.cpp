// checkPackDirectory: every problem of a broken pack, each with its file, in
// the words Pack::fromDirectory would stop at.
#include <catch2/catch.hpp>
#include <png.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pixabots/core/error.hpp"
#include "pixabots/core/image.hpp"
#include "pixabots/core/pack.hpp"
#include "pixabots/core/png.hpp"
#include "support/files.hpp"
#include "support/png_build.hpp"

using namespace pixabots::core;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A pack directory written file by file, removed afterwards.
class PackDir {
 public:
  PackDir() : path_(fs::temp_directory_path() / ("pixabots-pack-check-" + std::to_string(std::random_device()()))) {
    fs::create_directories(path_);
  }
  ~PackDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  PackDir(const PackDir&) = delete;
  PackDir& operator=(const PackDir&) = delete;

  const fs::path& path() const { return path_; }
  void write(const std::string& file, const std::vector<std::uint8_t>& bytes) const {
    fs::create_directories((path_ / file).parent_path());
    std::ofstream(path_ / file, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  void write(const std::string& file, const std::string& text) const {
    write(file, std::vector<std::uint8_t>(text.begin(), text.end()));
  }
  void sheet(const std::string& file, int width, int height = 32) const {
    write(file, encodePng(Image(width, height).view()));
  }

 private:
  fs::path path_;
};

json manifest(json eyes) {
  return {{"format", "pixabots-pack"},
          {"version", 1},
          {"categories",
           {{"eyes", std::move(eyes)},
            {"heads", {{{"name", "round"}}}},
            {"body", {{{"name", "plain"}}}},
            {"top", {{{"name", "none"}}}}}}};
}

// Sheets for the one-part categories of manifest().
void writeOtherSheets(const PackDir& dir) {
  dir.sheet("heads/round.png", 32);
  dir.sheet("body/plain.png", 32);
  dir.sheet("top/none.png", 32);
}

// The problem reported for `file`; fails when there is not exactly one.
std::string problemOf(const std::vector<PackProblem>& problems, const std::string& file) {
  INFO(file);
  CHECK(std::count_if(problems.begin(), problems.end(), [&](const PackProblem& p) { return p.file == file; }) == 1);
  const auto it = std::find_if(problems.begin(), problems.end(), [&](const PackProblem& p) { return p.file == file; });
  return it == problems.end() ? std::string() : it->problem;
}

std::string loadError(const fs::path& dir, const PackLimits& limits = {}) {
  try {
    Pack::fromDirectory(dir, limits);
  } catch (const Error& e) {
    return e.what();
  }
  FAIL("the pack loaded");
  return {};
}

}  // namespace

TEST_CASE("checkPackDirectory finds nothing wrong with a valid pack") {
  CHECK(checkPackDirectory(testing::dataPath("conformance/pack")).empty());
  CHECK(checkPackDirectory(PIXABOTS_SPRITES_DIR).empty());
}

TEST_CASE("checkPackDirectory reports every problem of a broken pack with its file") {
  const PackDir dir;
  json doc = manifest({{{"name", "dot"}},
                       {{"name", "wink"}, {"frames", 3}, {"kind", "blink"}},
                       {{"name", "gone"}},
                       {{"name", "big"}},
                       {{"name", "text"}},
                       {{"name", "wide"}, {"frames", 2}},
                       {{"name", "shiny"}, {"colour", "red"}}});
  doc["extra"] = true;
  dir.write("manifest.json", doc.dump());
  writeOtherSheets(dir);
  dir.sheet("eyes/dot.png", 32);
  dir.sheet("eyes/wink.png", 96);
  dir.write("eyes/big.png", std::vector<std::uint8_t>(5000, 0x89));
  dir.write("eyes/text.png", std::string("hello, not a picture"));
  dir.sheet("eyes/wide.png", 40);
  dir.sheet("eyes/shiny.png", 32, 16);
  PackLimits limits;
  limits.maxFileBytes = 4096;

  const auto problems = checkPackDirectory(dir.path(), limits);
  CHECK(problems.size() == 8);
  CHECK(
      problems.front() ==
      PackProblem{"manifest.json",
                  R"(the top level has an unknown key "extra"; allowed: format, version, name, license, categories)"});
  CHECK_THAT(problems[1].problem,
             Contains(R"(categories.eyes[1].kind "blink" needs 2 frames [open, closed], got frames 3)"));
  CHECK_THAT(problems[2].problem, Contains(R"(categories.eyes[6] has an unknown key "colour")"));
  for (std::size_t i = 1; i <= 2; ++i) CHECK(problems[i].file == "manifest.json");
  CHECK(problemOf(problems, "eyes/gone.png") == R"(missing: the catalog's eyes part 2 "gone" needs a 32x32 sheet)");
  CHECK(problemOf(problems, "eyes/big.png") == "too big: 5000 bytes, the limit is 4096");
  CHECK_THAT(problemOf(problems, "eyes/text.png"), Contains("cannot decode PNG: not a PNG"));
  CHECK(problemOf(problems, "eyes/wide.png") ==
        "wrong size 40x32, expected 64x32: a sheet is 32 px high and 32 px wide per frame (2 frames)");
  CHECK(problemOf(problems, "eyes/shiny.png") ==
        "wrong size 32x16, expected 32x32: a sheet is 32 px high and 32 px wide per frame (1 frame)");

  // Loading stops at the first problem, in the same words.
  CHECK(loadError(dir.path(), limits) ==
        (dir.path() / "manifest.json").generic_string() + ": " + problems.front().problem);
}

TEST_CASE("checkPackDirectory checks the service's sheets without a manifest") {
  const PackDir dir;
  const fs::path conformance = testing::dataPath("conformance/pack");
  fs::copy(conformance, dir.path(), fs::copy_options::recursive);
  const std::string first = "eyes/" + Catalog::service().part(Category::eyes, 0).name + ".png";
  const std::string last = "top/" + Catalog::service().part(Category::top, 11).name + ".png";
  fs::remove(dir.path() / first);
  dir.write(last, std::string("\x89PNG\r\n\x1a\n truncated"));

  const auto problems = checkPackDirectory(dir.path());
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].file == first);
  CHECK_THAT(problems[0].problem, Contains("missing: the catalog's eyes part 0"));
  CHECK(problems[1].file == last);
  CHECK_THAT(problems[1].problem, Contains("cannot decode PNG"));
  CHECK(loadError(dir.path()) == (dir.path() / first).generic_string() + ": " + problems[0].problem);
}

TEST_CASE("checkPackDirectory stops at a manifest it cannot read") {
  const PackDir dir;
  writeOtherSheets(dir);
  SECTION("malformed JSON") {
    dir.write("manifest.json", std::string(R"({"format": "pixabots-pack", )"));
    const auto problems = checkPackDirectory(dir.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "manifest.json");
    CHECK_THAT(problems[0].problem, Contains("malformed JSON: parse error at line 1"));
  }
  SECTION("another format") {
    json doc = manifest({{{"name", "dot"}}});
    doc["version"] = 2;
    dir.write("manifest.json", doc.dump());
    const auto problems = checkPackDirectory(dir.path());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].problem, Contains("version must be 1"));
  }
}

TEST_CASE("checkPackDirectory carries on past bad parts and categories") {
  const PackDir dir;
  // Duplicate keys are only visible while parsing, so this manifest is text.
  dir.write("manifest.json", std::string(R"({"format": "pixabots-pack", "version": 1, "name": "",
    "categories": {"eyes": [{"name": "Dot"}, {"name": "ok", "frames": 0}, {"name": "ok", "kind": "wink"}],
                   "heads": [], "body": [{"name": "plain", "name": "plain"}], "top": "none"}})"));
  dir.sheet("eyes/ok.png", 32);
  dir.sheet("body/plain.png", 32);

  const auto problems = checkPackDirectory(dir.path());
  std::vector<std::string> texts;
  for (const auto& p : problems) {
    CHECK(p.file == "manifest.json");
    texts.push_back(p.problem);
  }
  REQUIRE(texts.size() == 7);
  CHECK_THAT(texts[0], Contains("categories.body[0].name appears twice"));
  CHECK_THAT(texts[1], Contains("name must be a non-empty string"));
  CHECK_THAT(texts[2], Contains("categories.eyes[0].name must be 1..64 characters"));
  CHECK_THAT(texts[3], Contains("categories.eyes[1].frames must be an integer 1..64, got 0"));
  CHECK_THAT(texts[4], Contains(R"(categories.eyes[2].kind must be one of "static", "blink", "sequence", got "wink")"));
  CHECK_THAT(texts[5], Contains("categories.heads must hold 1..36 parts"));
  CHECK_THAT(texts[6], Contains("categories.top must be an array"));
}

TEST_CASE("checkPackDirectory reports every unreadable file") {
  const PackDir dir;
  dir.write("manifest.json", manifest({{{"name", "dot"}}}).dump());
  fs::create_directories(dir.path() / "eyes/dot.png");  // a directory where a sheet should be
  writeOtherSheets(dir);
  dir.write("top/none.png", std::vector<std::uint8_t>(2000, 0));
  PackLimits limits;
  limits.maxFileBytes = 1000;
  const auto problems = checkPackDirectory(dir.path(), limits);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == PackProblem{"eyes/dot.png", "not a regular file"});
  CHECK(problems[1] == PackProblem{"top/none.png", "too big: 2000 bytes, the limit is 1000"});
}

TEST_CASE("checkPackDirectory throws Error(io) for a directory that is not there") {
  try {
    checkPackDirectory("/nonexistent/pixabots-pack");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == Errc::io);
    CHECK_THAT(e.what(), Contains("pack directory /nonexistent/pixabots-pack: does not exist"));
  }
}

TEST_CASE("checkPackDirectory reports hostile files one problem each") {
  const PackDir dir;
  dir.write(
      "manifest.json",
      manifest({{{"name", "bomb"}, {"frames", 2}}, {{"name", "tall"}, {"frames", 2}}, {{"name", "indexed"}}}).dump() +
          std::string(1, '\0') + "garbage");
  const auto problems = checkPackDirectory(dir.path());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "manifest.json");
  CHECK_THAT(problems[0].problem, Contains("trailing bytes after the JSON, from offset "));

  dir.write(
      "manifest.json",
      manifest({{{"name", "bomb"}, {"frames", 2}}, {{"name", "tall"}, {"frames", 2}}, {{"name", "indexed"}}}).dump());
  writeOtherSheets(dir);
  dir.write("eyes/bomb.png", testing::pngFile(64, 32, 8, PNG_COLOR_TYPE_RGBA, testing::zerosStream(1000)));
  dir.sheet("eyes/tall.png", 64, 33);
  std::vector<std::uint8_t> raw;
  for (int y = 0; y < 32; ++y) {
    raw.push_back(0);
    raw.insert(raw.end(), 32, static_cast<std::uint8_t>(y));
  }
  dir.write("eyes/indexed.png", testing::pngFile(32, 32, 8, PNG_COLOR_TYPE_PALETTE, testing::zlibOf(raw), {1, 2, 3}));
  CHECK(checkPackDirectory(dir.path()) ==
        std::vector<PackProblem>{
            {"eyes/bomb.png",
             "cannot decode PNG: corrupt PNG: the image data inflates to more than 8224 bytes, the size of a 64x32 "
             "8-bit RGBA image (its IHDR); inflating stopped there"},
            {"eyes/tall.png",
             "wrong size 64x33, expected 64x32: a sheet is 32 px high and 32 px wide per frame (2 frames)"},
            {"eyes/indexed.png",
             "cannot decode PNG: corrupt PNG: pixel (0, 1) uses palette index 1 but PLTE has 1 entry (indices 0..0)"}});
}

TEST_CASE("symbolic links may not lead out of the pack") {
  const PackDir outside;
  outside.sheet("dot.png", 32);
  outside.write("manifest.json", manifest({{{"name", "dot"}}}).dump());
  const PackDir dir;
  dir.write("manifest.json", manifest({{{"name", "dot"}}}).dump());
  writeOtherSheets(dir);
  const fs::path elsewhere = fs::canonical(outside.path());
  const std::string escape =
      (elsewhere / "dot.png").generic_string() + ", outside the pack directory; symbolic links must stay inside it";

  SECTION("a sheet linked to a file outside") {
    fs::create_directories(dir.path() / "eyes");
    fs::create_symlink(outside.path() / "dot.png", dir.path() / "eyes/dot.png");
    CHECK(checkPackDirectory(dir.path()) == std::vector<PackProblem>{{"eyes/dot.png", "resolves to " + escape}});
    CHECK(loadError(dir.path()) == (dir.path() / "eyes/dot.png").generic_string() + ": resolves to " + escape);
  }
  SECTION("a relative link through ..") {
    fs::create_directories(dir.path() / "eyes");
    fs::create_symlink(fs::path("../..") / outside.path().filename() / "dot.png", dir.path() / "eyes/dot.png");
    CHECK(checkPackDirectory(dir.path()) == std::vector<PackProblem>{{"eyes/dot.png", "resolves to " + escape}});
  }
  SECTION("a category directory linked outside") {
    fs::create_directory_symlink(outside.path(), dir.path() / "eyes");
    CHECK(checkPackDirectory(dir.path()) == std::vector<PackProblem>{{"eyes/dot.png", "resolves to " + escape}});
  }
  SECTION("the manifest linked outside") {
    fs::remove(dir.path() / "manifest.json");
    fs::create_symlink(outside.path() / "manifest.json", dir.path() / "manifest.json");
    const auto problems = checkPackDirectory(dir.path());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] ==
          PackProblem{"manifest.json", "resolves to " + (elsewhere / "manifest.json").generic_string() +
                                           ", outside the pack directory; symbolic links must stay inside it"});
  }
  SECTION("links that stay inside the pack are followed") {
    dir.sheet("shared/dot.png", 32);
    fs::create_directories(dir.path() / "eyes");
    fs::create_symlink("../shared/dot.png", dir.path() / "eyes/dot.png");
    CHECK(checkPackDirectory(dir.path()).empty());
    // The pack directory itself may be reached through a link.
    const fs::path alias = dir.path().string() + "-alias";
    fs::create_directory_symlink(dir.path(), alias);
    CHECK(checkPackDirectory(alias).empty());
    CHECK(Pack::fromDirectory(alias).sheet(Category::eyes, 0) ==
          Pack::fromDirectory(dir.path()).sheet(Category::eyes, 0));
    fs::remove(alias);
  }
  SECTION("a dangling link is a missing file") {
    fs::create_directories(dir.path() / "eyes");
    fs::create_symlink(outside.path() / "gone.png", dir.path() / "eyes/dot.png");
    const auto problems = checkPackDirectory(dir.path());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0].problem, Contains("missing: "));
  }
}
