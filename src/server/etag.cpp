#include "server/etag.hpp"

#include <cstdint>

namespace pixabots::server {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  return hash;
}

// The opaque tag (quotes included) of an entity tag, without its weak prefix.
std::string_view opaque(std::string_view tag) {
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

bool isOws(char c) { return c == ' ' || c == '\t'; }

std::string_view trimOws(std::string_view s) {
  while (!s.empty() && isOws(s.front())) s.remove_prefix(1);
  while (!s.empty() && isOws(s.back())) s.remove_suffix(1);
  return s;
}

// etagc of RFC 9110: any visible character but the double quote, or obs-text.
bool isEtagc(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u == 0x21 || (u >= 0x23 && u != 0x7f);
}

bool wellFormedOpaque(std::string_view tag) {
  if (tag.size() < 2 || tag.front() != '"' || tag.back() != '"') return false;
  for (const char c : tag.substr(1, tag.size() - 2)) {
    if (!isEtagc(c)) return false;
  }
  return true;
}

}  // namespace

std::string strongEtag(std::string_view body, std::string_view contentType) {
  std::uint64_t hash = fnv1a(kFnvOffset, contentType);
  // A separator that cannot occur in a media type keeps ("ab","c") and
  // ("a","bc") apart.
  hash = fnv1a(hash, std::string_view("\0", 1));
  hash = fnv1a(hash, body);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag(18, '"');
  for (int i = 0; i < 16; ++i) {
    tag[static_cast<std::size_t>(16 - i)] = kHex[hash & 0xf];
    hash >>= 4;
  }
  return tag;
}

bool ifNoneMatchHits(std::string_view header, std::string_view etag) {
  const std::string_view ours = opaque(trimOws(etag));
  if (!wellFormedOpaque(ours)) return false;
  if (trimOws(header) == "*") return true;
  // Walk the list by hand: commas may sit inside quoted tags (etagc allows
  // them), so a plain split on ',' would cut a tag in two.
  std::size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (isOws(header[i]) || header[i] == ',')) ++i;
    if (i >= header.size()) break;
    const std::size_t start = i;
    if (header.substr(i).starts_with("W/")) i += 2;
    if (i < header.size() && header[i] == '"') {
      const std::size_t close = header.find('"', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view tag = opaque(header.substr(start, close + 1 - start));
        i = close + 1;
        while (i < header.size() && isOws(header[i])) ++i;
        // A tag must end its member; anything glued to it makes it malformed.
        if (i >= header.size() || header[i] == ',') {
          if (tag == ours && wellFormedOpaque(tag)) return true;
          continue;
        }
      }
    }
    // Malformed member: it never matches; resume at the next comma.
    const std::size_t comma = header.find(',', i);
    if (comma == std::string_view::npos) break;
    i = comma + 1;
  }
  return false;
}

}  // namespace pixabots::server
