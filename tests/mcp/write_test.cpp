// What a tool call can write: output_path is refused unless the server was
// started with --allow-write DIR, and then stays inside DIR, never follows a
// link and replaces a file only with overwrite: true.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>

#include "mcp_harness.hpp"
#include "pixabots/core/error.hpp"

using namespace pixabots;
using namespace pixabots::mcp;
using namespace pixabots::mcp::test;
namespace fs = std::filesystem;

namespace {

// A directory removed at the end: `allowed` for --allow-write and `outside`
// beside it, each holding what a test puts there.
struct Dirs {
  fs::path base = fs::temp_directory_path() / ("pixabots-mcp-write-" + std::to_string(std::random_device{}()));
  fs::path allowed = base / "allowed";
  fs::path outside = base / "outside";
  Dirs() {
    fs::create_directories(allowed);
    fs::create_directories(outside);
  }
  ~Dirs() { fs::remove_all(base); }
};

std::vector<std::uint8_t> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::string readText(const fs::path& path) {
  const std::vector<std::uint8_t> bytes = readFile(path);
  return {bytes.begin(), bytes.end()};
}

// Every name in `dir` and below, links included (not followed).
std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) names.insert(e.path().lexically_relative(dir).string());
  return names;
}

const std::string kNoWrite =
    "output_path is refused: start pixabots mcp with --allow-write DIR to let tools write files";

}  // namespace

TEST_CASE("without --allow-write, output_path is refused and nothing is written", "[mcp][write]") {
  Harness h;
  const Dirs dirs;
  for (const std::string& path : {(dirs.outside / "bot.png").string(), std::string("bot.png"), std::string("-")}) {
    INFO(path);
    CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"output_path", path}})) ==
          "render_pixabot failed: " + kNoWrite);
    CHECK(errorText(h.call("og_card", {{"output_path", path}, {"overwrite", true}})) == "og_card failed: " + kNoWrite);
  }
  CHECK(entries(dirs.outside).empty());
  CHECK_FALSE(fs::exists("bot.png"));
  CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"overwrite", true}})) ==
        "render_pixabot failed: \"overwrite\" goes with \"output_path\"");

  const Json tools = h.request("tools/list", nullptr).at("result").at("tools");
  for (const Json& tool : tools) {
    if (tool.at("name") != "render_pixabot" && tool.at("name") != "og_card") continue;
    CHECK_THAT(tool.at("description").get<std::string>(), Catch::Contains("(pixabots mcp --allow-write DIR)"));
    const Json properties = tool.at("inputSchema").at("properties");
    CHECK(properties.at("output_path").at("description") ==
          "also write the file, refused on this server: it writes files only when started as pixabots mcp "
          "--allow-write DIR");
    CHECK(properties.at("overwrite") ==
          Json({{"type", "boolean"}, {"description", "replace a file already at output_path (default false)"}}));
  }
}

TEST_CASE("allow-write DIR: paths inside DIR are written whole, relative to it or absolute", "[mcp][write]") {
  const Dirs dirs;
  const WriteRoot root(dirs.allowed.string());
  const fs::path real = fs::canonical(dirs.allowed);
  CHECK(root.path() == real);
  Harness h(&root);
  fs::create_directory(dirs.allowed / "sub");

  const Json relative = h.call("render_pixabot", {{"id", "2156"}, {"output_path", "bot.png"}});
  CHECK(readFile(dirs.allowed / "bot.png") == imageBytes(relative, "image/png"));
  CHECK_THAT(textOf(relative), Catch::EndsWith("; written to " + (real / "bot.png").string()));

  const Json nested =
      h.call("render_pixabot", {{"id", "3409"}, {"output_path", "./sub/x/../bot.gif"}, {"animated", true}});
  CHECK(readFile(dirs.allowed / "sub" / "bot.gif") == imageBytes(nested, "image/gif"));
  CHECK_THAT(textOf(nested), Catch::EndsWith("; written to " + (real / "sub" / "bot.gif").string()));

  const Json absolute = h.call("og_card", {{"output_path", (dirs.allowed / "sub" / "card.png").string()}});
  CHECK(readFile(dirs.allowed / "sub" / "card.png") == imageBytes(absolute, "image/png"));

  CHECK(entries(dirs.allowed) ==
        std::set<std::string>{"bot.png", "sub", "sub/bot.gif", "sub/card.png"});  // no temporaries

  const Json tools = h.request("tools/list", nullptr, 2).at("result").at("tools");
  CHECK(tools.at(0).at("inputSchema").at("properties").at("output_path").at("description") ==
        "also write the file, inside " + real.string() +
            " (the server's --allow-write directory): a path relative to it, or absolute inside it; never through a "
            "symbolic link; an existing file only with overwrite: true; written whole or not at all");
}

TEST_CASE("allow-write DIR: paths leaving DIR are refused, naming the path and the rule", "[mcp][write]") {
  const Dirs dirs;
  const WriteRoot root(dirs.allowed.string());
  const std::string real = fs::canonical(dirs.allowed).string();
  Harness h(&root);
  fs::create_directory(dirs.allowed / "sub");
  for (const std::string& path : {std::string("../outside/x.png"), std::string("sub/../../outside/x.png"),
                                  std::string(".."), (dirs.outside / "x.png").string(), std::string("/etc/passwd"),
                                  (dirs.allowed / ".." / "outside" / "x.png").string()}) {
    INFO(path);
    CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"output_path", path}, {"overwrite", true}})) ==
          "render_pixabot failed: output_path \"" + path + "\" is outside the allowed directory " + real +
              " (pixabots mcp --allow-write DIR)");
  }
  CHECK(entries(dirs.outside).empty());
  CHECK(entries(dirs.allowed) == std::set<std::string>{"sub"});
}

TEST_CASE("allow-write DIR: no symbolic link is followed or replaced, inside or out", "[mcp][write]") {
  const Dirs dirs;
  const WriteRoot root(dirs.allowed.string());
  Harness h(&root);
  writeText(dirs.outside / "victim.txt", "do not touch\n");
  fs::create_directory_symlink(dirs.outside, dirs.allowed / "escape");
  fs::create_symlink(dirs.outside / "victim.txt", dirs.allowed / "link.png");
  fs::create_directory(dirs.allowed / "sub");
  fs::create_directory_symlink(dirs.allowed / "sub", dirs.allowed / "inner");  // points inside: refused all the same

  struct Case {
    std::string path, link;
  };
  for (const Case& c :
       {Case{"escape/x.png", "escape"}, Case{"escape/victim.txt", "escape"}, Case{"link.png", "link.png"},
        Case{"inner/x.png", "inner"}, Case{(dirs.allowed / "escape" / "x.png").string(), "escape"}}) {
    for (const bool overwrite : {false, true}) {
      INFO(c.path << " overwrite " << overwrite);
      CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"output_path", c.path}, {"overwrite", overwrite}})) ==
            "render_pixabot failed: output_path \"" + c.path + "\" is refused: \"" + c.link +
                "\" is a symbolic link, and tools never follow or replace links");
    }
  }
  CHECK(readText(dirs.outside / "victim.txt") == "do not touch\n");
  CHECK(entries(dirs.outside) == std::set<std::string>{"victim.txt"});
  CHECK(fs::is_symlink(dirs.allowed / "link.png"));
  CHECK(entries(dirs.allowed) == std::set<std::string>{"escape", "inner", "link.png", "sub"});
}

TEST_CASE("allow-write DIR: an existing file is replaced only with overwrite: true", "[mcp][write]") {
  const Dirs dirs;
  const WriteRoot root(dirs.allowed.string());
  const std::string real = fs::canonical(dirs.allowed).string();
  Harness h(&root);
  writeText(dirs.allowed / "bot.png", "mine\n");

  CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"output_path", "bot.png"}})) ==
        "render_pixabot failed: output_path \"bot.png\" exists (" + real +
            "/bot.png): pass \"overwrite\": true to "
            "replace it");
  CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"output_path", "bot.png"}, {"overwrite", false}})) ==
        "render_pixabot failed: output_path \"bot.png\" exists (" + real +
            "/bot.png): pass \"overwrite\": true to "
            "replace it");
  CHECK(readText(dirs.allowed / "bot.png") == "mine\n");

  const Json replaced = h.call("render_pixabot", {{"id", "2156"}, {"output_path", "bot.png"}, {"overwrite", true}});
  CHECK(readFile(dirs.allowed / "bot.png") == imageBytes(replaced, "image/png"));
  CHECK(entries(dirs.allowed) == std::set<std::string>{"bot.png"});

  // overwrite: true on a new name simply writes it.
  const Json fresh = h.call("og_card", {{"output_path", "card.png"}, {"overwrite", true}});
  CHECK(readFile(dirs.allowed / "card.png") == imageBytes(fresh, "image/png"));
}

TEST_CASE("allow-write DIR: directories, FIFOs, missing directories and stdout are refused", "[mcp][write]") {
  const Dirs dirs;
  const WriteRoot root(dirs.allowed.string());
  const std::string real = fs::canonical(dirs.allowed).string();
  Harness h(&root);
  fs::create_directory(dirs.allowed / "sub");
  REQUIRE(::mkfifo((dirs.allowed / "fifo").c_str(), 0600) == 0);
  struct Case {
    std::string path, message;
  };
  for (const Case& c : {
           Case{"sub", "output_path \"sub\" is refused: it is a directory, not a regular file"},
           Case{".", "output_path \".\" is refused: it is a directory, not a regular file"},
           Case{real, "output_path \"" + real + "\" is refused: it is a directory, not a regular file"},
           Case{"sub/", "output_path \"sub/\" names a directory: give a file name"},
           Case{"fifo", "output_path \"fifo\" is refused: it is a FIFO, not a regular file"},
           Case{"no/such/bot.png", "cannot create " + real + "/no/such/bot.png: No such file or directory"},
           Case{"-", "output_path \"-\" would be stdout, which carries the protocol: give a file name"},
       }) {
    for (const bool overwrite : {false, true}) {
      INFO(c.path << " overwrite " << overwrite);
      CHECK(errorText(h.call("render_pixabot", {{"id", "2156"}, {"output_path", c.path}, {"overwrite", overwrite}})) ==
            "render_pixabot failed: " + c.message);
    }
  }
  CHECK(fs::is_fifo(dirs.allowed / "fifo"));
  CHECK(entries(dirs.allowed) == std::set<std::string>{"fifo", "sub"});
}

TEST_CASE("allow-write DIR given through a link: absolute paths may use either spelling", "[mcp][write]") {
  const Dirs dirs;
  const fs::path alias = dirs.base / "alias";
  fs::create_directory_symlink(dirs.allowed, alias);
  const WriteRoot root(alias.string() + "/");
  CHECK(root.path() == fs::canonical(dirs.allowed));
  Harness h(&root);
  CHECK_FALSE(isError(h.call("render_pixabot", {{"id", "2156"}, {"output_path", (alias / "a.png").string()}})));
  CHECK_FALSE(isError(h.call("render_pixabot", {{"id", "2156"}, {"output_path", (dirs.allowed / "b.png").string()}})));
  CHECK(entries(dirs.allowed) == std::set<std::string>{"a.png", "b.png"});
}

TEST_CASE("allow-write needs an existing directory", "[mcp][write]") {
  const Dirs dirs;
  writeText(dirs.base / "file", "x");
  for (const auto& [dir, reason] :
       {std::pair{(dirs.base / "missing").string(), std::string("No such file or directory")},
        std::pair{(dirs.base / "file").string(), std::string("Not a directory")}}) {
    try {
      const WriteRoot root(dir);
      FAIL("accepted " + dir);
    } catch (const core::Error& e) {
      CHECK(e.code() == core::Errc::invalid_option);
      CHECK(std::string(e.what()) == "--allow-write \"" + dir + "\": " + reason + " (give an existing directory)");
    }
  }
}
