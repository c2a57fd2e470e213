// `pixabots og`, `print` and `sheet`, run as the real binary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "pixabots/core.hpp"
#include "pixabots/core/og.hpp"
#include "support/cli_run.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using namespace pixabots::core;
using namespace testing;  // run, Run, scratch, expectFailure, conformancePackDir

namespace {

const std::string kPack = testing::conformancePackDir();

Image readPng(const fs::path& path) { return decodePng(testing::readBytes(path)); }

Rgb at(const Image& img, int x, int y) {
  const std::uint8_t* p = img.row(y) + static_cast<std::size_t>(x) * 4;
  return {p[0], p[1], p[2]};
}

// True when `page` shows `bot` (flattened on `bg`) with its top-left at (x, y).
bool showsAt(const Image& page, const Image& bot, int x, int y) {
  for (int by = 0; by < bot.height(); ++by) {
    for (int bx = 0; bx < bot.width(); ++bx) {
      if (!(at(page, x + bx, y + by) == at(bot, bx, by))) return false;
    }
  }
  return true;
}

void writeFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A one-part-per-category pack whose only ID, 0000, has a few known pixels.
std::string tinyPack() {
  const fs::path dir = scratch("tiny_pack");
  writeFile(dir / "manifest.json",
            R"({"format": "pixabots-pack", "version": 1, "name": "tiny", "categories": {)"
            R"("eyes": [{"name": "e"}], "heads": [{"name": "h"}], "body": [{"name": "b"}], "top": [{"name": "t"}]}})");
  auto sprite = [&](const std::string& file, std::initializer_list<std::tuple<int, int, Rgb>> pixels) {
    Image img(32, 32);
    for (const auto& [x, y, c] : pixels) {
      std::uint8_t* p = img.row(y) + static_cast<std::size_t>(x) * 4;
      p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = 255;
    }
    const auto png = encodePng(img.view());
    writeFile(dir / file, std::string(png.begin(), png.end()));
  };
  sprite("eyes/e.png", {{0, 0, {255, 0, 0}}, {1, 1, {0, 255, 0}}, {2, 0, {0, 0, 255}}, {2, 1, {255, 255, 255}}});
  sprite("heads/h.png", {{5, 10, {128, 128, 128}}, {6, 10, {10, 200, 90}}});
  sprite("body/b.png", {{31, 31, {255, 255, 0}}});
  sprite("top/t.png", {{4, 4, {255, 255, 0}}});
  return dir.string();
}

std::string blank(int cells) { return std::string(static_cast<std::size_t>(cells), ' ') + "\n"; }

// print's exact output for the tiny pack at 32 px, with `fg`/`bg` building the
// colour parameters ("38;2;r;g;b" or "38;5;n").
std::string expectedPrint(bool truecolor) {
  auto c = [&](int layer, Rgb rgb, int index) {
    return ";" + std::to_string(layer) +
           (truecolor ? ";2;" + std::to_string(rgb.r) + ";" + std::to_string(rgb.g) + ";" + std::to_string(rgb.b)
                      : ";5;" + std::to_string(index));
  };
  const std::string up = "\u2580", down = "\u2584", esc = "\x1b[0";
  std::string out;
  // Rows 0-1: red over nothing, nothing over green, blue over white.
  out += esc + c(38, {255, 0, 0}, 196) + "m" + up + esc + c(38, {0, 255, 0}, 46) + "m" + down + esc +
         c(38, {0, 0, 255}, 21) + c(48, {255, 255, 255}, 231) + "m" + up + "\x1b[0m" + std::string(29, ' ') + "\n";
  out += blank(32);
  out += "    " + esc + c(38, {255, 255, 0}, 226) + "m" + up + "\x1b[0m" + std::string(27, ' ') + "\n";  // rows 4-5
  out += blank(32) + blank(32);
  // Rows 10-11: mid grey is grey 244; (10,200,90) is the cube's (0,215,95) = 41.
  out += "     " + esc + c(38, {128, 128, 128}, 244) + "m" + up + esc + c(38, {10, 200, 90}, 41) + "m" + up +
         "\x1b[0m" + std::string(25, ' ') + "\n";
  for (int i = 6; i < 15; ++i) out += blank(32);
  out += std::string(31, ' ') + esc + c(38, {255, 255, 0}, 226) + "m" + down + "\x1b[0m\n";  // rows 30-31
  return out;
}

}  // namespace

TEST_CASE("og writes the card renderOg draws, for each layout") {
  const fs::path out = scratch("og.png");
  const Pack pack = Pack::fromDirectory(kPack);
  OgOptions options;
  REQUIRE(run("og --pack " + kPack + " -o " + out.string()).status == 0);
  CHECK(readPng(out) == renderOg(pack, options));

  Run r =
      run("og --type compare --ids 2156,3409,0000,1234 --title 'Which one?' --subtitle 'vote now' --bg '#1e293b' "
          "--pack " +
          kPack + " -o " + out.string());
  REQUIRE(r.status == 0);
  CHECK_THAT(r.output, Catch::Contains("og compare -> "));
  options.layout = OgLayout::compare;
  options.bots = {decodeId(pack.catalog(), "2156"), decodeId(pack.catalog(), "3409"), decodeId(pack.catalog(), "0000"),
                  decodeId(pack.catalog(), "1234")};
  options.title = "Which one?";
  options.subtitle = "vote now";
  options.bg = Rgb{0x1e, 0x29, 0x3b};
  const Image compare = readPng(out);
  CHECK(compare == renderOg(pack, options));
  RenderOptions bot;
  bot.size = 245;  // min(380, floor((1040 - 60) / 4))
  bot.bg = options.bg;
  // 1040 px of bots from x 80; the row and the label centred together.
  const int labelHeight = 40 + 12 + 24 + 40 - 3;
  const int top = (630 - (245 + 24 + labelHeight)) / 2;
  for (int i = 0; i < 4; ++i)
    CHECK(showsAt(compare, render(pack, options.bots[static_cast<std::size_t>(i)], bot), 80 + 265 * i, top));

  REQUIRE(run("og --type single --seed alice -o " + out.string()).status == 0);
  OgOptions single;
  single.layout = OgLayout::single;
  single.bots = {decodeId(Catalog::service(), "3409")};  // seededId("alice")
  CHECK(readPng(out) == renderOg(Pack::embedded(), single));
}

TEST_CASE("og cuts the title at 60 characters and the subtitle at 100") {
  const fs::path a = scratch("og_long.png"), b = scratch("og_cut.png");
  REQUIRE(
      run("og --title " + std::string(75, 'W') + " --subtitle " + std::string(130, 's') + " -o " + a.string()).status ==
      0);
  REQUIRE(
      run("og --title " + std::string(60, 'W') + " --subtitle " + std::string(100, 's') + " -o " + b.string()).status ==
      0);
  CHECK(readPng(a) == readPng(b));
}

TEST_CASE("og refuses bad usage with exit status 2") {
  const std::string out = " -o " + scratch("og_bad.png").string();
  expectFailure("og --type mosaic" + out, 2, "og type \"mosaic\" is not valid: expected grid, single or compare");
  expectFailure("og --type compare --ids 2156,2156,2156,2156,2156,2156,2156" + out, 2,
                "og compare takes 1..6 bots, got 7");
  expectFailure("og --type compare" + out, 2, "og compare takes 1..6 bots, got 0");
  expectFailure("og --type single" + out, 2, "og --type single needs --id ID (or --seed TEXT)");
  expectFailure("og --type single --id zzzz" + out, 2, "invalid ID \"zzzz\"");
  expectFailure("og --bg red" + out, 2, "colour \"red\" is not valid");
  expectFailure("og", 2, "og needs an output file");
  expectFailure("og --pack /nonexistent/pack" + out, 1, "/nonexistent/pack");
  Run help = run("og --help");
  CHECK(help.status == 0);
  CHECK_THAT(help.output, Catch::Contains("--type LAYOUT      grid (default): 6x3 bots"));
}

TEST_CASE("print draws half blocks with exact 24-bit escapes, or the nearest of xterm's 256 colours") {
  const std::string pack = tinyPack();
  ::setenv("COLORTERM", "truecolor", 1);
  Run r = run("print 0000 --pack " + pack);
  CHECK(r.status == 0);
  CHECK(r.output == expectedPrint(true));
  ::setenv("COLORTERM", "24bit", 1);
  CHECK(run("print 0000 --pack " + pack).output == expectedPrint(true));
  ::unsetenv("COLORTERM");
  CHECK(run("print 0000 --pack " + pack).output == expectedPrint(false));
  CHECK(run("print 0000 --color truecolor --pack " + pack).output == expectedPrint(true));
  ::setenv("COLORTERM", "truecolor", 1);
  CHECK(run("print 0000 --color 256 --pack " + pack).output == expectedPrint(false));
  ::unsetenv("COLORTERM");
}

TEST_CASE("print sizes, options and errors") {
  // 64 px: 32 lines of 64 cells; --bg makes every cell a two-colour half block.
  Run r = run("print 2156 --size 64 --bg '#000000' --color 256");
  REQUIRE(r.status == 0);
  CHECK(std::count(r.output.begin(), r.output.end(), '\n') == 32);
  CHECK(r.output.find(' ') == std::string::npos);
  expectFailure("print 2156 --size 20", 2, "size 20 is out of range: print takes an integer between 32 and 128");
  expectFailure("print 2156 --size 129", 2, "between 32 and 128");
  expectFailure("print", 2, "print needs exactly one ID");
  expectFailure("print g000", 2, "eyes index 16 is out of range");
  expectFailure("print 2156 --color 16", 2, "--color \"16\" is not valid: expected truecolor or 256");
  expectFailure("print 2156 --saturate 9", 2, "saturate 9 is out of range");
}

TEST_CASE("sheet lays IDs on a grid: 16 px margin and gaps, labels under the bots") {
  const fs::path out = scratch("sheet.png");
  const Pack pack = Pack::fromDirectory(kPack);
  RenderOptions bot;
  bot.size = 32;
  bot.bg = Rgb{0x11, 0x22, 0x33};
  REQUIRE(
      run("sheet 2156 3409 0000 --columns 2 --size 32 --bg '#112233' --pack " + kPack + " -o " + out.string()).status ==
      0);
  Image page = readPng(out);
  CHECK(page.width() == 16 + 32 + 16 + 32 + 16);
  CHECK(page.height() == 16 + 32 + 16 + 32 + 16);
  CHECK(showsAt(page, render(pack, decodeId(pack.catalog(), "2156"), bot), 16, 16));
  CHECK(showsAt(page, render(pack, decodeId(pack.catalog(), "3409"), bot), 64, 16));
  CHECK(showsAt(page, render(pack, decodeId(pack.catalog(), "0000"), bot), 16, 64));
  CHECK(at(page, 64 + 16, 64 + 16) == *bot.bg);  // the empty fourth cell

  // Labels at 1x under 32 px bots: 4 px gap + 8 px of text per row.
  REQUIRE(
      run("sheet 2156 3409 0000 --columns 2 --size 32 --labels --bg '#112233' --pack " + kPack + " -o " + out.string())
          .status == 0);
  page = readPng(out);
  CHECK(page.height() == 16 + 44 + 16 + 44 + 16);
  CHECK(showsAt(page, render(pack, decodeId(pack.catalog(), "0000"), bot), 16, 16 + 44 + 16));
  // "2156" is 23 px wide, centred under bot 0 from x 16 + 4; '2' row 0 is " ### ".
  CHECK(at(page, 16 + 4 + 1, 16 + 32 + 4) == (Rgb{0x80, 0x80, 0x80}));
  CHECK(at(page, 16 + 4, 16 + 32 + 4) == *bot.bg);

  // IDs from a file, or N picked by a seed (the og grid's picker).
  const fs::path list = scratch("ids.txt");
  writeFile(list, "2156, 3409\n0000\n");
  const fs::path fromFile = scratch("sheet_file.png"), fromArgs = scratch("sheet_args.png");
  REQUIRE(run("sheet --ids-file " + list.string() + " -o " + fromFile.string()).status == 0);
  REQUIRE(run("sheet 2156 3409 0000 -o " + fromArgs.string()).status == 0);
  CHECK(readPng(fromFile) == readPng(fromArgs));
  REQUIRE(run("sheet --count 5 --seed team --size 64 -o " + out.string()).status == 0);
  page = readPng(out);
  CHECK(page.width() == 2 * 16 + 5 * 64 + 4 * 16);
  RenderOptions seeded;
  seeded.size = 64;
  const auto combos = seededCombos(Catalog::service(), "team", 5);
  CHECK(showsAt(page, render(Pack::embedded(), combos[4], seeded), 16 + 4 * 80, 16));
}

TEST_CASE("sheet refuses bad usage with exit status 2") {
  const std::string out = " -o " + scratch("sheet_bad.png").string();
  expectFailure("sheet" + out, 2, "sheet needs IDs from one source");
  expectFailure("sheet 2156 --count 3" + out, 2, "sheet needs IDs from one source");
  expectFailure("sheet --count 0" + out, 2, "--count 0 is out of range 1..1024");
  expectFailure("sheet 2156 --seed x" + out, 2, "--seed goes with --count N");
  expectFailure("sheet 2156 --columns 0" + out, 2, "columns 0 is out of range 1..64");
  expectFailure("sheet 2156 --size 1000" + out, 2, "size 1000 is out of range 32..512");
  expectFailure("sheet 2156 zzzz" + out, 2, "invalid ID \"zzzz\"");
  expectFailure("sheet --count 1024 --seed x --columns 64 --size 512" + out, 2, "at most 16384 a side");
  expectFailure("sheet --ids-file /nonexistent/ids.txt" + out, 1,
                "cannot read /nonexistent/ids.txt: No such file or directory");
  expectFailure("sheet 2156", 2, "sheet needs an output file");
}
