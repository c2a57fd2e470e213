#include "cli/batch/work_list.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <string_view>

#include "cli/list_file.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/json_input.hpp"

namespace pixabots::cli::batch {
namespace {

bool blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Lines as long as any seed or commented ID line needs, and as many as any
// real list of IDs (10,752 exist) or of users to draw: the limits only stop
// input that never ends (/dev/zero, an endless pipe) from filling memory.
constexpr std::size_t kMaxLineBytes = 4096;
constexpr std::size_t kMaxLines = 1'000'000;

void add(WorkList& list, const Context& ctx, std::string id, std::string seed, std::size_t line) {
  const std::uint32_t combo = ctx.comboIndex(id);
  list.entries.push_back({std::move(id), std::move(seed), list.entries.size() + list.bad.size(), line, combo});
}

void addBad(WorkList& list, const std::string& path, std::size_t line, const std::string& why) {
  list.bad.push_back(
      {list.entries.size() + list.bad.size(), line, listFileLabel(path) + ":" + std::to_string(line) + ": " + why});
}

// SplitMix64: tiny, and fully specified, unlike the standard distributions.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound): rejects the top values that would bias the modulo.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return x % bound;
  }
};

}  // namespace

WorkList allIds(const Context& ctx) {
  WorkList list;
  const std::uint32_t n = ctx.comboCount();
  list.entries.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) list.entries.push_back({ctx.idAt(i), {}, i, 0, i});
  return list;
}

WorkList randomIds(const Context& ctx, std::uint32_t count, std::uint64_t seed) {
  // A partial Fisher-Yates shuffle of browse order: `count` distinct IDs.
  std::vector<std::uint32_t> order(ctx.comboCount());
  std::iota(order.begin(), order.end(), 0U);
  SplitMix64 random{seed};
  WorkList list;
  list.entries.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::swap(order[i], order[i + random.below(order.size() - i)]);
    list.entries.push_back({ctx.idAt(order[i]), {}, i, 0, order[i]});
  }
  return list;
}

WorkList idsFromFile(const Context& ctx, const std::string& path) {
  WorkList list;
  readListFile(path, {"--ids", kMaxLineBytes, kMaxLines}, [&](std::string_view raw, std::size_t number) {
    const std::string_view text = trim(raw);
    if (text.empty() || text.front() == '#') return;
    std::string id(text);
    std::transform(id.begin(), id.end(), id.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    try {
      ctx.checkId(id);
    } catch (const Error& e) {
      addBad(list, path, number, e.what());
      return;
    }
    add(list, ctx, std::move(id), {}, number);
  });
  return list;
}

WorkList seedsFromFile(const Context& ctx, const std::string& path) {
  WorkList list;
  readListFile(path, {"--seeds", kMaxLineBytes, kMaxLines}, [&](std::string_view seed, std::size_t number) {
    if (blank(seed)) return;
    try {
      core::requireUtf8(seed, "the seed");
    } catch (const core::Error& e) {
      addBad(list, path, number, e.what());
      return;
    }
    add(list, ctx, ctx.seededId(seed), std::string(seed), number);
  });
  return list;
}

}  // namespace pixabots::cli::batch
