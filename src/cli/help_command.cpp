// `pixabots help [COMMAND]`: the help of `pixabots --help` or `pixabots
// COMMAND --help`; with --json, the command table itself, for tools (and the
// tests that check every option reaches the help, man pages and completions).
#include <algorithm>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/help_text.hpp"
#include "cli/overview.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/pixabots.hpp"

namespace pixabots::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr Operand kOperands[] = {{.name = "COMMAND",
                                  .help = "the command to describe (default: the list of commands)",
                                  .complete = Completion::command}};

constexpr Option kOptions[] = {
    {.name = "--json",
     .help = "the command table as JSON: {version, commands: [{name, summary, synopsis, operands, options, "
             "subcommands}]}"},
};

std::string_view completionName(Completion c) {
  switch (c) {
    case Completion::none: return "none";
    case Completion::file: return "file";
    case Completion::directory: return "directory";
    case Completion::command: return "command";
  }
  return "none";
}

Json words(std::string_view text, char separator) {
  Json list = Json::array();
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(separator), text.size());
    list.push_back(std::string(text.substr(0, end)));
    text.remove_prefix(std::min(text.size(), end + 1));
  }
  return list;
}

Json optionsJson(std::span<const Option> options) {
  Json list = Json::array();
  for (const Option& o : options) {
    list.push_back({{"name", o.name},
                    {"alias", o.alias},
                    {"value", o.value},
                    {"help", o.help},
                    {"complete", completionName(o.complete)},
                    {"choices", words(o.choices, ' ')},
                    {"group", o.group}});
  }
  return list;
}

Json commandJson(const Command& c) {
  Json operands = Json::array(), subcommands = Json::array();
  for (const Operand& o : c.operands) {
    operands.push_back({{"name", o.name},
                        {"help", o.help},
                        {"complete", completionName(o.complete)},
                        {"choices", words(o.choices, ' ')}});
  }
  for (const Subcommand& s : c.subcommands) {
    subcommands.push_back(
        {{"name", s.name}, {"operand", s.operand}, {"summary", s.summary}, {"options", optionsJson(s.options)}});
  }
  return {{"name", c.name},
          {"summary", c.summary},
          {"synopsis", words(c.synopsis, '\n')},
          {"operands", operands},
          {"options", optionsJson(c.options)},
          {"subcommands", subcommands}};
}

int help(const std::vector<std::string_view>& argv) {
  const Args args(argv, kOptions);
  if (args.positionals().size() > 1) {
    throw core::Error(core::Errc::invalid_option,
                      "help takes at most one command, got " + std::to_string(args.positionals().size()));
  }
  const Command* command = args.positionals().empty() ? nullptr : &commandNamed(args.positionals()[0]);
  if (args.flag("--json")) {
    Json list = Json::array();
    if (command) {
      list.push_back(commandJson(*command));
    } else {
      for (const Command* c : commands()) list.push_back(commandJson(*c));
    }
    std::cout << Json{{"version", version()}, {"commands", list}}.dump(2) << "\n";
  } else {
    std::cout << (command ? commandHelp(*command) : usageText(commands()));
  }
  return 0;
}

}  // namespace

const Command kHelpCommand{
    .name = "help",
    .summary = "the list of commands, or one command's help",
    .synopsis = "[COMMAND] [--json]",
    .description =
        "pixabots help COMMAND prints what pixabots COMMAND --help prints; pixabots help alone,\n"
        "the list of commands.",
    .operands = kOperands,
    .options = kOptions,
    .examples =
        "pixabots help render\n"
        "pixabots help --json",
    .run = help,
};

}  // namespace pixabots::cli
