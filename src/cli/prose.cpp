#include "cli/prose.hpp"

#include <algorithm>

namespace pixabots::cli {

std::vector<ProseBlock> proseBlocks(std::string_view text) {
  std::vector<ProseBlock> blocks;
  bool blank = true;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(text.size(), end + 1));
    if (line.empty()) {
      blank = true;
      continue;
    }
    const bool literal = line.starts_with(' ');
    if (blank || blocks.empty() || blocks.back().literal != literal) {
      blocks.push_back({literal, blank, {}});
    }
    blocks.back().lines.push_back(line);
    blank = false;
  }
  return blocks;
}

}  // namespace pixabots::cli
