// `pixabots completion zsh`: a #compdef function, _pixabots, that hands each
// command's words to _arguments with a spec per option (its description,
// what its value completes to) and per operand; remote's subcommands nest.
#include <string>

#include "cli/completion.hpp"
#include "cli/overview.hpp"

namespace pixabots::cli {
namespace {

// Text inside a single-quoted zsh word.
std::string quote(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

// A description inside _arguments' [...]: brackets and backslashes escaped.
std::string described(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return quote(out);
}

// The action completing a value of kind `complete`.
std::string action(Completion complete, std::string_view choices, std::span<const Command* const> commands) {
  if (complete == Completion::file) return "_files";
  if (complete == Completion::directory) return "_files -/";
  const std::string words = completionWords(complete, choices, commands);
  return words.empty() ? " " : "(" + words + ")";
}

// "c" for a valid zsh name: '-' in "validate-pack" becomes '_'.
std::string functionName(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = c == '-' ? '_' : c;
  return out;
}

std::string optionSpecs(std::span<const Option> options, std::span<const Command* const> commands) {
  std::string out;
  for (const Option& o : options) {
    const std::string exclusion = o.alias.empty() ? "" : "(" + std::string(o.alias) + " " + std::string(o.name) + ")";
    const std::string value =
        o.value.empty() ? "" : ":" + quote(std::string(o.value)) + ":" + quote(action(o.complete, o.choices, commands));
    const std::string help = "[" + described(o.help) + "]";
    if (!o.alias.empty()) out += "    '" + exclusion + std::string(o.alias) + help + value + "' \\\n";
    out += "    '" + exclusion + std::string(o.name) + (o.value.empty() ? "" : "=") + help + value + "' \\\n";
  }
  return out;
}

std::string helpSpec() {
  return "    '(- *)'{" + std::string(kHelpOption.alias) + "," + std::string(kHelpOption.name) + "}'[" +
         described(kHelpOption.help) + "]'";
}

}  // namespace

std::string zshCompletion(std::span<const Command* const> commands) {
  std::string out =
      "#compdef pixabots\n"
      "# zsh completion for pixabots, made by `pixabots completion zsh` from its command table.\n";
  for (const Command* c : commands) {
    const std::string name = "_pixabots_" + functionName(c->name);
    if (c->subcommands.empty()) {
      out += "\n" + name + "() {\n  _arguments -s -S \\\n" + optionSpecs(c->options, commands);
      for (const Operand& o : c->operands) {
        const bool repeats = o.name.ends_with("...");
        out += "    '" + std::string(repeats ? "*" : "1") + ":" + quote(o.name) + ":" +
               quote(action(o.complete, o.choices, commands)) + "' \\\n";
      }
      out += helpSpec() + "\n}\n";
      continue;
    }
    for (const Subcommand& s : c->subcommands) {
      out += "\n" + name + "_" + functionName(s.name) + "() {\n  _arguments -s -S \\\n" +
             optionSpecs(c->options, commands) + optionSpecs(s.options, commands);
      if (!s.operand.empty()) out += "    '1:" + quote(s.operand) + ": ' \\\n";
      out += helpSpec() + "\n}\n";
    }
    out += "\n" + name + "() {\n  local curcontext=$curcontext state line\n  local -a subcommands=(\n";
    for (const Subcommand& s : c->subcommands) out += "    '" + std::string(s.name) + ":" + quote(s.summary) + "'\n";
    out += "  )\n  _arguments -C \\\n" + helpSpec() +
           " \\\n    '1:subcommand:->subcommand' \\\n    '*::argument:->argument'\n"
           "  case $state in\n"
           "    subcommand) _describe -t subcommands 'pixabots " +
           std::string(c->name) +
           " subcommand' subcommands ;;\n"
           "    argument)\n"
           "      case $line[1] in\n";
    for (const Subcommand& s : c->subcommands) {
      out += "        " + std::string(s.name) + ") " + name + "_" + functionName(s.name) + " ;;\n";
    }
    out += "      esac ;;\n  esac\n}\n";
  }
  out += "\n_pixabots() {\n  local curcontext=$curcontext state line\n  local -a commands=(\n";
  for (const Command* c : commands) out += "    '" + std::string(c->name) + ":" + quote(c->summary) + "'\n";
  out += "  )\n  _arguments -C \\\n" + helpSpec() + " \\\n    '(- *)" + std::string(kVersionOption.name) + "[" +
         described(kVersionOption.help) +
         "]' \\\n"
         "    '1:command:->command' \\\n"
         "    '*::argument:->argument'\n"
         "  case $state in\n"
         "    command) _describe -t commands 'pixabots command' commands ;;\n"
         "    argument)\n"
         "      case $line[1] in\n";
  for (const Command* c : commands) {
    out += "        " + std::string(c->name) + ") _pixabots_" + functionName(c->name) + " ;;\n";
  }
  out +=
      "      esac ;;\n"
      "  esac\n"
      "}\n"
      "\n"
      "# Autoloaded from $fpath the file is _pixabots's body; sourced, it registers it.\n"
      "if [[ $funcstack[1] == _pixabots ]]; then\n"
      "  _pixabots \"$@\"\n"
      "else\n"
      "  compdef _pixabots pixabots\n"
      "fi\n";
  return out;
}

}  // namespace pixabots::cli
