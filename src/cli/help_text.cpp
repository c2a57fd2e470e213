#include "cli/help_text.hpp"

#include <algorithm>
#include <vector>

#include "cli/overview.hpp"
#include "cli/prose.hpp"

namespace pixabots::cli {
namespace {

constexpr std::size_t kWidth = 80;
constexpr std::size_t kMaxTag = 24;  // a longer tag puts its help on the next line

// `text` filled into lines of kWidth columns, each but the first starting at
// `indent`; the first continues a line already `column` wide.
std::string wrap(std::string_view text, std::size_t column, std::size_t indent) {
  std::string out;
  std::size_t at = column;
  bool first = true;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(' '), text.size());
    const std::string_view word = text.substr(0, end);
    text.remove_prefix(std::min(text.size(), end + 1));
    if (!first && at + 1 + word.size() > kWidth) {
      out += "\n" + std::string(indent, ' ');
      at = indent;
    } else if (!first) {
      out += ' ';
      ++at;
    }
    out += word;
    at += word.size();
    first = false;
  }
  return out;
}

std::string tag(const Option& option) {
  std::string text = option.alias.empty() ? std::string() : std::string(option.alias) + ", ";
  text += option.name;
  if (!option.value.empty()) text += " " + std::string(option.value);
  return text;
}

// One "  TAG  help" entry per row, the helps aligned at a column past every
// tag no wider than kMaxTag.
struct Row {
  std::string tag, help;
};

std::size_t tagWidth(const std::vector<Row>& rows) {
  std::size_t width = 0;
  for (const Row& r : rows) {
    if (r.tag.size() <= kMaxTag) width = std::max(width, r.tag.size());
  }
  return width;
}

std::string table(const std::vector<Row>& rows, std::size_t indent, std::size_t width) {
  const std::size_t column = indent + width + 2;
  std::string out;
  for (const Row& r : rows) {
    out += std::string(indent, ' ') + r.tag;
    if (r.tag.size() > width) {
      out += "\n" + std::string(column, ' ');
    } else {
      out += std::string(column - indent - r.tag.size(), ' ');
    }
    out += wrap(r.help, column, column) + "\n";
  }
  return out;
}

std::string table(const std::vector<Row>& rows, std::size_t indent) { return table(rows, indent, tagWidth(rows)); }

// The options under their group headings ("options:" until the first), the
// helps of every group in one column; --help last.
std::string optionSections(std::span<const Option> options) {
  std::vector<Row> rows;
  for (const Option& o : options) rows.push_back({tag(o), std::string(o.help)});
  rows.push_back({tag(kHelpOption), std::string(kHelpOption.help)});
  const std::size_t width = tagWidth(rows);
  std::string out;
  std::string_view heading = "options";
  std::vector<Row> section;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i < options.size() && !options[i].group.empty()) {
      if (!section.empty()) out += "\n" + std::string(heading) + ":\n" + table(section, 2, width);
      section.clear();
      heading = options[i].group;
    }
    section.push_back(rows[i]);
  }
  return out + "\n" + std::string(heading) + ":\n" + table(section, 2, width);
}

// Each subcommand with its summary, its own options indented under it.
std::string subcommandSection(std::span<const Subcommand> subcommands) {
  if (subcommands.empty()) return "";
  std::vector<Row> names;
  for (const Subcommand& s : subcommands) {
    names.push_back(
        {std::string(s.name) + (s.operand.empty() ? "" : " " + std::string(s.operand)), std::string(s.summary)});
  }
  const std::size_t width = tagWidth(names);
  std::string out = "\nsubcommands:\n";
  for (std::size_t i = 0; i < subcommands.size(); ++i) {
    out += table({names[i]}, 2, width);
    std::vector<Row> rows;
    for (const Option& o : subcommands[i].options) rows.push_back({tag(o), std::string(o.help)});
    if (!rows.empty()) out += table(rows, 6);
  }
  return out;
}

// Prose filled at kWidth columns, indented runs as written.
std::string filled(std::string_view text) {
  std::string out;
  for (const ProseBlock& block : proseBlocks(text)) {
    if (block.newParagraph && !out.empty()) out += "\n";
    if (block.literal) {
      for (std::string_view line : block.lines) out += std::string(line) + "\n";
      continue;
    }
    std::string paragraph;
    for (std::string_view line : block.lines) paragraph += (paragraph.empty() ? "" : " ") + std::string(line);
    out += wrap(paragraph, 0, 0) + "\n";
  }
  return out;
}

std::string indentLines(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    out += "  " + std::string(text.substr(0, end)) + "\n";
    text.remove_prefix(std::min(text.size(), end + 1));
  }
  return out;
}

}  // namespace

std::string usageText(std::span<const Command* const> commands) {
  std::string out = "usage: pixabots COMMAND [options]   (pixabots COMMAND --help for its options)\n\ncommands:\n";
  for (const Command* c : commands) {
    out += "  " + std::string(c->name) + std::string(16 - std::min<std::size_t>(c->name.size(), 15), ' ') +
           std::string(c->summary) + "\n";
  }
  out += "\n";
  for (const Option* o : {&kHelpOption, &kVersionOption}) {
    const std::string name = tag(*o);
    out += "  " + name + std::string(16 - std::min<std::size_t>(name.size(), 15), ' ') + std::string(o->help) + "\n";
  }
  return out + "\n" + filled(kOverview);
}

std::string commandHelp(const Command& command) {
  std::string out;
  std::string_view synopsis = command.synopsis;
  const std::string lead = "pixabots " + std::string(command.name) + " ";
  for (bool first = true; !synopsis.empty(); first = false) {
    const std::size_t end = std::min(synopsis.find('\n'), synopsis.size());
    out += (first ? "usage: " : "       ") + lead + std::string(synopsis.substr(0, end)) + "\n";
    synopsis.remove_prefix(std::min(synopsis.size(), end + 1));
  }
  if (!command.description.empty()) out += "\n" + filled(command.description);
  if (!command.operands.empty()) {
    std::vector<Row> rows;
    for (const Operand& o : command.operands) rows.push_back({std::string(o.name), std::string(o.help)});
    out += "\narguments:\n" + table(rows, 2);
  }
  out += subcommandSection(command.subcommands);
  out += optionSections(command.options);
  if (!command.notes.empty()) out += "\n" + filled(command.notes);
  if (!command.examples.empty()) out += "\nexamples:\n" + indentLines(command.examples);
  return out;
}

}  // namespace pixabots::cli
