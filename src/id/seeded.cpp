#include "pixabots/core/seeded.hpp"

#include <random>

namespace pixabots::core {
namespace {

constexpr char32_t kReplacement = 0xfffd;

// Decodes one code point from UTF-8 starting at s[i], advancing i. Malformed
// sequences yield U+FFFD for their maximal valid prefix, as TextDecoder does.
char32_t nextCodePoint(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i++);
  if (b0 < 0x80) return b0;
  int extra;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    extra = 1, cp = b0 & 0x1fu;
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    extra = 2, cp = b0 & 0x0fu;
    if (b0 == 0xe0) lo = 0xa0;
    if (b0 == 0xed) hi = 0x9f;  // no surrogates
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    extra = 3, cp = b0 & 0x07u;
    if (b0 == 0xf0) lo = 0x90;
    if (b0 == 0xf4) hi = 0x8f;
  } else {
    return kReplacement;
  }
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || byte(i) < lo || byte(i) > hi) return kReplacement;
    cp = (cp << 6) | (byte(i++) & 0x3fu);
    lo = 0x80, hi = 0xbf;
  }
  return cp;
}

}  // namespace

std::uint32_t hashString(std::string_view utf8) {
  std::uint32_t h = 5381;
  auto add = [&h](std::uint32_t unit) { h = h * 33u + unit; };
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = nextCodePoint(utf8, i);
    if (cp >= 0x10000) {  // a surrogate pair in UTF-16
      cp -= 0x10000;
      add(0xd800u + (cp >> 10));
      add(0xdc00u + (cp & 0x3ffu));
    } else {
      add(cp);
    }
  }
  return h;
}

Combo seededCombo(const Catalog& catalog, std::string_view seed) {
  std::uint32_t r = hashString(seed);
  Combo combo;
  for (Category c : kEncodingOrder) {
    auto n = static_cast<std::uint32_t>(catalog.count(c));
    combo[c] = static_cast<int>(r % n);
    r /= n;
  }
  return combo;
}

Combo randomCombo(const Catalog& catalog) {
  thread_local std::mt19937 rng{std::random_device{}()};
  return randomCombo(catalog, rng);
}

}  // namespace pixabots::core
