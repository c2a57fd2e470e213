// Hostile surroundings for the CLI's outputs and inputs: links planted at the
// temporary file's old name and at the target, devices, FIFOs and sockets as
// -o, failures mid-write, endless and over-long list files, and origins that
// are not web origins. Every run is under `timeout`, so a regression that
// blocks (opening a FIFO, reading /dev/zero forever) fails instead of hanging.
#include <catch2/catch.hpp>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "pixabots/core.hpp"
#include "support/cli_run.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using namespace testing;

namespace {

// The CLI under a shell `prefix` (ulimit, umask, trap ...), killed after 60 s.
Run guarded(const std::string& args, const std::string& prefix = "") {
  return runShell(prefix + " timeout 60 " + std::string(PIXABOTS_CLI) + " " + args + " 2>&1");
}

fs::path freshDir(const std::string& name) {
  const fs::path dir = scratch(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void writeText(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Every name in `dir`, links not followed.
std::set<std::string> entries(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

const std::vector<std::uint8_t>& png2156() {
  using namespace pixabots::core;
  static const std::vector<std::uint8_t> bytes =
      encodePng(render(Pack::embedded(), decodeId(Catalog::service(), "2156"), RenderOptions{}).view());
  return bytes;
}

const std::string kVictim = "the victim's bytes\n";

}  // namespace

TEST_CASE("a link planted at the old temporary name (x.png.tmp<pid>) is not written through") {
  const fs::path dir = freshDir("planted_temp");
  writeText(dir / "victim", kVictim);
  // The shell's pid is the CLI's after exec: the link sits exactly where the old code wrote.
  const Run r = runShell("cd " + dir.string() + " && sh -c 'ln -s victim out.png.tmp$$ && exec timeout 60 " +
                         PIXABOTS_CLI + " render 2156 -o out.png' 2>&1");
  REQUIRE(r.status == 0);
  CHECK(readText(dir / "victim") == kVictim);
  CHECK(readBytes(dir / "out.png") == png2156());
  CHECK(entries(dir).size() == 3);  // victim, out.png and the planted link: no temporary left
}

TEST_CASE("a symbolic link at -o is replaced by the file, its target untouched") {
  const fs::path dir = freshDir("link_target");
  writeText(dir / "victim", kVictim);
  fs::create_symlink(dir / "victim", dir / "out.png");
  REQUIRE(guarded("render 2156 -o " + (dir / "out.png").string()).status == 0);
  CHECK(readText(dir / "victim") == kVictim);
  CHECK_FALSE(fs::is_symlink(dir / "out.png"));
  CHECK(readBytes(dir / "out.png") == png2156());
  CHECK(entries(dir) == std::set<std::string>{"out.png", "victim"});

  // batch --overwrite the same way; without it a link counts as a file already there.
  const fs::path out = freshDir("link_batch");
  writeText(dir / "victim2", kVictim);
  fs::create_symlink(dir / "victim2", out / "2156.png");
  const fs::path ids = dir / "ids.txt";
  writeText(ids, "2156\n");
  REQUIRE(guarded("batch --ids " + ids.string() + " --out " + out.string() + " --quiet").status == 0);
  CHECK(fs::is_symlink(out / "2156.png"));
  REQUIRE(guarded("batch --ids " + ids.string() + " --out " + out.string() + " --overwrite --quiet").status == 0);
  CHECK(readText(dir / "victim2") == kVictim);
  CHECK_FALSE(fs::is_symlink(out / "2156.png"));
  CHECK(readBytes(out / "2156.png") == png2156());
  CHECK(entries(out) == std::set<std::string>{"2156.png"});
}

TEST_CASE("an output that is a device, FIFO, socket or directory is refused and left as it was") {
  const fs::path dir = freshDir("special");
  const fs::path fifo = dir / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path socketPath = dir / "sock";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socketName = socketPath.string();
  REQUIRE(socketName.size() < sizeof address.sun_path);
  std::copy(socketName.begin(), socketName.end(), address.sun_path);
  REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  fs::create_directory(dir / "sub");

  struct Case {
    std::string path, kind;
  };
  for (const Case& c : {Case{"/dev/null", "a character device"}, Case{"/dev/full", "a character device"},
                        Case{fifo.string(), "a FIFO"}, Case{socketPath.string(), "a socket"},
                        Case{(dir / "sub").string(), "a directory"}, Case{dir.string() + "/", "a directory"}}) {
    for (const std::string command : {"render 2156 --format png", "og", "sheet 2156"}) {
      INFO(command << " -o " << c.path);
      const Run r = guarded(command + " -o " + c.path);
      CHECK(r.status == 1);
      CHECK(r.output == "pixabots " + command.substr(0, command.find(' ')) + ": cannot write \"" + c.path +
                            "\": it is " + c.kind + ", not a regular file; use - for stdout\n");
    }
  }
  CHECK(fs::is_fifo(fifo));
  CHECK(fs::is_socket(socketPath));
  CHECK(fs::is_character_file("/dev/null"));
  CHECK(entries(dir) == std::set<std::string>{"fifo", "sock", "sub"});
  CHECK(fs::is_empty(dir / "sub"));
  ::close(sock);

  // "-" is still stdout.
  const Run out = runShell("timeout 60 " + std::string(PIXABOTS_CLI) + " render 2156 --format png -o - 2>/dev/null");
  CHECK(out.status == 0);
  CHECK(std::vector<std::uint8_t>(out.output.begin(), out.output.end()) == png2156());
}

TEST_CASE("a write that fails leaves no file and no temporary behind, and the old file intact") {
  const fs::path dir = freshDir("failing");
  // RLIMIT_FSIZE 0 with SIGXFSZ ignored: every write of data fails with EFBIG.
  const std::string limit = "ulimit -f 0; trap '' XFSZ;";
  const Run fresh = guarded("render 2156 -o " + (dir / "new.png").string(), limit);
  CHECK(fresh.status == 1);
  CHECK(fresh.output == "pixabots render: cannot write " + (dir / "new.png").string() + ": File too large\n");
  CHECK(entries(dir).empty());

  writeText(dir / "old.png", kVictim);
  const Run replace = guarded("render 2156 -o " + (dir / "old.png").string(), limit);
  CHECK(replace.status == 1);
  CHECK(replace.output == "pixabots render: cannot write " + (dir / "old.png").string() + ": File too large\n");
  CHECK(readText(dir / "old.png") == kVictim);
  CHECK(entries(dir) == std::set<std::string>{"old.png"});
}

TEST_CASE("outputs get the mode a new file gets: 0666 less the umask") {
  const fs::path dir = freshDir("mode");
  writeText(dir / "old.png", kVictim);
  fs::permissions(dir / "old.png", fs::perms::owner_read | fs::perms::owner_write);
  for (const std::string name : {"new.png", "old.png"}) {
    REQUIRE(guarded("render 2156 -o " + (dir / name).string(), "umask 027;").status == 0);
    struct stat st {};
    REQUIRE(::stat((dir / name).c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
  }
  CHECK(entries(dir) == std::set<std::string>{"new.png", "old.png"});
}

TEST_CASE("list files that never end or run long stop with the file, the line and the limit") {
  const fs::path dir = freshDir("lists");
  const std::string out = " --out " + (dir / "out").string();
  struct Case {
    std::string args, message;
  };
  const fs::path longLine = dir / "long.txt";
  writeText(longLine, "2156\n# fine\n" + std::string(4097, 'a') + "\n");
  const fs::path manyLines = dir / "many.txt";
  writeText(manyLines, std::string(1'000'001, '\n'));
  const fs::path manyIds = dir / "ids1025.txt";
  std::string ids;
  for (int i = 0; i < 1025; ++i) ids += (i % 100 == 99 ? "0000\n" : "0000, ");
  writeText(manyIds, ids);
  for (const Case& c : {
           Case{"batch --ids /dev/zero" + out,
                "pixabots batch: /dev/zero:1: line longer than 4096 bytes: --ids takes "
                "lines of at most 4096 bytes\n"},
           Case{"batch --seeds /dev/zero" + out,
                "pixabots batch: /dev/zero:1: line longer than 4096 bytes: --seeds "
                "takes lines of at most 4096 bytes\n"},
           Case{"batch --seeds " + longLine.string() + out,
                "pixabots batch: " + longLine.string() +
                    ":3: line longer than 4096 bytes: --seeds takes lines of at most 4096 bytes\n"},
           Case{"batch --ids " + manyLines.string() + out,
                "pixabots batch: " + manyLines.string() +
                    ":1000001: more than 1000000 lines: --ids takes at most 1000000 lines; split the list\n"},
           Case{"sheet --ids-file /dev/zero -o " + (dir / "s.png").string(),
                "pixabots sheet: /dev/zero:1: line longer than 8192 bytes: --ids-file takes lines of at most 8192 "
                "bytes\n"},
           Case{"sheet --ids-file " + manyIds.string() + " -o " + (dir / "s.png").string(),
                "pixabots sheet: " + manyIds.string() + ":11: more than 1024 IDs: a sheet takes at most 1024\n"},
       }) {
    INFO(c.args);
    const Run r = guarded(c.args);
    CHECK(r.status == 2);
    CHECK(r.output == c.message);
  }
  CHECK(entries(dir) == std::set<std::string>{"ids1025.txt", "long.txt", "many.txt"});

  // Stdin that never ends, through a pipe.
  const Run piped = runShell("yes 2156 | timeout 60 " + std::string(PIXABOTS_CLI) + " batch --ids -" + out + " 2>&1");
  CHECK(piped.status == 2);
  CHECK(piped.output ==
        "pixabots batch: stdin:1000001: more than 1000000 lines: --ids takes at most 1000000 lines; split the list\n");

  // At the limits: a 4096-byte seed (with a Windows line ending) and 1024 IDs.
  const fs::path seeds = dir / "seeds.txt";
  writeText(seeds, std::string(4096, 's') + "\r\n");
  CHECK(guarded("batch --seeds " + seeds.string() + out + " --quiet").status == 0);
  ids.resize(ids.rfind("0000"));
  writeText(manyIds, ids);
  CHECK(guarded("sheet --ids-file " + manyIds.string() + " --size 32 --columns 64 -o " + (dir / "s.png").string())
            .status == 0);
}

TEST_CASE("origins: --origin takes http:// and https:// only, in the words pixabots serve uses") {
  const fs::path out = scratch("origin.json");
  fs::remove(out);
  for (const std::string origin : {"javascript:alert(1)", "data:text/html,x", "ftp://example.com", "example.com"}) {
    for (const std::string& command :
         std::vector<std::string>{"frames 2156", "frames 2156 --table", "render 2156 -o " + out.string(),
                                  "batch --count 1 --format json --out " + scratch("origin_batch").string()}) {
      INFO(command << " --origin " << origin);
      const Run r = guarded(command + " --origin '" + origin + "'");
      CHECK(r.status == 2);
      CHECK(r.output == "pixabots " + command.substr(0, command.find(' ')) + ": origin \"" + origin +
                            "\" is not valid: must start with http:// or https://\n");
    }
  }
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(scratch("origin_batch")));

  REQUIRE(guarded("render 2156 --origin https://bots.example/ -o " + out.string()).status == 0);
  CHECK_THAT(readText(out), Catch::Contains("\"png\":\"https://bots.example/api/pixabot/2156?size=128\""));
}
