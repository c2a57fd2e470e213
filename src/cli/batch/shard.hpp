#pragma once
#include <cstdint>
#include <string_view>

namespace pixabots::cli::batch {

// --shard i/n: this run does the avatars whose key is i modulo n. The key is
// the avatar's combo index, so one file is always written by exactly one
// shard, whichever name template and input order are used.
struct Shard {
  std::uint32_t index = 0;
  std::uint32_t count = 1;
  bool owns(std::uint64_t key) const { return key % count == index; }
};

// Throws core::Error(invalid_option) saying what "i/n" must look like.
Shard parseShard(std::string_view text);

}  // namespace pixabots::cli::batch
