// Runs the real `pixabots` binary and checks what it writes and says.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "pixabots/core.hpp"
#include "support/cli_run.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using namespace pixabots::core;
using namespace testing;  // run, Run, scratch, expectFailure, conformancePackDir

namespace {

const std::string kPack = testing::conformancePackDir();

}  // namespace

TEST_CASE("render writes the PNG of the requested options") {
  const fs::path out = scratch("a.png");
  Run r = run("render 2156 --size 100 --hue 200 --saturate 1.5 --bg '#FDE68A' --pack " + kPack + " -o " + out.string());
  REQUIRE(r.status == 0);
  CHECK_THAT(r.output, Catch::Contains("2156 -> "));
  const Pack pack = Pack::fromDirectory(kPack);
  RenderOptions options;
  options.size = 100;
  options.hue = 200;
  options.saturate = 1.5;
  options.bg = Rgb{0xfd, 0xe6, 0x8a};
  CHECK(decodePng(testing::readBytes(out)) == render(pack, decodeId(pack.catalog(), "2156"), options));
}

TEST_CASE("render uses the built-in art by default and accepts --seed") {
  const fs::path out = scratch("seed.png");
  Run r = run("render --seed alice -o " + out.string());
  REQUIRE(r.status == 0);
  CHECK_THAT(r.output, Catch::Contains("3409 -> "));
  CHECK(decodePng(testing::readBytes(out)) ==
        render(Pack::embedded(), decodeId(Catalog::service(), "3409"), RenderOptions{}));
}

TEST_CASE("bad input fails with exit status 2, a clear message and no file") {
  const fs::path out = scratch("bad.png");
  fs::remove(out);
  struct Case {
    std::string args;
    std::string message;
  };
  for (const Case& c :
       {Case{"render ZZZZ", "invalid ID \"ZZZZ\": character 1 is not in [0-9a-z]"},
        Case{"render g000", "eyes index 16 is out of range 0..15"},
        Case{"render 2156 --size 20", "size 20 is out of range: must be an integer between 32 and 1920"},
        Case{"render 2156 --size 12.5", "--size \"12.5\" is not an integer"},
        Case{"render 2156 --saturate 5", "saturate 5 is out of range: must be between 0 and 4"},
        Case{"render 2156 --hue abc", "--hue \"abc\" is not a number"},
        Case{"render 2156 --bg red", "colour \"red\" is not valid: expected #rrggbb"},
        Case{"render 2156 --frobnicate 1", "unknown option --frobnicate"},
        Case{"render", "render needs exactly one ID"}}) {
    expectFailure(c.args + " -o " + out.string(), 2, c.message);
    CHECK_FALSE(fs::exists(out));
  }
  expectFailure("render 2156 -o " + out.string() + " --size", 2, "option --size needs a value");
  CHECK_FALSE(fs::exists(out));
  expectFailure("render 2156", 2, "render needs an output file");
}

TEST_CASE("a broken pack or an unwritable output fails with status 1 and no partial file") {
  const fs::path out = scratch("never.png");
  expectFailure("render 2156 --pack /nonexistent/pack -o " + out.string(), 1, "/nonexistent/pack");
  CHECK_FALSE(fs::exists(out));
  expectFailure("render 2156 -o /nonexistent/dir/x.png", 1, "cannot create /nonexistent/dir/x.png");
}

TEST_CASE("version and help output") {
  Run v = run("--version");
  CHECK(v.status == 0);
  CHECK(v.output == std::string("pixabots ") + PIXABOTS_VERSION_STRING + "\n");
  Run h = run("--help");
  CHECK(h.status == 0);
  CHECK_THAT(h.output, Catch::Contains("usage: pixabots COMMAND"));
  CHECK_THAT(h.output, Catch::Contains("  render          one avatar"));
  const Run renderHelp = run("render --help");
  CHECK(renderHelp.status == 0);
  CHECK_THAT(renderHelp.output, Catch::Contains("usage: pixabots render ID"));
  CHECK(run("paint 2156").status == 2);
  CHECK(run("").status == 2);
}

TEST_CASE("gallery draws every part of a pack at 4x on a labelled grid") {
  const fs::path out = scratch("gallery.png");
  Run r = run("gallery --pack " + kPack + " --bots 8 -o " + out.string());
  REQUIRE(r.status == 0);
  const Image sheet = decodePng(testing::readBytes(out));
  CHECK(sheet.width() == 1200);
  // The first tile (eyes 0) sits below the title and the "eyes" heading.
  const Pack pack = Pack::fromDirectory(kPack);
  RenderOptions big;
  big.size = 128;
  const Image part = renderPart(pack, Category::eyes, 0, 0, big);
  int opaque = 0;
  for (int y = 0; y < 128; ++y) {
    for (int x = 0; x < 128; ++x) {
      const std::uint8_t* p = part.row(y) + x * 4;
      if (p[3] != 255) continue;
      ++opaque;
      REQUIRE(std::equal(p, p + 4, sheet.row(136 + y) + (24 + x) * 4));
    }
  }
  CHECK(opaque > 0);
  expectFailure("gallery --bots 5000 -o " + out.string(), 2, "bots 5000 is out of range 0..1024");
}

TEST_CASE("docs/gallery.png is what `pixabots gallery` draws from the built-in art today") {
  const fs::path out = scratch("fresh_gallery.png");
  REQUIRE(run("gallery -o " + out.string()).status == 0);
  INFO("regenerate it with scripts/gallery.sh");
  CHECK(decodePng(testing::readBytes(out)) == decodePng(testing::readBytes(PIXABOTS_GALLERY)));
}

TEST_CASE("render picks the format from --format or the output's extension") {
  const Pack pack = Pack::fromDirectory(kPack);
  const Combo combo = decodeId(pack.catalog(), "2156");
  RenderOptions options;
  options.size = 64;

  const fs::path svg = scratch("a.svg");
  REQUIRE(run("render 2156 --size 64 --pack " + kPack + " -o " + svg.string()).status == 0);
  CHECK(testing::readText(svg) == renderSvg(pack, combo, options));
  REQUIRE(run("render 2156 --size 64 --compact --pack " + kPack + " -o " + svg.string()).status == 0);
  CHECK(testing::readText(svg) == renderSvg(pack, combo, options, SvgOptions{true}));

  const fs::path json = scratch("a.json");
  REQUIRE(run("render 2156 --size 64 --origin http://x --pack " + kPack + " -o " + json.string()).status == 0);
  JsonOptions local;
  local.origin = "http://x";
  local.size = 64;
  CHECK(testing::readText(json) == metadataJson(pack, combo, local));
  REQUIRE(run("render 2156 --format frames --pack " + kPack + " -o " + json.string()).status == 0);
  CHECK(testing::readText(json) == framesJson(pack, combo));

  expectFailure("render 2156 -o " + scratch("a.bmp").string(), 2, "cannot tell the format from");
  expectFailure("render 2156 --format tiff -o " + svg.string(), 2,
                "--format \"tiff\" is not one of png, apng, gif, webp, svg, sheet, json, frames");
  expectFailure("render 2156 --speed 9 -o " + svg.string(), 2, "speed 9 is out of range: must be between 0.25 and 4");
}

TEST_CASE("render -o - without --format writes PNG, or GIF when animated, as the service answers") {
  const fs::path png = scratch("stdout_ref.png"), gif = scratch("stdout_ref.gif"), out = scratch("stdout.bin");
  REQUIRE(run("render 2156 --size 64 -o " + png.string()).status == 0);
  REQUIRE(run("render 2156 --size 64 --animated -o " + gif.string()).status == 0);
  const std::string cli = PIXABOTS_CLI;
  REQUIRE(runShell(cli + " render 2156 --size 64 -o - > " + out.string()).status == 0);
  CHECK(testing::readBytes(out) == testing::readBytes(png));
  REQUIRE(runShell(cli + " render 2156 --size 64 --animated -o - > " + out.string()).status == 0);
  CHECK(testing::readBytes(out) == testing::readBytes(gif));
  // --format still decides, and a file name still needs a known extension.
  REQUIRE(runShell(cli + " render 2156 --size 64 --format webp -o - > " + out.string()).status == 0);
  RenderOptions options;
  options.size = 64;
  CHECK(testing::readBytes(out) == renderWebp(Pack::embedded(), decodeId(Catalog::service(), "2156"), options));
  expectFailure("render 2156 -o " + scratch("noextension").string(), 2, "cannot tell the format from");
}

TEST_CASE("render writes every animated format and sprite sheets as the library makes them") {
  const Pack pack = Pack::fromDirectory(kPack);
  const Combo combo = decodeId(pack.catalog(), "2156");
  RenderOptions options;
  options.size = 64;
  options.speed = 2;
  const std::string common = "render 2156 --size 64 --speed 2 --pack " + kPack + " -o ";

  const fs::path gif = scratch("a.gif"), webp = scratch("a.webp"), apng = scratch("a.png");
  REQUIRE(run(common + gif.string()).status == 0);
  CHECK(testing::readBytes(gif) == renderGif(pack, combo, options));
  REQUIRE(run(common + webp.string()).status == 0);
  CHECK(testing::readBytes(webp) == renderWebp(pack, combo, options));
  REQUIRE(run(common + apng.string() + " --animated").status == 0);
  CHECK(testing::readBytes(apng) == renderApng(pack, combo, options));

  const fs::path sheet = scratch("sheet.png");
  REQUIRE(run(common + sheet.string() + " --format sheet --columns 4").status == 0);
  SheetOptions grid;
  grid.layout = SheetLayout::grid;
  grid.columns = 4;
  grid.imageName = "sheet.png";
  const SpriteSheetOutput expected = renderSpriteSheet(pack, combo, options, grid);
  CHECK(testing::readBytes(sheet) == expected.png);
  CHECK(testing::readText(scratch("sheet.json")) == expected.json);
  expectFailure(common + scratch("sheet.gif").string() + " --format sheet", 2, "a sprite sheet needs -o NAME.png");
}

TEST_CASE("generate draws the local kinds as render and og do, in builds with or without remote generation") {
  const fs::path generated = scratch("generated.png"), rendered = scratch("rendered.png");
  Run r = run("generate --kind pixabot --id 2156 --size 64 -o " + generated.string());
  REQUIRE(r.status == 0);
  CHECK(r.output == "2156 -> " + generated.string() + "\n");
  REQUIRE(run("render 2156 --size 64 -o " + rendered.string()).status == 0);
  CHECK(testing::readBytes(generated) == testing::readBytes(rendered));

  // --out DIR (created when missing) names the file after the ID and the format.
  const fs::path dir = scratch("generated_dir");
  fs::remove_all(dir);
  r = run("generate --kind pixabot --seed alice --format gif --out " + dir.string());
  REQUIRE(r.status == 0);
  REQUIRE(run("render --seed alice -o " + scratch("alice.gif").string()).status == 0);
  CHECK(testing::readBytes(dir / "3409.gif") == testing::readBytes(scratch("alice.gif")));

  const fs::path card = scratch("generated_og.png"), og = scratch("og_single.png");
  REQUIRE(run("generate --kind og --id 2156 -o " + card.string()).status == 0);
  REQUIRE(run("og --type single --id 2156 -o " + og.string()).status == 0);
  CHECK(testing::readBytes(card) == testing::readBytes(og));

  const fs::path json = scratch("generated_json.png");
  r = run("generate --kind pixabot --id 2156 --json -o " + json.string());
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.output) ==
        nlohmann::json{{"kind", "pixabot"}, {"id", "2156"}, {"files", {json.string()}}});

  expectFailure("generate --id 2156", 2, "generate needs --kind");
  expectFailure("generate --kind pixabot --prompt x", 2, "kind pixabot is drawn locally: --prompt is for remote kinds");
  expectFailure("generate --kind pixabot --id 2156 --seed a", 2, "give an id or a seed, not both");
  expectFailure("generate --kind pixabot --format bmp", 2, "format \"bmp\" is not one of png, gif, webp, svg");
  expectFailure("generate --kind og --format gif", 2, "kind og is a 1200x630 PNG card");
  expectFailure("generate --kind pixabot -o a.png --out d", 2, "give -o FILE or --out DIR, not both");
  // A remote kind never reaches the network unasked: with no provider (or no remote
  // module) it fails and says why.
  const SplitRun remote = runSplit("generate --kind text-to-image --prompt x",
                                   "-u PIXABOTS_PROVIDER -u PIXABOTS_CONFIG -u XDG_CONFIG_HOME HOME=/nonexistent");
  CHECK(remote.status == 1);
  CHECK_THAT(remote.err, Catch::Contains("kind text-to-image needs a remote provider"));
}

#ifndef PIXABOTS_WITH_REMOTE
TEST_CASE("a build without remote generation says so for remote and remote kinds") {
  expectFailure("remote models", 1, "remote generation is not built in");
  expectFailure("generate --kind text-to-image --prompt x", 1, "remote generation is not built in");
}
#endif
