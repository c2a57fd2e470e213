#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pixabots/pixabots.hpp"

namespace pixabots::cli::batch {

// One avatar asked for.
struct Entry {
  std::string id;
  std::string seed;         // the text the ID came from (--seeds), else empty
  std::size_t index = 0;    // position among the input's entries, from 0 ({index})
  std::size_t line = 0;     // line in the input file, from 1; 0 when not from a file
  std::uint32_t combo = 0;  // browse-order index: the shard key
};

// An input line that names no avatar, with the message saying why.
struct BadEntry {
  std::size_t index = 0;
  std::size_t line = 0;
  std::string message;  // "ids.txt:3: invalid ID ..."
};

struct WorkList {
  std::vector<Entry> entries;
  std::vector<BadEntry> bad;
};

// Every ID in browse order.
WorkList allIds(const Context& ctx);
// `count` distinct IDs drawn at random; the same `seed` draws the same IDs on
// every machine (that is what lets --shard split a random batch).
WorkList randomIds(const Context& ctx, std::uint32_t count, std::uint64_t seed);
// One ID per line ("-" is stdin). Blank lines and '#' comments are skipped,
// and IDs are lower-cased first, as the service's batch endpoint does. Both
// files take lines of up to 4096 bytes and up to 1,000,000 lines; past that,
// core::Error(invalid_option) naming the file, the line and the limit.
WorkList idsFromFile(const Context& ctx, const std::string& path);
// One seed per line (user names, e-mails), taken verbatim apart from the line
// ending; blank lines are skipped, and a line that is not UTF-8 is bad (the
// service hashes text, so other bytes would not give its ID).
WorkList seedsFromFile(const Context& ctx, const std::string& path);

}  // namespace pixabots::cli::batch
