#include <catch2/catch.hpp>
#include <png.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/pack.hpp"
#include "pack/embedded_art.hpp"
#include "support/files.hpp"
#include "support/png_build.hpp"
#include "support/sprite_files.hpp"

using namespace pixabots::core;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Reference PNG codec for the tests: libpng's simplified API, independent of
// the library's own decoder so the two check each other.
struct RefImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};

RefImage refDecode(const std::vector<std::uint8_t>& bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  REQUIRE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()) != 0);
  image.format = PNG_FORMAT_RGBA;
  RefImage out{static_cast<int>(image.width), static_cast<int>(image.height),
               std::vector<std::uint8_t>(PNG_IMAGE_SIZE(image))};
  REQUIRE(png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr) != 0);
  return out;
}

std::vector<std::uint8_t> refEncode(int width, int height, const std::vector<std::uint8_t>& rgba) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGBA;
  png_alloc_size_t size = 0;
  REQUIRE(png_image_write_to_memory(&image, nullptr, &size, 0, rgba.data(), 0, nullptr) != 0);
  std::vector<std::uint8_t> out(size);
  REQUIRE(png_image_write_to_memory(&image, out.data(), &size, 0, rgba.data(), 0, nullptr) != 0);
  out.resize(size);
  return out;
}

// A sheet whose frame f is filled with colour (f*16, 255-f, 7, 255), so a test
// can tell frames apart after they are rearranged.
std::vector<std::uint8_t> sheetPng(int frames, int width = -1, int height = 32) {
  if (width < 0) width = frames * 32;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const auto f = static_cast<std::uint8_t>(x / 32);
      std::uint8_t* p =
          rgba.data() +
          (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
      p[0] = static_cast<std::uint8_t>(f * 16);
      p[1] = static_cast<std::uint8_t>(255 - f);
      p[2] = 7;
      p[3] = 255;
    }
  }
  return refEncode(width, height, rgba);
}

// Rewrites the IHDR's width and its CRC: a tiny file that claims a huge image.
std::vector<std::uint8_t> claimWidth(std::vector<std::uint8_t> png, std::uint32_t width) {
  REQUIRE(png.size() > 33);
  for (int i = 0; i < 4; ++i) png[16 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(width >> (24 - 8 * i));
  const auto crc = crc32(0, png.data() + 12, 17);  // chunk type + 13 data bytes
  for (int i = 0; i < 4; ++i) png[29 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(crc >> (24 - 8 * i));
  return png;
}

std::vector<std::uint8_t> bytesOf(const std::string& s) { return {s.begin(), s.end()}; }

// A pack held in memory that tests edit before loading.
struct MemPack {
  std::map<std::string, std::vector<std::uint8_t>> files;

  static MemPack conformance() {
    MemPack pack;
    const fs::path root = testing::dataPath("conformance/pack");
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) {
        pack.files[fs::relative(entry.path(), root).generic_string()] = testing::readBytes(entry.path());
      }
    }
    return pack;
  }

  // Every part of the manifest's categories gets a well-formed sheet.
  static MemPack withManifest(const json& manifest) {
    MemPack pack;
    pack.files["manifest.json"] = bytesOf(manifest.dump());
    for (const auto& [category, parts] : manifest["categories"].items()) {
      for (const auto& part : parts) {
        pack.files[category + "/" + part["name"].get<std::string>() + ".png"] = sheetPng(part.value("frames", 1));
      }
    }
    return pack;
  }

  Pack load(const PackLimits& limits = {}, std::string_view origin = "mem") const {
    std::vector<PackFile> view;
    for (const auto& [path, bytes] : files) view.push_back(PackFile{path, bytes});
    return Pack::fromFiles(view, limits, origin);
  }
};

json partJson(const std::string& name, int frames = 1) {
  json p = {{"name", name}};
  if (frames != 1) p["frames"] = frames;
  return p;
}

json tinyManifest() {
  return {{"format", "pixabots-pack"},
          {"version", 1},
          {"name", "tiny"},
          {"license", "CC0-1.0"},
          {"categories",
           {{"eyes", {partJson("dot"), partJson("wink", 2)}},
            {"heads", {partJson("round")}},
            {"body", {partJson("plain")}},
            {"top", {partJson("none")}}}}};
}

// The message of the Error `f` throws, after checking its code.
std::string errorOf(const std::function<void()>& f, Errc code = Errc::invalid_pack) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == code);
    return e.what();
  }
  FAIL("no pixabots::core::Error was thrown");
  return {};
}

std::string manifestError(const json& manifest) {
  MemPack pack;
  pack.files["manifest.json"] = bytesOf(manifest.dump());
  return errorOf([&] { pack.load({}, ""); });
}

std::string manifestError(const std::string& text) {
  MemPack pack;
  pack.files["manifest.json"] = bytesOf(text);
  return errorOf([&] { pack.load({}, ""); });
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("pixabots-pack-test-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  void write(const MemPack& pack) const {
    for (const auto& [name, bytes] : pack.files) {
      fs::create_directories((path_ / name).parent_path());
      std::ofstream(path_ / name, std::ios::binary)
          .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
  }

 private:
  fs::path path_;
};

}  // namespace

TEST_CASE("the conformance pack loads with the service catalog") {
  const Pack pack = Pack::fromDirectory(testing::dataPath("conformance/pack"));
  CHECK(pack.catalog() == Catalog::service());
  CHECK(pack.name() == "pack");
  for (Category c : kEncodingOrder) {
    for (int i = 0; i < pack.catalog().count(c); ++i) {
      CHECK(pack.sheet(c, i).frames() == pack.catalog().part(c, i).frames);
    }
  }
  CHECK(pack.sheet(Category::eyes, 13).frames() == 8);  // visor
  CHECK(pack.sheet(Category::eyes, 1).frames() == 16);  // cheeky-terminal
  CHECK(pack.sheet(Category::heads, 0).frames() == 1);  // ac
}

TEST_CASE("sheets hold the PNG's pixels frame by frame") {
  const Pack pack = Pack::fromDirectory(testing::dataPath("conformance/pack"));
  struct Sample {
    Category category;
    const char* name;
  };
  for (const Sample s :
       {Sample{Category::eyes, "visor"}, Sample{Category::eyes, "glasses"}, Sample{Category::heads, "blob"},
        Sample{Category::top, "antenna"}, Sample{Category::body, "fire"}}) {
    INFO(s.name);
    const int index = pack.catalog().find(s.category, s.name);
    REQUIRE(index >= 0);
    const SpriteSheet& sheet = pack.sheet(s.category, index);
    const RefImage ref = refDecode(testing::readBytes(
        testing::dataPath("conformance/pack/" + std::string(categoryName(s.category)) + "/" + s.name + ".png")));
    REQUIRE(ref.width == sheet.frames() * 32);
    REQUIRE(ref.height == 32);
    int opaque = 0;
    for (int f = 0; f < sheet.frames(); ++f) {
      for (int y = 0; y < 32; ++y) {
        for (int x = 0; x < 32; ++x) {
          const std::uint8_t* got = sheet.frame(f) + (y * 32 + x) * 4;
          const std::uint8_t* want =
              ref.rgba.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(ref.width) +
                                 static_cast<std::size_t>(f * 32 + x)) *
                                    4;
          if (want[3] == 0) {  // transparent pixels are normalised to (0,0,0,0)
            REQUIRE(got[0] == 0);
            REQUIRE(got[1] == 0);
            REQUIRE(got[2] == 0);
            REQUIRE(got[3] == 0);
          } else {
            opaque += want[3] == 255;
            REQUIRE(std::vector<int>(got, got + 4) == std::vector<int>(want, want + 4));
          }
        }
      }
    }
    CHECK(opaque > 0);  // the comparison saw real pixels
  }
}

TEST_CASE("fromFiles and fromDirectory build the same pack") {
  const Pack fromDir = Pack::fromDirectory(testing::dataPath("conformance/pack"));
  const Pack inMemory = MemPack::conformance().load({}, "somewhere/pack");
  CHECK(inMemory == fromDir);
}

TEST_CASE("pack names come from the manifest, else the origin's base name, else \"pack\"") {
  CHECK(MemPack::conformance().load({}, "").name() == "pack");
  CHECK(MemPack::conformance().load({}, "packs/robots/").name() == "robots");
  CHECK(MemPack::conformance().load({}, "robots").name() == "robots");
  CHECK(MemPack::withManifest(tinyManifest()).load({}, "packs/robots").name() == "tiny");
  json unnamed = tinyManifest();
  unnamed.erase("name");
  CHECK(MemPack::withManifest(unnamed).load({}, "packs/robots").name() == "robots");
  CHECK(Pack::fromDirectory(testing::dataPath("conformance/pack/")).name() == "pack");
}

TEST_CASE("files the catalog does not name are ignored") {
  MemPack pack = MemPack::conformance();
  pack.files["README.md"] = bytesOf("notes");
  pack.files["eyes/draft.png"] = bytesOf("not even a png");
  pack.files["hats/cap.png"] = sheetPng(1);
  CHECK(pack.load() == MemPack::conformance().load());
}

TEST_CASE("pack errors name the file and the problem") {
  MemPack pack = MemPack::conformance();

  SECTION("missing file") {
    pack.files.erase("eyes/visor.png");
    const auto msg = errorOf([&] { pack.load(); });
    CHECK_THAT(msg, Contains("mem/eyes/visor.png: missing") && Contains("\"visor\"") && Contains("256x32"));
  }
  SECTION("wrong width") {
    pack.files["heads/ac.png"] = sheetPng(1, 33);
    CHECK(errorOf([&] { pack.load(); }) ==
          "mem/heads/ac.png: wrong size 33x32, expected 32x32: a sheet is 32 px high and 32 px wide per frame (1 "
          "frame)");
  }
  SECTION("wrong height") {
    pack.files["heads/ac.png"] = sheetPng(1, 32, 31);
    CHECK(errorOf([&] { pack.load(); }) ==
          "mem/heads/ac.png: wrong size 32x31, expected 32x32: a sheet is 32 px high and 32 px wide per frame (1 "
          "frame)");
    // Not "larger than the 2048x32 limit": the sheet's own rule.
    pack.files["eyes/glasses.png"] = sheetPng(2, 64, 33);
    pack.files["heads/ac.png"] = sheetPng(1);
    CHECK(errorOf([&] { pack.load(); }) ==
          "mem/eyes/glasses.png: wrong size 64x33, expected 64x32: a sheet is 32 px high and 32 px wide per frame (2 "
          "frames)");
  }
  SECTION("frame count mismatch") {
    pack.files["eyes/visor.png"] = sheetPng(4);
    CHECK_THAT(
        errorOf([&] { pack.load(); }),
        Contains(
            R"(mem/eyes/visor.png: holds 4 frames (128x32) but the catalog says eyes part "visor" has 8 (256x32))"));
  }
  SECTION("not a PNG") {
    pack.files["top/bulb.png"] = bytesOf("GIF89a, honestly");
    CHECK_THAT(errorOf([&] { pack.load(); }), Contains("mem/top/bulb.png: cannot decode PNG: "));
  }
  SECTION("truncated PNG") {
    auto& bytes = pack.files["body/tank.png"];
    bytes.resize(bytes.size() / 2);
    CHECK_THAT(errorOf([&] { pack.load(); }), Contains("mem/body/tank.png: cannot decode PNG: "));
  }
  SECTION("empty file") {
    pack.files["body/tank.png"].clear();
    CHECK_THAT(errorOf([&] { pack.load(); }), Contains("mem/body/tank.png: cannot decode PNG: "));
  }
  SECTION("file over maxFileBytes") {
    pack.files["eyes/visor.png"].resize((1u << 20) + 1);  // refused on size alone, before decoding
    CHECK_THAT(errorOf([&] { pack.load(); }),
               Contains("mem/eyes/visor.png: too big: 1048577 bytes, the limit is 1048576"));
  }
  SECTION("a PNG claiming 100000x32 is refused from its header, before decoding") {
    pack.files["heads/box.png"] = claimWidth(sheetPng(1), 100000);
    CHECK(errorOf([&] { pack.load(); }) ==
          R"(mem/heads/box.png: holds 3125 frames (100000x32) but the catalog says heads part "box" has 1 (32x32))");
  }
  SECTION("a part with more frames than the limits allow") {
    PackLimits limits;
    limits.maxFramesPerSheet = 4;
    CHECK_THAT(errorOf([&] { pack.load(limits); }),
               Contains("mem/eyes/cheeky-terminal.png: eyes part \"cheeky-terminal\" has 16 frames, "
                        "more than the limit of 4"));
  }
  SECTION("a path given twice") {
    std::vector<PackFile> files;
    for (const auto& [path, bytes] : pack.files) files.push_back(PackFile{path, bytes});
    files.push_back(files.front());
    CHECK_THAT(errorOf([&] { Pack::fromFiles(files, {}, "mem"); }), Contains(": appears twice"));
  }
}

TEST_CASE("hostile sheets are refused, naming the file and the limit") {
  MemPack pack = MemPack::withManifest(tinyManifest());
  SECTION("a sheet whose image data inflates to 1000 MiB") {
    // Under maxFileBytes, so it reaches the decoder; the message naming the
    // header's size shows inflating stopped there.
    pack.files["eyes/wink.png"] = testing::pngFile(64, 32, 8, PNG_COLOR_TYPE_RGBA, testing::zerosStream(1000));
    REQUIRE(pack.files["eyes/wink.png"].size() <= PackLimits{}.maxFileBytes);
    CHECK(errorOf([&] { pack.load(); }) ==
          "mem/eyes/wink.png: cannot decode PNG: corrupt PNG: the image data inflates to more than 8224 bytes, the "
          "size of a 64x32 8-bit RGBA image (its IHDR); inflating stopped there");
  }
  SECTION("a palette index past the palette") {
    std::vector<std::uint8_t> raw;
    for (int y = 0; y < 32; ++y) {
      raw.push_back(0);
      raw.insert(raw.end(), 32, static_cast<std::uint8_t>(y == 31 ? 3 : 0));
    }
    pack.files["heads/round.png"] =
        testing::pngFile(32, 32, 8, PNG_COLOR_TYPE_PALETTE, testing::zlibOf(raw), {0, 0, 0, 255, 255, 255});
    CHECK(errorOf([&] { pack.load(); }) ==
          "mem/heads/round.png: cannot decode PNG: corrupt PNG: pixel (0, 31) uses palette index 3 but PLTE has 2 "
          "entries (indices 0..1)");
  }
}

TEST_CASE("nothing but whitespace may follow the manifest's JSON") {
  MemPack pack = MemPack::withManifest(tinyManifest());
  std::vector<std::uint8_t>& manifest = pack.files["manifest.json"];
  const std::size_t end = manifest.size();
  SECTION("whitespace") {
    manifest.insert(manifest.end(), {' ', '\n', '\t', '\r', '\n'});
    CHECK(pack.load().name() == "tiny");
  }
  SECTION("a NUL byte and garbage") {
    manifest.insert(manifest.end(), {'\n', 0, 'g', 'a', 'r', 'b', 'a', 'g', 'e', 0xff});
    CHECK(errorOf([&] { pack.load(); }) == "mem/manifest.json: trailing bytes after the JSON, from offset " +
                                               std::to_string(end + 1) + " (0x00): only whitespace may follow it");
  }
  SECTION("a second object") {
    manifest.insert(manifest.end(), {' ', '{', '}'});
    CHECK(errorOf([&] { pack.load(); }) == "mem/manifest.json: trailing bytes after the JSON, from offset " +
                                               std::to_string(end + 1) + " ('{'): only whitespace may follow it");
  }
  SECTION("brackets inside strings do not end the JSON") {
    json m = tinyManifest();
    m["name"] = R"(a "}" and \ ]})";
    pack.files["manifest.json"] = bytesOf(m.dump() + "}");
    CHECK(errorOf([&] { pack.load(); }) == "mem/manifest.json: trailing bytes after the JSON, from offset " +
                                               std::to_string(m.dump().size()) +
                                               " ('}'): only whitespace may follow it");
  }
  SECTION("a NUL inside the JSON is a syntax error") {
    pack.files["manifest.json"] = bytesOf(std::string(R"({"format": "pixabots-pack",)") + '\0' + "}");
    CHECK_THAT(errorOf([&] { pack.load(); }), Contains("mem/manifest.json: malformed JSON: parse error at line 1"));
  }
}

TEST_CASE("errors without an origin name the file as it is in the pack") {
  MemPack pack = MemPack::conformance();
  pack.files.erase("top/spikes.png");
  CHECK_THAT(errorOf([&] { pack.load({}, ""); }), Catch::Matchers::StartsWith("top/spikes.png: missing"));
}

TEST_CASE("a manifest defines the catalog") {
  const Pack pack = MemPack::withManifest(tinyManifest()).load();
  const Catalog& c = pack.catalog();
  CHECK(c.count(Category::eyes) == 2);
  CHECK(c.count(Category::heads) == 1);
  CHECK(c.part(Category::eyes, 0) == Part{"dot", 1, PartKind::still});
  CHECK(c.part(Category::eyes, 1) == Part{"wink", 2, PartKind::sequence});  // default for > 1 frame
  CHECK(pack.sheet(Category::eyes, 1).frames() == 2);
  CHECK(pack.sheet(Category::eyes, 1).frame(1)[0] == 16);  // frame 1's colour, not frame 0's

  SECTION("kinds") {
    json m = tinyManifest();
    m["categories"]["eyes"] = {{{"name", "a"}, {"kind", "static"}},
                               {{"name", "b"}, {"frames", 2}, {"kind", "blink"}},
                               {{"name", "c"}, {"frames", 64}, {"kind", "sequence"}}};
    const Pack kinds = MemPack::withManifest(m).load();
    const Catalog& k = kinds.catalog();
    CHECK(k.part(Category::eyes, 0).kind == PartKind::still);
    CHECK(k.part(Category::eyes, 1).kind == PartKind::blink);
    CHECK(k.part(Category::eyes, 2) == Part{"c", 64, PartKind::sequence});
  }
  SECTION("36 parts in a category, frame-major storage") {
    json m = tinyManifest();
    json eyes = json::array();
    for (int i = 0; i < 36; ++i) eyes.push_back(partJson("part-" + std::to_string(i), 1 + i % 5));
    m["categories"]["eyes"] = eyes;
    const Pack big = MemPack::withManifest(m).load();
    REQUIRE(big.catalog().count(Category::eyes) == 36);
    const SpriteSheet& s = big.sheet(Category::eyes, 34);  // 5 frames
    REQUIRE(s.frames() == 5);
    for (int f = 0; f < 5; ++f) {
      for (int px = 0; px < 32 * 32; ++px) {
        REQUIRE(s.frame(f)[px * 4] == f * 16);
        REQUIRE(s.frame(f)[px * 4 + 1] == 255 - f);
      }
    }
  }
}

TEST_CASE("manifest errors name the JSON path and the problem") {
  json m = tinyManifest();
  auto& eyes = m["categories"]["eyes"];

  SECTION("malformed JSON reports the parser's position") {
    CHECK_THAT(manifestError(std::string(R"({"format": "pixabots-pack",)")),
               Contains("manifest.json: malformed JSON: ") && Contains("line 1, column 28"));
    CHECK_THAT(manifestError(std::string("")), Contains("manifest.json: malformed JSON: "));
    CHECK_THAT(manifestError(std::string("{\"name\": \"\xff\"}")), Contains("malformed JSON"));
    // nlohmann reports an overflowing number as out_of_range, not parse_error (found by fuzzing).
    CHECK_THAT(manifestError(std::string(R"({"format": 1e999})")),
               Contains("manifest.json: malformed JSON: number overflow"));
    CHECK(manifestError(std::string(R"({"format": 1)") + std::string(5000, '0') + "e999}").size() < 300);
  }
  SECTION("top level not an object") {
    CHECK_THAT(manifestError(json::array()), Contains("manifest.json: the top level must be an object"));
  }
  SECTION("wrong format") {
    m["format"] = "pixabots";
    CHECK_THAT(manifestError(m), Contains(R"(manifest.json: format must be "pixabots-pack", got "pixabots")"));
    m.erase("format");
    CHECK_THAT(manifestError(m), Contains("manifest.json: format is required"));
  }
  SECTION("wrong version") {
    for (const json& v : {json(2), json("1"), json(1.0), json(-1)}) {
      m["version"] = v;
      CHECK_THAT(manifestError(m), Contains("manifest.json: version must be 1") && Contains(v.dump()));
    }
    m.erase("version");
    CHECK_THAT(manifestError(m), Contains("version is required"));
  }
  SECTION("name and license") {
    m["name"] = "";
    CHECK_THAT(manifestError(m), Contains("manifest.json: name must be a non-empty string"));
    m["name"] = "ok";
    m["license"] = 3;
    CHECK_THAT(manifestError(m), Contains("manifest.json: license must be a non-empty string"));
  }
  SECTION("missing category") {
    m["categories"].erase("heads");
    CHECK_THAT(manifestError(m), Contains("manifest.json: categories.heads is required"));
  }
  SECTION("extra category") {
    m["categories"]["hats"] = json::array({partJson("cap")});
    CHECK_THAT(manifestError(m), Contains(R"(manifest.json: categories has an unknown key "hats")"));
  }
  SECTION("empty category") {
    m["categories"]["top"] = json::array();
    CHECK_THAT(manifestError(m), Contains("manifest.json: categories.top must hold 1..36 parts") && Contains("got 0"));
  }
  SECTION("category not an array") {
    m["categories"]["top"] = partJson("x");
    CHECK_THAT(manifestError(m), Contains("manifest.json: categories.top must be an array"));
  }
  SECTION("37 parts") {
    eyes = json::array();
    for (int i = 0; i < 37; ++i) eyes.push_back(partJson(std::string("p").append(std::to_string(i))));
    CHECK_THAT(manifestError(m),
               Contains("manifest.json: categories.eyes must hold 1..36 parts") && Contains("got 37"));
  }
  SECTION("duplicate names") {
    eyes.push_back(partJson("dot"));
    CHECK_THAT(manifestError(m),
               Contains(R"(manifest.json: categories.eyes[2].name "dot" repeats categories.eyes[0].name)"));
  }
  SECTION("bad frames") {
    for (const json& v :
         {json("x"), json(0), json(65), json(1.5), json(-3), json(nullptr), json(18446744073709551615ull)}) {
      eyes[1]["frames"] = v;
      CHECK_THAT(manifestError(m),
                 Contains("manifest.json: categories.eyes[1].frames must be an integer 1..64, got " + v.dump()));
    }
  }
  SECTION("bad kind") {
    eyes[1]["kind"] = "loop";
    CHECK_THAT(
        manifestError(m),
        Contains(R"(manifest.json: categories.eyes[1].kind must be one of "static", "blink", "sequence", got "loop")"));
    eyes[1]["kind"] = 3;
    CHECK_THAT(manifestError(m), Contains("categories.eyes[1].kind must be one of"));
  }
  SECTION("kind that does not fit the frame count") {
    eyes[1]["frames"] = 8;
    eyes[1]["kind"] = "blink";
    CHECK_THAT(manifestError(m),
               Contains(R"(categories.eyes[1].kind "blink" needs 2 frames)") && Contains("got frames 8"));
    eyes[1]["kind"] = "static";
    CHECK_THAT(manifestError(m), Contains(R"(categories.eyes[1].kind "static" needs 1 frame)"));
    eyes[0]["kind"] = "sequence";
    CHECK_THAT(manifestError(m), Contains(R"(categories.eyes[0].kind "sequence" needs 2..64 frames)"));
  }
  SECTION("bad name characters") {
    for (const json& v : {json("Big"), json("big face"), json("a/b"), json("../x"), json(""),
                          json(std::string(65, 'a')), json(7), json("caf\xc3\xa9")}) {
      eyes[0]["name"] = v;
      CHECK_THAT(manifestError(m),
                 Contains("manifest.json: categories.eyes[0].name must be 1..64 characters of a-z, 0-9 and '-'"));
    }
    eyes[0].erase("name");
    CHECK_THAT(manifestError(m), Contains("manifest.json: categories.eyes[0].name is required"));
  }
  SECTION("unknown keys") {
    m["author"] = "me";
    CHECK_THAT(manifestError(m), Contains(R"(manifest.json: the top level has an unknown key "author")"));
    m.erase("author");
    eyes[1]["colour"] = "red";
    CHECK_THAT(
        manifestError(m),
        Contains(R"(manifest.json: categories.eyes[1] has an unknown key "colour"; allowed: name, frames, kind)"));
  }
  SECTION("duplicate keys") {
    CHECK_THAT(
        manifestError(std::string(
            R"({"format": "pixabots-pack", "version": 1, "categories": {"eyes": [{"name": "a", "frames": 1, "frames": 8}]}})")),
        Contains("manifest.json: categories.eyes[0].frames appears twice"));
  }
  SECTION("deep nesting") {
    CHECK_THAT(manifestError(std::string(R"({"format": )") + std::string(100000, '[')),
               Contains("manifest.json: format") && Contains("nests deeper than"));
  }
  SECTION("long values are cut short in messages") {
    m["format"] = std::string(100000, 'x');
    CHECK(manifestError(m).size() < 200);
  }
  SECTION("manifest over maxFileBytes") {
    MemPack pack = MemPack::withManifest(tinyManifest());
    PackLimits limits;
    limits.maxFileBytes = 10;
    CHECK_THAT(errorOf([&] { pack.load(limits, "p"); }), Contains("p/manifest.json: too big"));
  }
}

TEST_CASE("a manifest's catalog decides which sheets are needed") {
  MemPack pack = MemPack::withManifest(tinyManifest());
  pack.files["eyes/wink.png"] = sheetPng(1);
  CHECK_THAT(
      errorOf([&] { pack.load(); }),
      Contains(R"(mem/eyes/wink.png: holds 1 frame (32x32) but the catalog says eyes part "wink" has 2 (64x32))"));
}

TEST_CASE("fromDirectory reads a pack from disk") {
  TempDir dir;
  MemPack pack = MemPack::withManifest(tinyManifest());
  dir.write(pack);
  CHECK(Pack::fromDirectory(dir.path()) == pack.load());

  SECTION("errors carry the directory") {
    fs::remove(dir.path() / "heads/round.png");
    CHECK_THAT(errorOf([&] { Pack::fromDirectory(dir.path()); }),
               Contains(dir.path().generic_string() + "/heads/round.png: missing"));
  }
  SECTION("a directory where a sheet should be") {
    fs::remove(dir.path() / "heads/round.png");
    fs::create_directory(dir.path() / "heads/round.png");
    CHECK_THAT(errorOf([&] { Pack::fromDirectory(dir.path()); }), Contains("/heads/round.png: not a regular file"));
  }
  SECTION("size is checked before reading") {
    PackLimits limits;
    limits.maxFileBytes = 50;
    std::ofstream(dir.path() / "manifest.json", std::ios::app) << std::string(100, ' ');
    CHECK_THAT(errorOf([&] { Pack::fromDirectory(dir.path(), limits); }), Contains("/manifest.json: too big"));
  }
  SECTION("bad manifest") {
    std::ofstream(dir.path() / "manifest.json", std::ios::trunc) << "{";
    CHECK_THAT(errorOf([&] { Pack::fromDirectory(dir.path()); }),
               Contains(dir.path().generic_string() + "/manifest.json: malformed JSON"));
  }
  SECTION("without a manifest, the pack is named after the directory") {
    TempDir plain;
    plain.write(MemPack::conformance());
    CHECK(Pack::fromDirectory(plain.path()).name() == plain.path().filename().string());
  }
}

TEST_CASE("fromDirectory refuses what is not a directory") {
  TempDir dir;
  CHECK_THAT(errorOf([&] { Pack::fromDirectory(dir.path() / "nope"); }, Errc::io), Contains("/nope: does not exist"));
  std::ofstream(dir.path() / "file") << "x";
  CHECK_THAT(errorOf([&] { Pack::fromDirectory(dir.path() / "file"); }, Errc::io), Contains("/file: not a directory"));
}

TEST_CASE("Pack::sheet refuses parts that do not exist") {
  const Pack pack = MemPack::withManifest(tinyManifest()).load();
  CHECK_THAT(errorOf([&] { (void)pack.sheet(Category::eyes, 2); }, Errc::invalid_id),
             Contains("eyes part 2 does not exist: must be 0..1"));
  CHECK_THAT(errorOf([&] { (void)pack.sheet(Category::top, -1); }, Errc::invalid_id),
             Contains("top part -1 does not exist"));
}

TEST_CASE("the embedded pack is sprites/ compiled in") {
  const Pack& embedded = Pack::embedded();
  CHECK(embedded == Pack::fromDirectory(PIXABOTS_SPRITES_DIR));
  CHECK(&Pack::embedded() == &embedded);
  // Our art names exactly the service's parts, so an ID means the same bot everywhere.
  CHECK(embedded.catalog() == Catalog::service());
  CHECK(embedded.name() == "pixabots-original");
}

// The art is decoded at build time; these are the pixels decoding sprites/'s
// PNGs gives today, through both PNG paths (directory and memory), frame by
// frame so that a difference names the part and frame.
TEST_CASE("every embedded sprite frame is the decoded PNG's, byte for byte") {
  const Pack& embedded = Pack::embedded();
  const testing::SpriteFiles sprites = testing::readSpriteFiles(PIXABOTS_SPRITES_DIR);
  const Pack fromDirectory = Pack::fromDirectory(PIXABOTS_SPRITES_DIR);
  const Pack fromFiles = Pack::fromFiles(sprites.files(), {}, "sprites");
  for (const Pack* decoded : {&fromDirectory, &fromFiles}) {
    REQUIRE(decoded->catalog() == embedded.catalog());
    REQUIRE(decoded->name() == embedded.name());
    int frames = 0;
    for (Category c : kEncodingOrder) {
      for (int i = 0; i < embedded.catalog().count(c); ++i) {
        const SpriteSheet& want = decoded->sheet(c, i);
        const SpriteSheet& got = embedded.sheet(c, i);
        REQUIRE(got.frames() == want.frames());
        for (int f = 0; f < got.frames(); ++f) {
          INFO(categoryName(c) << "/" << embedded.catalog().part(c, i).name << " frame " << f);
          CHECK(std::memcmp(got.frame(f), want.frame(f), kFrameBytes) == 0);
          ++frames;
        }
      }
    }
    CHECK(frames == 88);  // every frame of sprites/ was compared
  }
}

TEST_CASE("the embedded pack's frames are the compiled-in data, not copies") {
  const detail::EmbeddedArt& art = detail::embeddedArt();
  const Pack& embedded = Pack::embedded();
  CHECK(embedded.name() == art.name);
  for (Category c : kEncodingOrder) {
    const auto parts = art.parts[static_cast<std::size_t>(c)];
    REQUIRE(static_cast<int>(parts.size()) == embedded.catalog().count(c));
    for (std::size_t i = 0; i < parts.size(); ++i) {
      INFO(categoryName(c) << "/" << parts[i].name);
      CHECK(embedded.sheet(c, static_cast<int>(i)).frame(0) == parts[i].pixels);
    }
  }
}

// A sheet is equal to another by its frames, owned or borrowed.
TEST_CASE("sprite sheets compare by pixels, wherever they are held") {
  const std::vector<std::uint8_t> pixels(kFrameBytes * 2, 7);
  const SpriteSheet owned(2, pixels);
  const SpriteSheet borrowed(2, std::span<const std::uint8_t>(pixels));
  CHECK(owned == borrowed);
  CHECK(borrowed.frame(1) == pixels.data() + kFrameBytes);
  CHECK(owned.frame(1) != pixels.data() + kFrameBytes);
  std::vector<std::uint8_t> other = pixels;
  other.back() = 8;
  CHECK_FALSE(owned == SpriteSheet(2, std::span<const std::uint8_t>(other)));
  CHECK_FALSE(owned == SpriteSheet(1, std::span<const std::uint8_t>(pixels).first(kFrameBytes)));
}

// ctest runs each test case in its own process, so this is the first use there.
TEST_CASE("the embedded pack is built once, even when first used concurrently") {
  std::vector<const Pack*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] {
      try {
        seen[i] = &Pack::embedded();
      } catch (const Error&) {  // reported by the test above; here only identity matters
      }
    });
  }
  for (auto& t : threads) t.join();
  REQUIRE(seen.front() != nullptr);
  for (const Pack* p : seen) CHECK(p == seen.front());
}
