// `pixabots completion bash`: one function, _pixabots, with a case per
// command (and per remote subcommand) that completes option names, the
// values declared for them (choices, files, directories) and the operands.
// Self-contained: it needs no bash-completion helpers.
#include <string>

#include "cli/completion.hpp"
#include "cli/overview.hpp"

namespace pixabots::cli {
namespace {

std::string quoted(std::string_view words) {
  std::string out = "'";
  for (char c : words) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The statement that completes a value of kind `complete`; empty when it is
// free text.
std::string reply(Completion complete, std::string_view choices, std::span<const Command* const> commands) {
  if (complete == Completion::file) return "_pixabots_files";
  if (complete == Completion::directory) return "_pixabots_dirs";
  const std::string words = completionWords(complete, choices, commands);
  return words.empty() ? "" : "_pixabots_words " + quoted(words);
}

// The body of one command's (or subcommand's) case: a value for the option
// before the cursor, else option names, else the operand.
std::string optionCase(std::span<const Option> shared, std::span<const Option> own, const Operand* operand,
                       std::span<const Command* const> commands, const std::string& indent) {
  std::string cases, names, freeText;
  for (std::span<const Option> list : {shared, own}) {
    for (const Option& o : list) {
      const std::string spellings = (o.alias.empty() ? "" : std::string(o.alias) + "|") + std::string(o.name);
      names += (names.empty() ? "" : " ") + (o.alias.empty() ? "" : std::string(o.alias) + " ") + std::string(o.name);
      if (o.value.empty()) continue;
      const std::string action = reply(o.complete, o.choices, commands);
      if (action.empty()) {
        freeText += (freeText.empty() ? "" : "|") + spellings;
      } else {
        cases += indent + "  " + spellings + ") " + action + "; return ;;\n";
      }
    }
  }
  if (!freeText.empty()) cases += indent + "  " + freeText + ") return ;;\n";
  names += " " + std::string(kHelpOption.alias) + " " + std::string(kHelpOption.name);
  std::string out = cases.empty() ? "" : indent + "case $prev in\n" + cases + indent + "esac\n";
  out += indent + "if [[ $cur == -* ]]; then _pixabots_words " + quoted(names) + "; return; fi\n";
  const std::string operandAction = operand ? reply(operand->complete, operand->choices, commands) : "";
  if (!operandAction.empty()) out += indent + operandAction + "\n";
  return out;
}

}  // namespace

std::string bashCompletion(std::span<const Command* const> commands) {
  std::string out =
      "# bash completion for pixabots, made by `pixabots completion bash` from its command table.\n"
      "_pixabots_words() { mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$cur\"); }\n"
      "_pixabots_files() { compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); }\n"
      "_pixabots_dirs() { compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$cur\"); }\n"
      "\n"
      "_pixabots() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
      "  # --name=value: bash splits at '=', so the option is the word before it.\n"
      "  if [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; elif [[ $cur == = ]]; then cur=; fi\n"
      "  COMPREPLY=()\n"
      "  if ((COMP_CWORD == 1)); then\n"
      "    _pixabots_words " +
      quoted(completionWords(Completion::command, "", commands) + " " + std::string(kHelpOption.alias) + " " +
             std::string(kHelpOption.name) + " " + std::string(kVersionOption.name)) +
      "\n"
      "    return\n"
      "  fi\n"
      "  case ${COMP_WORDS[1]} in\n";
  for (const Command* c : commands) {
    out += "    " + std::string(c->name) + ")\n";
    const Operand* operand = c->operands.empty() ? nullptr : &c->operands[0];
    if (c->subcommands.empty()) {
      out += optionCase({}, c->options, operand, commands, "      ");
    } else {
      std::string names;
      for (const Subcommand& s : c->subcommands) names += (names.empty() ? "" : " ") + std::string(s.name);
      out += "      if ((COMP_CWORD == 2)); then _pixabots_words " + quoted(names) + "; return; fi\n";
      out += "      case ${COMP_WORDS[2]} in\n";
      for (const Subcommand& s : c->subcommands) {
        out += "        " + std::string(s.name) + ")\n" +
               optionCase(c->options, s.options, nullptr, commands, "          ");
        out += "          ;;\n";
      }
      out += "      esac\n";
    }
    out += "      ;;\n";
  }
  out +=
      "  esac\n"
      "}\n"
      "complete -F _pixabots pixabots\n";
  return out;
}

}  // namespace pixabots::cli
