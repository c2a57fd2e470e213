#pragma once
// The table's prose (commands.hpp) in blocks, for the help text to fill at
// 80 columns and the man pages to hand to roff.
#include <string_view>
#include <vector>

namespace pixabots::cli {

struct ProseBlock {
  bool literal = false;       // indented lines, shown as written (less two spaces in man pages)
  bool newParagraph = false;  // after a blank line (or first)
  std::vector<std::string_view> lines;
};

std::vector<ProseBlock> proseBlocks(std::string_view text);

}  // namespace pixabots::cli
