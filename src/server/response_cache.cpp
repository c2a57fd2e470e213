#include "server/response_cache.hpp"

#include <algorithm>
#include <utility>

namespace pixabots::server {

ResponseCache::ResponseCache(std::size_t maxBytes) : maxBytes_(maxBytes) {
  // Buckets for a full cache of ~1 KiB entries (a PNG@128), capped: growing
  // the index later rehashes every key under the lock, a stall all threads feel.
  index_.reserve(std::min<std::size_t>(maxBytes / 1024, std::size_t{1} << 18));
}

std::size_t ResponseCache::cost(std::string_view key, const CachedResponse& value) {
  std::size_t size = key.size() + value.body.size() + value.contentType.size() + kEntryOverhead;
  for (const auto& [name, text] : value.headers) size += name.size() + text.size();
  return size;
}

std::shared_ptr<const CachedResponse> ResponseCache::find(std::string_view key) {
  const std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) {
    ++stats_.misses;
    return nullptr;
  }
  ++stats_.hits;
  lru_.splice(lru_.begin(), lru_, found->second);  // iterators stay valid
  return found->second->value;
}

void ResponseCache::eraseLocked(List::iterator it, List& graveyard) {
  stats_.bytes -= it->cost;
  --stats_.entries;
  index_.erase(std::string_view(it->key));
  graveyard.splice(graveyard.end(), lru_, it);
}

void ResponseCache::insert(std::string key, std::shared_ptr<const CachedResponse> value) {
  const std::size_t size = value ? cost(key, *value) : 0;
  // Declared before the lock: removed entries are freed after it is released,
  // so lookups on other threads do not wait on free().
  List graveyard;
  const std::lock_guard lock(mutex_);
  if (const auto old = index_.find(key); old != index_.end()) eraseLocked(old->second, graveyard);
  if (!value || size > maxBytes_) return;  // also covers maxBytes_ == 0
  while (stats_.bytes + size > maxBytes_) {
    eraseLocked(std::prev(lru_.end()), graveyard);
    ++stats_.evictions;
  }
  lru_.push_front(Entry{std::move(key), std::move(value), size});
  try {
    index_.emplace(std::string_view(lru_.front().key), lru_.begin());
  } catch (...) {
    lru_.pop_front();  // keep list and index in step if the map cannot grow
    throw;
  }
  stats_.bytes += size;
  ++stats_.entries;
}

void ResponseCache::clear() {
  List graveyard;  // freed once unlocked, as in insert()
  const std::lock_guard lock(mutex_);
  index_.clear();
  graveyard.swap(lru_);
  stats_.bytes = 0;
  stats_.entries = 0;
}

ResponseCache::Stats ResponseCache::stats() const {
  const std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace pixabots::server
