#include "cli/manpage.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "cli/overview.hpp"
#include "cli/prose.hpp"

namespace pixabots::cli {
namespace {

// Text for a roff line: backslashes, minus signs (so options copy as ASCII
// hyphen-minus) and anything past ASCII as named characters, which every
// output device has; a line cannot start a request ('.', '\'').
std::string escaped(std::string_view text) {
  std::string out = text.starts_with('.') || text.starts_with('\'') ? "\\&" : "";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // A UTF-8 sequence: its code point as \[uXXXX].
      const int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
      std::uint32_t code = c & (0x3fu >> extra);
      for (int k = 0; k < extra && i + 1 < text.size(); ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3fu);
      char name[16];
      std::snprintf(name, sizeof name, "\\[u%04X]", static_cast<unsigned>(code));
      out += name;
    }
  }
  return out;
}

std::string bold(std::string_view text) { return "\\fB" + escaped(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + escaped(text) + "\\fR"; }
std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return out;
}

// Prose as the table writes it (commands.hpp): paragraphs filled by roff,
// indented runs kept as written.
std::string prose(std::string_view text) {
  std::string out;
  for (const ProseBlock& block : proseBlocks(text)) {
    if (block.newParagraph && !out.empty()) out += ".PP\n";
    if (block.literal) out += ".RS\n.nf\n";
    for (std::string_view line : block.lines) {
      out += escaped(block.literal ? line.substr(std::min(line.find_first_not_of(' '), std::size_t{2})) : line) + "\n";
    }
    if (block.literal) out += ".fi\n.RE\n";
  }
  return out;
}

std::string title(std::string_view name, const ManualEdition& edition) {
  return ".TH \"" + escaped(upper(name)) + "\" 1 \"" + edition.date + "\" \"pixabots " + edition.version +
         "\" \"pixabots manual\"\n"
         // Ragged right, unhyphenated: option names and paths stay whole for copying.
         ".ad l\n.nh\n";
}

std::string optionTag(const Option& o) {
  std::string text = o.alias.empty() ? "" : bold(o.alias) + ", ";
  text += bold(o.name);
  if (!o.value.empty()) text += " " + italic(o.value);
  return text;
}

std::string optionItems(std::span<const Option> options) {
  std::string out;
  for (const Option& o : options) {
    if (!o.group.empty()) out += ".SS \"" + escaped(o.group) + "\"\n";
    out += ".TP\n" + optionTag(o) + "\n" + escaped(o.help) + "\n";
  }
  return out;
}

std::string examples(std::string_view lines) {
  if (lines.empty()) return "";
  return ".SH EXAMPLES\n.nf\n" + [&] {
    std::string out;
    while (!lines.empty()) {
      const std::size_t end = std::min(lines.find('\n'), lines.size());
      out += escaped(lines.substr(0, end)) + "\n";
      lines.remove_prefix(std::min(lines.size(), end + 1));
    }
    return out;
  }() + ".fi\n";
}

}  // namespace

std::string overviewManPage(std::span<const Command* const> commands, const ManualEdition& edition) {
  std::string out = title("pixabots", edition);
  out += ".SH NAME\npixabots \\- " + escaped(kProgramSummary) + "\n";
  out += ".SH SYNOPSIS\n.nf\n" + bold("pixabots") + " " + italic("COMMAND") + " [" + italic("options") + "]\n" +
         bold("pixabots") + " " + italic("COMMAND") + " " + bold(kHelpOption.name) + "\n" + bold("pixabots") + " " +
         bold("--version") + "\n.fi\n";
  out += ".SH DESCRIPTION\n" + prose("One program, one command per job.\n\n" + std::string(kOverview));
  out += ".SH COMMANDS\n";
  for (const Command* c : commands) {
    out += ".TP\n" + bold("pixabots " + std::string(c->name)) + "\n" + escaped(c->summary) + "; see " +
           bold("pixabots-" + std::string(c->name)) + "(1).\n";
  }
  out += ".SH OPTIONS\n" + optionItems(std::array{kHelpOption, kVersionOption});
  out += ".SH EXIT STATUS\n" + prose(kExitStatus);
  out += ".SH SEE ALSO\n";
  for (std::size_t i = 0; i < commands.size(); ++i) {
    out += bold("pixabots-" + std::string(commands[i]->name)) + "(1)" + (i + 1 < commands.size() ? ",\n" : "\n");
  }
  return out;
}

std::string commandManPage(const Command& c, const ManualEdition& edition) {
  const std::string page = "pixabots-" + std::string(c.name);
  std::string out = title(page, edition);
  out += ".SH NAME\n" + escaped(page) + " \\- " + escaped(c.summary) + "\n";
  out += ".SH SYNOPSIS\n.nf\n";
  for (std::string_view rest = c.synopsis; !rest.empty();) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    out += bold("pixabots " + std::string(c.name)) + " " + escaped(rest.substr(0, end)) + "\n";
    rest.remove_prefix(std::min(rest.size(), end + 1));
  }
  out += ".fi\n";
  if (!c.description.empty()) out += ".SH DESCRIPTION\n" + prose(c.description);
  if (!c.operands.empty()) {
    out += ".SH ARGUMENTS\n";
    for (const Operand& o : c.operands) out += ".TP\n" + italic(o.name) + "\n" + escaped(o.help) + "\n";
  }
  if (!c.subcommands.empty()) {
    out += ".SH SUBCOMMANDS\n";
    for (const Subcommand& s : c.subcommands) {
      out += ".TP\n" + bold(s.name) + (s.operand.empty() ? "" : " " + italic(s.operand)) + "\n" + escaped(s.summary) +
             "\n";
      if (!s.options.empty()) out += ".RS\n" + optionItems(s.options) + ".RE\n";
    }
  }
  out += ".SH OPTIONS\n" + optionItems(c.options) + optionItems(std::array{kHelpOption});
  if (!c.notes.empty()) out += ".SH NOTES\n" + prose(c.notes);
  out += examples(c.examples);
  out += ".SH SEE ALSO\n" + bold("pixabots") + "(1)\n";
  return out;
}

}  // namespace pixabots::cli
