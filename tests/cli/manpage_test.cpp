// `pixabots manpage`, checked against the command table (command_table.hpp):
// a page per command, each naming every operand, subcommand and option,
// rendering without a warning from groff or man; dates that never come from
// the clock; and the gzipped pages and completions the build installs are
// exactly what the built pixabots makes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli/command_table.hpp"
#include "pixabots/version.h"
#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace testing;
using Catch::Contains;

namespace {

void requireProgram(const std::string& program, const std::string& package) {
  if (runShell("command -v " + program + " >/dev/null").status != 0) {
    FAIL(program + " not found: install Debian's " + package + " package (apt-get install " + package +
         "; scripts/install-deps.sh has it)");
  }
}

fs::path pagesDir() {
  static const fs::path dir = [] {
    const fs::path out = scratch("man1");
    fs::remove_all(out);
    const SplitRun r = runSplit("manpage --out " + out.string());
    REQUIRE(r.status == 0);
    REQUIRE(r.err.empty());
    return out;
  }();
  return dir;
}

std::string pageName(const std::string& command) {
  return command.empty() ? "pixabots.1" : "pixabots-" + command + ".1";
}

// A page as plain text, as man shows it on a terminal 80 columns wide.
std::string rendered(const fs::path& page) {
  const Run r = runShell("groff -man -Tascii -P-cbou -rLL=80n " + page.string() + " 2>&1");
  REQUIRE(r.status == 0);
  return r.output;
}

// `text` has `entry` first on a line (after the indentation), then a space or
// the line's end: a .TP tag with its help beside it or below.
bool startsLine(const std::string& text, const std::string& entry) {
  for (std::size_t at = text.find(entry); at != std::string::npos; at = text.find(entry, at + 1)) {
    const std::size_t lineStart = text.rfind('\n', at);
    const std::size_t indent = lineStart == std::string::npos ? 0 : lineStart + 1;
    const bool first = text.find_first_not_of(' ', indent) == at;
    const char next = at + entry.size() < text.size() ? text[at + entry.size()] : '\n';
    if (first && (next == ' ' || next == '\n')) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("manpage --out writes pixabots.1 and a page per command, as manpage [COMMAND] prints them") {
  std::vector<std::string> names = {""};
  for (const TableCommand& c : commandTable()) names.push_back(c.name);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(pagesDir())) files += entry.is_regular_file();
  CHECK(files == names.size());
  for (const std::string& name : names) {
    INFO(name);
    const SplitRun printed = runSplit("manpage " + name);
    CHECK(printed.status == 0);
    CHECK(printed.out == readText(pagesDir() / pageName(name)));
  }
  expectFailure("manpage nosuch", 2, "unknown command \"nosuch\": the commands are render, ");
  expectFailure("manpage render --out " + scratch("x").string(), 2, "--out writes every page: give no command");
}

TEST_CASE("every page renders without a warning from groff or man and has a whatis entry") {
  requireProgram("groff", "groff-base");
  requireProgram("man", "man-db");
  std::string pages;
  for (const auto& entry : fs::directory_iterator(pagesDir())) pages += " " + entry.path().string();
  // Each names the page and line of any warning.
  const Run groff = runShell("groff -man -ww -z" + pages + " 2>&1");
  CHECK(groff.status == 0);
  CHECK(groff.output.empty());
  // As lintian checks a package's pages: man's warnings, and a NAME line
  // lexgrog reads for whatis and apropos.
  const Run man = runShell("MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z" + pages + " 2>&1 >/dev/null");
  CHECK(man.status == 0);
  CHECK(man.output.empty());
  const Run whatis = runShell("lexgrog" + pages + " 2>&1");
  INFO(whatis.output);
  CHECK(whatis.status == 0);
  CHECK(whatis.output.find("parse failed") == std::string::npos);
}

TEST_CASE("the pages name every command, and each page every operand, subcommand and option") {
  requireProgram("groff", "groff-base");
  const std::string overview = rendered(pagesDir() / "pixabots.1");
  for (const char* option : {"-h, --help", "--version"}) CHECK_THAT(overview, Contains(option));
  for (const TableCommand& c : commandTable()) {
    INFO(c.name);
    CHECK_THAT(overview, Contains("pixabots " + c.name + "\n"));
    CHECK_THAT(overview, Contains("pixabots-" + c.name + "(1)"));
    const std::string page = rendered(pagesDir() / pageName(c.name));
    CHECK_THAT(page, Contains("pixabots-" + c.name + " - "));
    for (const std::string& operand : c.operands) CHECK(startsLine(page, operand));
    const auto checkOptions = [&](const std::vector<TableOption>& options) {
      for (const TableOption& o : options) {
        const std::string tag =
            (o.alias.empty() ? "" : o.alias + ", ") + o.name + (o.value.empty() ? "" : " " + o.value);
        INFO(tag);
        CHECK(startsLine(page, tag));
      }
    };
    checkOptions(c.options);
    for (const TableSubcommand& s : c.subcommands) {
      CHECK(startsLine(page, s.name + (s.operand.empty() ? "" : " " + s.operand)));
      checkOptions(s.options);
    }
    CHECK(startsLine(page, "-h, --help"));
  }
}

TEST_CASE("a page's date is SOURCE_DATE_EPOCH's or the release's, never the clock's") {
  const auto titleLine = [](const std::string& env) {
    const SplitRun r = runSplit("manpage render", env);
    REQUIRE(r.status == 0);
    return r.out.substr(0, r.out.find('\n'));
  };
  CHECK(titleLine("SOURCE_DATE_EPOCH=86399") ==
        ".TH \"PIXABOTS\\-RENDER\" 1 \"1970-01-01\" \"pixabots " PIXABOTS_VERSION_STRING "\" \"pixabots manual\"");
  CHECK_THAT(titleLine("SOURCE_DATE_EPOCH=1798761600"), Contains(" \"2027-01-01\" "));
  const std::string release = titleLine("-u SOURCE_DATE_EPOCH");
  CHECK_THAT(release, Catch::Matches(R"(\.TH "PIXABOTS\\-RENDER" 1 "20\d\d-\d\d-\d\d" "pixabots [0-9.]+" .*)"));
  CHECK(titleLine("-u SOURCE_DATE_EPOCH") == release);
  for (const char* bad : {"SOURCE_DATE_EPOCH=soon", "SOURCE_DATE_EPOCH=12x", "SOURCE_DATE_EPOCH=-5"}) {
    const SplitRun r = runSplit("manpage render", bad);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Contains("is not a number of seconds since 1970"));
  }
}

TEST_CASE("the build's gzipped pages and completion files are what the built pixabots makes") {
  const fs::path built = PIXABOTS_CLI_DOCS;
  for (const auto& entry : fs::directory_iterator(pagesDir())) {
    const fs::path gz = built / "man1" / (entry.path().filename().string() + ".gz");
    INFO(gz.string());
    REQUIRE(fs::exists(gz));
    // gzip -n: no file name (FLG bit 3) and no time (MTIME) in the header.
    const auto bytes = readBytes(gz);
    REQUIRE(bytes.size() > 10);
    CHECK((bytes[3] & 0x08) == 0);
    CHECK((bytes[4] | bytes[5] | bytes[6] | bytes[7]) == 0);
    CHECK(runShell("gzip -dc " + gz.string()).output == readText(entry.path()));
  }
  for (const auto& [shell, file] : {std::pair{"bash", "pixabots"}, {"zsh", "_pixabots"}, {"fish", "pixabots.fish"}}) {
    INFO(file);
    CHECK(readText(built / "completions" / file) == runSplit(std::string("completion ") + shell).out);
  }
}
