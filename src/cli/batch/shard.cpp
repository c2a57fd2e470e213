#include "cli/batch/shard.hpp"

#include <charconv>
#include <string>

#include "pixabots/core/error.hpp"

namespace pixabots::cli::batch {
namespace {

constexpr std::uint32_t kMaxShards = 1'000'000;

bool parse(std::string_view text, std::uint32_t& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Shard parseShard(std::string_view text) {
  Shard shard;
  const std::size_t slash = text.find('/');
  const bool ok = slash != std::string_view::npos && parse(text.substr(0, slash), shard.index) &&
                  parse(text.substr(slash + 1), shard.count) && shard.count >= 1 && shard.count <= kMaxShards &&
                  shard.index < shard.count;
  if (!ok) {
    throw core::Error(core::Errc::invalid_option,
                      "--shard \"" + std::string(text) + "\" is not valid: expected i/n with n between 1 and " +
                          std::to_string(kMaxShards) + " and i between 0 and n-1 (e.g. 0/4 ... 3/4)");
  }
  return shard;
}

}  // namespace pixabots::cli::batch
