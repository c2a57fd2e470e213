// The introspection commands (info, parts, frames), validate-pack, render
// --random and --help on every command, through the real binary.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pixabots/core.hpp"
#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace pixabots::core;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
using namespace testing;  // run, Run, scratch, expectFailure, conformancePackDir

namespace {

const std::string kPack = testing::conformancePackDir();

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("info names the parts, the combo index, the neighbours and the ticks") {
  const Run r = run("info 2156 --pack " + kPack);
  REQUIRE(r.status == 0);
  CHECK(r.output ==
        "id        2156\n"
        "eyes      2 glasses  blink, 2 frames\n"
        "heads     1 blob     static\n"
        "body      5 wings    static\n"
        "top       6 mohawk   static\n"
        "combo     1494 of 10752\n"
        "previous  2155\n"
        "next      2157\n"
        "ticks     16 (animated: eyes)\n");
  // The built-in art has the service's catalog: the same facts.
  CHECK(run("info 2156").output == r.output);
  CHECK_THAT(run("info 0000").output, Contains("\nticks     8 (still: no part has more than one frame)\n"));
}

TEST_CASE("info --json is the same facts for machines") {
  const Run r = run("info 2156 --json --pack " + kPack);
  REQUIRE(r.status == 0);
  const json doc = json::parse(r.output);
  const Catalog& catalog = Catalog::service();
  const Combo combo = decodeId(catalog, "2156");
  CHECK(doc["id"] == "2156");
  for (Category c : kEncodingOrder) {
    const std::string key(categoryName(c));
    const Part& part = catalog.part(c, combo[c]);
    CHECK(doc["combo"][key] == combo[c]);
    CHECK(doc["parts"][key] == part.name);
    CHECK(doc["sprites"][key]["frames"] == part.frames);
    CHECK(doc["sprites"][key]["kind"] == partKindName(part.kind));
  }
  CHECK(doc["index"] == comboIndex(catalog, combo));
  CHECK(doc["combinations"] == 10752);
  CHECK(doc["previous"] == encodeId(catalog, previousCombo(catalog, combo)));
  CHECK(doc["next"] == encodeId(catalog, nextCombo(catalog, combo)));
  CHECK(doc["ticks"] == timeline(Pack::embedded(), combo).ticks);
  CHECK(doc["animated"] == (doc["ticks"] == 16));
}

TEST_CASE("info wraps around at the ends of browse order and takes --seed") {
  const json first = json::parse(run("info 0000 --json").output);
  CHECK(first["index"] == 0);
  CHECK(first["previous"] == "f76b");
  CHECK(first["next"] == "0001");
  const Run seeded = run("info --seed alice");
  CHECK(seeded.status == 0);
  CHECK_THAT(seeded.output, StartsWith("id        3409\n"));
}

TEST_CASE("info refuses a bad ID with exit 2 and the library's message") {
  expectFailure("info ZZZZ", 2, "pixabots info: invalid ID \"ZZZZ\": character 1 is not in [0-9a-z]");
  expectFailure("info g000", 2, "eyes index 16 is out of range 0..15");
  expectFailure("info", 2, "info needs exactly one ID");
  expectFailure("info 2156 --seed bob", 2, "give either an ID or --seed, not both");
  expectFailure("info 2156 --pack /nonexistent/pack", 1, "pack directory /nonexistent/pack: does not exist");
}

TEST_CASE("parts --json is the catalog") {
  for (const std::string& pack : {std::string(), " --pack " + kPack}) {
    INFO(pack);
    const Run r = run("parts --json" + pack);
    REQUIRE(r.status == 0);
    const json doc = json::parse(r.output);
    const Catalog& catalog = pack.empty() ? Pack::embedded().catalog() : Catalog::service();
    CHECK(doc["name"] == (pack.empty() ? Pack::embedded().name() : "pack"));
    CHECK(doc["combinations"] == catalog.combinations());
    CHECK(doc["categories"].size() == 4);
    for (Category c : kEncodingOrder) {
      const json& list = doc["categories"][std::string(categoryName(c))];
      REQUIRE(list.size() == static_cast<std::size_t>(catalog.count(c)));
      for (int i = 0; i < catalog.count(c); ++i) {
        const json& entry = list[static_cast<std::size_t>(i)];
        const Part& part = catalog.part(c, i);
        CHECK(entry["index"] == i);
        CHECK(entry["digit"] == std::string(1, "0123456789abcdefghijklmnopqrstuvwxyz"[i]));
        CHECK(entry["name"] == part.name);
        CHECK(entry["frames"] == part.frames);
        CHECK(entry["kind"] == partKindName(part.kind));
      }
    }
  }
}

TEST_CASE("parts lists every part for people") {
  const Run r = run("parts --pack " + kPack);
  REQUIRE(r.status == 0);
  const Catalog& catalog = Catalog::service();
  for (Category c : kEncodingOrder) {
    CHECK_THAT(r.output,
               Contains("\n" + std::string(categoryName(c)) + " (" + std::to_string(catalog.count(c)) + ")\n"));
    for (const Part& part : catalog.parts(c)) CHECK_THAT(r.output, Contains(" " + part.name + " "));
  }
  CHECK_THAT(r.output, Contains("\n10752 combinations (16 x 8 x 7 x 12)\n"));
  expectFailure("parts 2156", 2, "parts takes no arguments");
}

TEST_CASE("frames prints the library's frames document") {
  const Pack pack = Pack::fromDirectory(kPack);
  const Combo combo = decodeId(pack.catalog(), "2156");
  Run r = run("frames 2156 --pack " + kPack);
  REQUIRE(r.status == 0);
  CHECK(r.output == framesJson(pack, combo) + "\n");

  r = run("frames 2156 --origin http://localhost:8080");
  REQUIRE(r.status == 0);
  JsonOptions local;
  local.origin = "http://localhost:8080";
  CHECK(r.output == framesJson(Pack::embedded(), combo, local) + "\n");

  expectFailure("frames ZZZZ", 2, "invalid ID \"ZZZZ\"");
  expectFailure("frames", 2, "frames needs exactly one ID");
}

TEST_CASE("frames --table shows every tick's offsets and sprite indices") {
  const Pack pack = Pack::fromDirectory(kPack);
  const Timeline expected = timeline(pack, decodeId(pack.catalog(), "2156"));
  const Run r = run("frames 2156 --table --pack " + kPack);
  REQUIRE(r.status == 0);
  const auto rows = lines(r.output);
  REQUIRE(rows.size() == 3 + 16);
  CHECK_THAT(rows[0], StartsWith("2156: " + std::to_string(expected.ticks) + " ticks of 72 ms"));
  for (int t = 0; t < 16; ++t) {
    std::istringstream row(rows[static_cast<std::size_t>(3 + t)]);
    int tick = -1;
    row >> tick;
    CHECK(tick == t);
    for (Category c : {Category::top, Category::heads, Category::eyes, Category::body}) {
      double offset = -1;
      row >> offset;
      CHECK(offset == expected.frames[static_cast<std::size_t>(t)].offset(c));
    }
    std::string bar;
    row >> bar;
    CHECK(bar == "|");
    for (Category c : kEncodingOrder) {
      int sprite = -1;
      row >> sprite;
      CHECK(sprite == expected.frames[static_cast<std::size_t>(t)].spriteIndex(c));
    }
  }
}

TEST_CASE("validate-pack passes a valid pack with a summary") {
  const Run r = run("validate-pack " + kPack);
  CHECK(r.status == 0);
  CHECK(r.output == "pack: valid: 16 eyes, 8 heads, 7 body, 12 top, 10752 combinations\n");
}

TEST_CASE("validate-pack lists every problem and fails") {
  const fs::path dir = scratch("broken-pack");
  fs::remove_all(dir);
  fs::copy(kPack, dir, fs::copy_options::recursive);
  const Catalog& catalog = Catalog::service();
  const std::string missing = "eyes/" + catalog.part(Category::eyes, 3).name + ".png";
  const std::string garbage = "heads/" + catalog.part(Category::heads, 0).name + ".png";
  const std::string wide = "top/" + catalog.part(Category::top, 2).name + ".png";
  fs::remove(dir / missing);
  std::ofstream(dir / garbage) << "not a png";
  const auto wrongSize = encodePng(Image(40, 32).view());
  std::ofstream(dir / wide, std::ios::binary)
      .write(reinterpret_cast<const char*>(wrongSize.data()), static_cast<std::streamsize>(wrongSize.size()));

  const Run r = run("validate-pack " + dir.string());
  CHECK(r.status == 1);
  const auto problems = checkPackDirectory(dir);
  REQUIRE(problems.size() == 3);
  for (const PackProblem& p : problems) {
    CHECK_THAT(r.output, Contains((dir / p.file).generic_string() + ": " + p.problem + "\n"));
  }
  CHECK_THAT(r.output, Contains(dir.generic_string() + "/" + missing + ": missing"));
  CHECK_THAT(r.output, Contains(dir.generic_string() + "/" + garbage + ": cannot decode PNG"));
  CHECK_THAT(r.output, Contains(dir.generic_string() + "/" + wide + ": wrong size 40x32, expected 32x32"));
  CHECK_THAT(r.output, Contains(": 3 problems\n"));

  expectFailure("validate-pack /nonexistent/pack", 1, "pack directory /nonexistent/pack: does not exist");
  expectFailure("validate-pack", 2, "validate-pack needs exactly one pack directory");
}

TEST_CASE("render --random renders some valid ID and says which") {
  const fs::path out = scratch("random.png");
  const Run r = run("render --random -o " + out.string());
  REQUIRE(r.status == 0);
  REQUIRE(r.output.size() >= 4);
  const std::string id = r.output.substr(0, 4);
  CHECK(r.output == id + " -> " + out.string() + "\n");
  CHECK(decodePng(testing::readBytes(out)) ==
        render(Pack::embedded(), decodeId(Catalog::service(), id), RenderOptions{}));
  const Run piped = run("render --random --format png -o - 2>&1 >/dev/null | cat");  // stderr only
  CHECK(piped.status == 0);
  CHECK_THAT(piped.output, Contains(" -> -"));
  expectFailure("render 2156 --random -o -", 2, "give one of an ID, --seed or --random");
}

TEST_CASE("every command answers --help with a usage line and exit 0") {
  for (const std::string& name :
       std::initializer_list<std::string>{"render", "generate", "batch", "info", "parts", "frames", "og", "print",
                                          "sheet", "gallery", "validate-pack", "remote"}) {
    INFO(name);
    const Run r = run(name + " --help");
    CHECK(r.status == 0);
    CHECK_THAT(r.output, StartsWith("usage: pixabots " + name));
  }
}
