// `pixabots --help`, `pixabots COMMAND --help` and `pixabots help`, checked
// against the command table (command_table.hpp): every command, operand,
// subcommand and option is in the help people read.
#include <catch2/catch.hpp>

#include <string>

#include "cli/command_table.hpp"
#include "support/cli_run.hpp"

using namespace testing;
using Catch::Contains;
using Catch::StartsWith;

namespace {

// How the help writes an option: "-o, --output FILE", "--size N", "--animated".
std::string tag(const TableOption& o) {
  return (o.alias.empty() ? "" : o.alias + ", ") + o.name + (o.value.empty() ? "" : " " + o.value);
}

// `text` has `entry` at the start of a line indented by `indent`, followed
// by its help on the same line or the next.
bool listed(const std::string& text, const std::string& entry, std::size_t indent = 2) {
  const std::string start = "\n" + std::string(indent, ' ') + entry;
  return text.find(start + " ") != std::string::npos || text.find(start + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("pixabots help COMMAND prints what pixabots COMMAND --help prints, for every command") {
  for (const TableCommand& c : commandTable()) {
    INFO(c.name);
    const SplitRun viaHelp = runSplit("help " + c.name), viaFlag = runSplit(c.name + " --help");
    CHECK(viaHelp.status == 0);
    CHECK(viaFlag.status == 0);
    CHECK(viaHelp.err.empty());
    CHECK(viaHelp.out == viaFlag.out);
    CHECK_THAT(viaHelp.out, StartsWith("usage: pixabots " + c.name + " "));
    CHECK(runSplit(c.name + " -h").out == viaFlag.out);
  }
  const SplitRun general = runSplit("help");
  CHECK(general.status == 0);
  CHECK(general.out == runSplit("--help").out);
  CHECK_THAT(general.out, StartsWith("usage: pixabots COMMAND [options]"));
}

TEST_CASE("pixabots help with an unknown command names the commands and exits 2") {
  std::string names;
  for (const TableCommand& c : commandTable()) names += (names.empty() ? "" : ", ") + c.name;
  const SplitRun r = runSplit("help nosuch");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "pixabots help: unknown command \"nosuch\": the commands are " + names + "\n");
  expectFailure("help render info", 2, "help takes at most one command, got 2");
  expectFailure("help --frobnicate", 2, "unknown option --frobnicate");
}

TEST_CASE("the help lists every command, and each command's help every operand, subcommand and option") {
  const std::string overview = runSplit("--help").out;
  CHECK(listed(overview, "-h, --help"));
  CHECK(listed(overview, "--version"));
  for (const TableCommand& c : commandTable()) {
    INFO(c.name);
    CHECK(listed(overview, c.name));
    const std::string help = runSplit(c.name + " --help").out;
    for (const std::string& operand : c.operands) CHECK(listed(help, operand));
    for (const TableOption& o : c.options) {
      INFO(tag(o));
      CHECK(listed(help, tag(o)));
    }
    for (const TableSubcommand& s : c.subcommands) {
      CHECK(listed(help, s.name + (s.operand.empty() ? "" : " " + s.operand)));
      for (const TableOption& o : s.options) {
        INFO(tag(o));
        CHECK(listed(help, tag(o), 6));
      }
    }
    CHECK(listed(help, "-h, --help"));
  }
}

TEST_CASE("every line of the help fits in 80 columns") {
  std::vector<std::string> args = {"--help"};
  for (const TableCommand& c : commandTable()) args.push_back(c.name + " --help");
  for (const std::string& a : args) {
    const std::string text = runSplit(a).out;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
      INFO(a << ": " << text.substr(start, end - start));
      CHECK(end - start <= 80);
    }
  }
}

TEST_CASE("an option's alias and its name are one option") {
  const std::string a = scratch("alias_a.svg").string(), b = scratch("alias_b.svg").string();
  REQUIRE(run("render 2156 -o " + a).status == 0);
  REQUIRE(run("render 2156 --output=" + b).status == 0);
  CHECK(readBytes(a) == readBytes(b));
  expectFailure("render 2156 --animated=yes -o " + a, 2, "unknown option --animated");
  expectFailure("render 2156 -o", 2, "option -o needs a value");
}
