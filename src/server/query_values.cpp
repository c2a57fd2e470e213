// The value rules of the query parsers: URL decoding and encoding,
// JavaScript's Number() and String(number), sizes, colours, ID lists and text
// cuts, as the public service applies them.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "pixabots/core/render.hpp"
#include "server/query_parsers.hpp"

namespace pixabots::server {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Digits of one radix (0x/0o/0b literals); JavaScript allows no sign or fraction there.
std::optional<double> radixNumber(std::string_view digits, int radix) {
  if (digits.empty()) return std::nullopt;
  double value = 0;
  for (char c : digits) {
    const int d = hexValue(c);
    if (d < 0 || d >= radix) return std::nullopt;
    value = value * radix + d;
  }
  return value;
}

// Decimal literal: digits with an optional fraction and exponent, at least one digit.
bool isDecimalLiteral(std::string_view s) {
  std::size_t i = 0, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i == s.size();
}

}  // namespace

namespace detail {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool isValidSize(std::optional<double> n) {
  return n && std::isfinite(*n) && std::floor(*n) == *n && *n >= core::kMinSize && *n <= core::kMaxSize;
}

std::string jsNumberString(double v) {
  char buffer[64];
  const bool exponent = v != 0 && (std::fabs(v) < 1e-6 || std::fabs(v) >= 1e21);
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, v,
                                    exponent ? std::chars_format::scientific : std::chars_format::fixed);
  std::string text(buffer, result.ptr);
  if (const auto e = text.find('e'); e != std::string::npos) {
    // C writes e-07 / e+21; JavaScript e-7 / e+21.
    std::size_t digits = e + 2;
    while (digits + 1 < text.size() && text[digits] == '0') text.erase(digits, 1);
  }
  if (text == "-0") text = "0";
  return text;
}

bool isHexColor(std::string_view s) {
  return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) { return hexValue(c) >= 0; });
}

std::string cutCodePoints(std::string_view text, std::size_t max) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80 && count++ == max) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

std::vector<std::string> splitIds(std::string_view list) {
  std::vector<std::string> ids;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    if (!item.empty()) ids.push_back(lower(item));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return ids;
}

RequestError badRequest(std::string message) { return {400, std::move(message)}; }

}  // namespace detail

QueryParams QueryParams::parse(std::string_view query) {
  QueryParams params;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      params.items_.emplace_back(
          percentDecode(pair.substr(0, eq), true),
          eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return params;
}

std::optional<std::string_view> QueryParams::get(std::string_view key) const {
  for (const auto& [k, v] : items_) {
    if (k == key) return std::string_view(v);
  }
  return std::nullopt;
}

std::string percentDecode(std::string_view text, bool plusIsSpace) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
      i += 2;
    } else if (c == '+' && plusIsSpace) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string formEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' ||
                       c == '-' || c == '.' || c == '_';
    if (plain) {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::optional<double> jsNumber(std::string_view text) {
  text = trim(text);
  if (text.empty()) return 0.0;
  if (text.size() > 2 && text[0] == '0') {
    switch (text[1]) {
      case 'x':
      case 'X': return radixNumber(text.substr(2), 16);
      case 'o':
      case 'O': return radixNumber(text.substr(2), 8);
      case 'b':
      case 'B': return radixNumber(text.substr(2), 2);
      default: break;
    }
  }
  bool negative = false;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  if (text == "Infinity") return negative ? -kInfinity : kInfinity;
  if (!isDecimalLiteral(text)) return std::nullopt;
  double value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  // Out of range: from_chars leaves the value alone; JavaScript gives Infinity or 0.
  if (result.ec == std::errc::result_out_of_range) {
    const std::size_t e = text.find_first_of("eE");
    value = e != std::string_view::npos && text[e + 1] == '-' ? 0.0 : kInfinity;
  } else if (result.ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace pixabots::server
