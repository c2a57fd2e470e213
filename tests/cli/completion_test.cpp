// `pixabots completion bash|zsh|fish`, checked against the command table
// (command_table.hpp): bash and fish really complete each command line (the
// shell runs the script), zsh's script parses and has a spec for every
// option. zsh and fish are Debian packages the tests need (install-deps.sh).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_table.hpp"
#include "support/cli_run.hpp"

namespace fs = std::filesystem;
using namespace testing;
using Catch::Contains;

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
  return parts;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A shell the test needs, or the package that brings it.
void requireShell(const std::string& shell) {
  if (runShell("command -v " + shell + " >/dev/null").status != 0) {
    FAIL(shell + " not found: install Debian's " + shell + " package (apt-get install " + shell +
         "; scripts/install-deps.sh has it)");
  }
}

std::string script(const std::string& shell) {
  const SplitRun r = runSplit("completion " + shell);
  REQUIRE(r.status == 0);
  REQUIRE(r.err.empty());
  return r.out;
}

fs::path writeScript(const std::string& name, const std::string& text) {
  const fs::path file = scratch(name);
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

// A directory with a subdirectory and a file whose names start alike, to
// tell directory completion from file completion.
std::string pathPrefix() {
  const fs::path dir = scratch("completion_paths");
  fs::remove_all(dir);
  fs::create_directories(dir / "pick_dir");
  std::ofstream(dir / "pick_file.txt") << "x";
  return (dir / "pick_").string();
}

// A shell running `file`: its stdout, after checking it succeeded and wrote
// nothing on stderr (a broken condition in the script would say so there).
Run runScript(const std::string& shell, const fs::path& file) {
  const fs::path err = scratch(file.filename().string() + ".err");
  const Run r = runShell(shell + " " + file.string() + " 2>" + err.string());
  INFO(readText(err));
  REQUIRE(r.status == 0);
  REQUIRE(readText(err).empty());
  return r;
}

// Command lines to complete (the words so far, the last the one under the
// cursor) and the words each must offer.
struct Query {
  std::vector<std::string> words;
  std::vector<std::string> offers;
  std::vector<std::string> notOffers = {};
};

std::vector<Query> queries() {
  const std::string paths = pathPrefix();
  const std::vector<std::string> pathOffers = {paths + "dir"};
  std::vector<Query> list;
  std::vector<std::string> names;
  for (const TableCommand& c : commandTable()) names.push_back(c.name);
  list.push_back({{"pixabots", ""}, names});
  list.push_back({{"pixabots", "-"}, {"-h", "--help", "--version"}});
  list.push_back({{"pixabots", "ren"}, {"render"}});
  // The values an option or operand declares.
  const auto values = [&](std::vector<std::string> words, const TableOption& o) {
    if (!o.choices.empty()) {
      words.push_back("");
      list.push_back({words, o.choices});
    } else if (o.complete == "directory" || o.complete == "file") {
      words.push_back(paths);
      list.push_back(
          {words, o.complete == "file" ? std::vector<std::string>{paths + "dir", paths + "file.txt"} : pathOffers,
           o.complete == "file" ? std::vector<std::string>{} : std::vector<std::string>{paths + "file.txt"}});
    }
  };
  for (const TableCommand& c : commandTable()) {
    if (c.subcommands.empty()) {
      std::vector<std::string> offers = spellings(c.options);
      offers.insert(offers.end(), {"-h", "--help"});
      list.push_back({{"pixabots", c.name, "-"}, offers});
      for (const TableOption& o : c.options) values({"pixabots", c.name, o.alias.empty() ? o.name : o.alias}, o);
      continue;
    }
    std::vector<std::string> subcommands;
    for (const TableSubcommand& s : c.subcommands) subcommands.push_back(s.name);
    list.push_back({{"pixabots", c.name, ""}, subcommands});
    for (const TableSubcommand& s : c.subcommands) {
      std::vector<std::string> offers = spellings(c.options);
      for (const std::string& w : spellings(s.options)) offers.push_back(w);
      offers.push_back("--help");
      list.push_back({{"pixabots", c.name, s.name, "-"}, offers});
      for (const TableOption& o : s.options) values({"pixabots", c.name, s.name, o.name}, o);
    }
  }
  list.push_back({{"pixabots", "validate-pack", paths}, pathOffers, {paths + "file.txt"}});
  list.push_back({{"pixabots", "help", "val"}, {"validate-pack"}});
  list.push_back({{"pixabots", "completion", ""}, {"bash", "zsh", "fish"}});
  // bash splits --format=p at '=' into three words.
  list.push_back({{"pixabots", "render", "--format", "=", "p"}, {"png"}});
  return list;
}

void checkOffers(const Query& q, const std::vector<std::string>& offered) {
  INFO("completing: " << joined(q.words) << "\noffered: " << joined(offered));
  for (const std::string& w : q.offers) CHECK(has(offered, w));
  for (const std::string& w : q.notOffers) CHECK_FALSE(has(offered, w));
}

}  // namespace

TEST_CASE("completion needs one of bash, zsh or fish") {
  expectFailure("completion", 2, "completion needs one shell: bash, zsh or fish");
  expectFailure("completion tcsh", 2, "completion needs one shell: bash, zsh or fish, got \"tcsh\"");
}

TEST_CASE("the bash completion completes every command, option and declared value") {
  const fs::path file = writeScript("completion.bash", script("bash"));
  std::string driver = "source " + file.string() +
                       "\nq() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _pixabots; "
                       "printf '%s\\n' \"${COMPREPLY[*]}\"; }\n";
  const std::vector<Query> list = queries();
  for (const Query& q : list) {
    driver += "q";
    for (const std::string& w : q.words) driver += " " + shellQuoted(w);
    driver += "\n";
  }
  const Run r = runScript("bash --norc --noprofile", writeScript("driver.bash", driver));
  const std::vector<std::string> lines = split(r.output, '\n');
  REQUIRE(lines.size() == list.size());
  for (std::size_t i = 0; i < list.size(); ++i) checkOffers(list[i], split(lines[i], ' '));
  // The brief's own check: a prefix completes to the one command it starts.
  CHECK(lines[2] == "render");
  CHECK(runShell("bash -n " + file.string()).status == 0);
}

TEST_CASE("the fish completion completes every command, option and declared value") {
  requireShell("fish");
  const fs::path file = writeScript("completion.fish", script("fish"));
  REQUIRE(runShell("fish --no-execute " + file.string()).status == 0);
  std::string driver = "source " + file.string() + "\n";
  const std::vector<Query> list = queries();
  for (const Query& q : list) {
    std::string line;
    for (const std::string& w : q.words) line += (line.empty() || w == "=" || line.ends_with('=') ? "" : " ") + w;
    driver += "echo @@; complete -C " + shellQuoted(line) + "\n";
  }
  const Run r = runScript("fish --no-config", writeScript("driver.fish", driver));
  std::vector<std::vector<std::string>> offered;
  for (const std::string& line : split(r.output, '\n')) {
    if (line == "@@") {
      offered.emplace_back();
    } else if (!offered.empty() && !line.empty()) {
      offered.back().push_back(line.substr(0, line.find('\t')));
    }
  }
  REQUIRE(offered.size() == list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    // fish offers "--format=png" for the word "--format=p", and directories with a slash.
    std::vector<std::string> words;
    for (std::string w : offered[i]) {
      if (const auto eq = w.find('='); eq != std::string::npos && w.starts_with("--")) w = w.substr(eq + 1);
      if (w.size() > 1 && w.back() == '/') w.pop_back();
      words.push_back(w);
    }
    checkOffers(list[i], words);
  }
}

TEST_CASE("the zsh completion parses and has a spec for every command and option") {
  requireShell("zsh");
  const std::string text = script("zsh");
  const fs::path file = writeScript("_pixabots", text);
  CHECK(runShell("zsh -n " + file.string()).status == 0);
  CHECK_THAT(text, Catch::StartsWith("#compdef pixabots\n"));
  const auto function = [&](const std::string& name) {
    const std::size_t start = text.find("\n" + name + "() {\n");
    REQUIRE(start != std::string::npos);
    return text.substr(start, text.find("\n}\n", start) - start);
  };
  const auto checkSpecs = [&](const std::string& body, const std::vector<TableOption>& options) {
    for (const TableOption& o : options) {
      INFO(o.name);
      CHECK_THAT(body, Contains(o.name + (o.value.empty() ? "[" : "=[")));
      if (!o.alias.empty()) CHECK_THAT(body, Contains(")" + o.alias + "["));
      if (!o.choices.empty()) CHECK_THAT(body, Contains(":(" + joined(o.choices) + ")'"));
      if (o.complete == "directory") CHECK_THAT(body, Contains(":_files -/'"));
      if (o.complete == "file") CHECK_THAT(body, Contains(":_files'"));
    }
    CHECK_THAT(body, Contains("{-h,--help}'["));
  };
  const std::string main = function("_pixabots");
  for (const TableCommand& c : commandTable()) {
    INFO(c.name);
    std::string name = c.name;
    std::replace(name.begin(), name.end(), '-', '_');
    CHECK_THAT(main, Contains("\n    '" + c.name + ":"));
    CHECK_THAT(main, Contains("\n        " + c.name + ") _pixabots_" + name + " ;;"));
    if (c.subcommands.empty()) {
      checkSpecs(function("_pixabots_" + name), c.options);
      continue;
    }
    for (const TableSubcommand& s : c.subcommands) {
      std::string sub = s.name;
      std::replace(sub.begin(), sub.end(), '-', '_');
      INFO(s.name);
      CHECK_THAT(function("_pixabots_" + name), Contains("\n    '" + s.name + ":"));
      checkSpecs(function("_pixabots_" + name + "_" + sub), c.options);
      checkSpecs(function("_pixabots_" + name + "_" + sub), s.options);
    }
  }
}
