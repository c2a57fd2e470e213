// `pixabots completion fish`: one `complete` line per command, subcommand,
// option and operand, each under a condition on the words before the cursor
// (__fish_pixabots_at: exactly these words so far; __fish_pixabots_in: these
// words first).
#include <string>

#include "cli/completion.hpp"
#include "cli/overview.hpp"

namespace pixabots::cli {
namespace {

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The complete(1) arguments that offer an operand of kind `complete`.
std::string operandArguments(Completion complete, std::string_view choices, std::span<const Command* const> commands) {
  if (complete == Completion::file) return " -F";
  if (complete == Completion::directory) return " -a '(__fish_complete_directories)'";
  const std::string words = completionWords(complete, choices, commands);
  return words.empty() ? "" : " -a " + quoted(words);
}

// The same for an option's value, which the option requires.
std::string valueArguments(Completion complete, std::string_view choices, std::span<const Command* const> commands) {
  return (complete == Completion::file ? " -r" : " -x") + operandArguments(complete, choices, commands);
}

std::string optionLine(const std::string& condition, const Option& o, std::span<const Command* const> commands) {
  std::string line = "complete -c pixabots -n " + quoted(condition);
  if (!o.alias.empty()) line += " -s " + std::string(o.alias.substr(1));
  line += " -l " + std::string(o.name.substr(2));
  if (o.value.empty()) return line + " -d " + quoted(o.help) + "\n";
  // Values from a list on a line of their own: fish would show the option's
  // description beside each of them.
  const std::string words = completionWords(o.complete, o.choices, commands);
  if (!words.empty()) return line + " -x -a " + quoted(words) + "\n" + line + " -x -d " + quoted(o.help) + "\n";
  return line + valueArguments(o.complete, o.choices, commands) + " -d " + quoted(o.help) + "\n";
}

std::string optionLines(const std::string& condition, std::span<const Option> options,
                        std::span<const Command* const> commands) {
  std::string out;
  for (const Option& o : options) out += optionLine(condition, o, commands);
  return out + optionLine(condition, kHelpOption, commands);
}

}  // namespace

std::string fishCompletion(std::span<const Command* const> commands) {
  std::string out =
      "# fish completion for pixabots, made by `pixabots completion fish` from its command table.\n"
      "function __fish_pixabots_in --description 'the words after pixabots start with these'\n"
      "    set -l words (commandline -opc)[2..]\n"
      "    test (count $words) -ge (count $argv); or return 1\n"
      "    set -l i 1\n"
      "    for word in $argv\n"
      "        test \"$words[$i]\" = $word; or return 1\n"
      "        set i (math $i + 1)\n"
      "    end\n"
      "end\n"
      "function __fish_pixabots_at --description 'the words after pixabots are these, then the cursor'\n"
      "    test (count (commandline -opc)) -eq (math (count $argv) + 1); and __fish_pixabots_in $argv\n"
      "end\n"
      "complete -c pixabots -f\n";
  for (const Command* c : commands) {
    out += "complete -c pixabots -n __fish_pixabots_at -a " + quoted(c->name) + " -d " + quoted(c->summary) + "\n";
  }
  out += optionLine("__fish_pixabots_at", kHelpOption, commands);
  out += optionLine("__fish_pixabots_at", kVersionOption, commands);
  for (const Command* c : commands) {
    const std::string in = "__fish_pixabots_in " + std::string(c->name);
    out += "\n# " + std::string(c->name) + "\n";
    if (c->subcommands.empty()) {
      out += optionLines(in, c->options, commands);
      for (const Operand& o : c->operands) {
        const std::string offered = operandArguments(o.complete, o.choices, commands);
        if (!offered.empty()) out += "complete -c pixabots -n " + quoted(in) + offered + " -d " + quoted(o.help) + "\n";
      }
      continue;
    }
    const std::string at = "__fish_pixabots_at " + std::string(c->name);
    for (const Subcommand& s : c->subcommands) {
      out += "complete -c pixabots -n " + quoted(at) + " -a " + quoted(s.name) + " -d " + quoted(s.summary) + "\n";
    }
    for (const Subcommand& s : c->subcommands) {
      const std::string sub = in + " " + std::string(s.name);
      for (const Option& o : c->options) out += optionLine(sub, o, commands);
      out += optionLines(sub, s.options, commands);
    }
  }
  return out;
}

}  // namespace pixabots::cli
