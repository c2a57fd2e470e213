#pragma once
// In-memory LRU of encoded responses, bounded in bytes. Renders are
// deterministic, so a response keyed by its canonical request can be replayed
// byte for byte; the bound keeps a crawler walking every ID from exhausting
// memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pixabots::server {

struct CachedResponse {
  int status;
  std::string contentType;
  std::string body;
  // What the response says of its body (ETag, Cache-Control, Vary, a page's
  // Content-Security-Policy...): the same for every request with the key.
  std::vector<std::pair<std::string, std::string>> headers;
};

class ResponseCache {
 public:
  // What an entry costs beyond its strings: list node, map node, control
  // block, the string headers. An estimate, fixed so the accounting is exact.
  static constexpr std::size_t kEntryOverhead = 256;

  // maxBytes 0 disables the cache: find always misses, insert drops.
  explicit ResponseCache(std::size_t maxBytes);

  // The entry, now the most recently used; nullptr on a miss. The pointer
  // stays valid after the entry is evicted (shared ownership), so a response
  // can be written out without holding the cache's lock.
  std::shared_ptr<const CachedResponse> find(std::string_view key);
  // Stores or replaces `key`, then evicts least recently used entries until
  // the total fits. A null value, or one costing more than the whole budget,
  // is not stored (a replaced key is then removed: its old value is stale).
  void insert(std::string key, std::shared_ptr<const CachedResponse> value);
  // Removes every entry (a reload changed what they would say); the counters stay.
  void clear();

  // What an entry for `key` and `value` is charged: its bytes and kEntryOverhead.
  static std::size_t cost(std::string_view key, const CachedResponse& value);

  struct Stats {
    std::uint64_t hits = 0, misses = 0, evictions = 0;
    std::size_t bytes = 0, entries = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedResponse> value;
    std::size_t cost;
  };
  using List = std::list<Entry>;  // front = most recently used

  // The map's keys view the key strings owned by the list nodes, which never
  // move, so lookups by string_view allocate nothing and keys are stored once.
  struct Hash {
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };

  // Unlinks `it` into `graveyard` (destroyed by the caller once unlocked).
  void eraseLocked(List::iterator it, List& graveyard);

  const std::size_t maxBytes_;
  mutable std::mutex mutex_;
  List lru_;
  std::unordered_map<std::string_view, List::iterator, Hash> index_;
  Stats stats_;
};

}  // namespace pixabots::server
