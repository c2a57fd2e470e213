#pragma once
// The CLI's command table as `pixabots help --json` gives it, so the tests
// check the help, man pages and completions against every command and option
// the program actually has, and fail when one is missing from any of them.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/cli_run.hpp"

namespace testing {

struct TableOption {
  std::string name, alias, value, complete;
  std::vector<std::string> choices;
};

struct TableSubcommand {
  std::string name, operand;
  std::vector<TableOption> options;
};

struct TableCommand {
  std::string name;
  std::vector<std::string> operands;
  std::vector<TableOption> options;
  std::vector<TableSubcommand> subcommands;
};

inline std::vector<TableOption> tableOptions(const nlohmann::json& list) {
  std::vector<TableOption> options;
  for (const auto& o : list) {
    options.push_back({o.at("name"), o.at("alias"), o.at("value"), o.at("complete"), o.at("choices")});
  }
  return options;
}

inline const std::vector<TableCommand>& commandTable() {
  static const std::vector<TableCommand> table = [] {
    const SplitRun r = runSplit("help --json");
    REQUIRE(r.status == 0);
    std::vector<TableCommand> commands;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    for (const auto& c : doc.at("commands")) {
      TableCommand command{c.at("name"), {}, tableOptions(c.at("options")), {}};
      for (const auto& o : c.at("operands")) command.operands.push_back(o.at("name"));
      for (const auto& s : c.at("subcommands")) {
        command.subcommands.push_back({s.at("name"), s.at("operand"), tableOptions(s.at("options"))});
      }
      commands.push_back(std::move(command));
    }
    REQUIRE(commands.size() >= 17);
    return commands;
  }();
  return table;
}

// Every spelling of the command's options (names and aliases), and --help.
inline std::vector<std::string> spellings(const std::vector<TableOption>& options) {
  std::vector<std::string> all;
  for (const TableOption& o : options) {
    all.push_back(o.name);
    if (!o.alias.empty()) all.push_back(o.alias);
  }
  return all;
}

// A word quoted for sh.
inline std::string shellQuoted(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace testing
