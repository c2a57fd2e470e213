#include "server/query.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace pixabots::server {
namespace {

using core::isValidId;

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

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
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

// Number.isInteger(n) && 32 <= n <= 1920
bool isValidSize(std::optional<double> n) {
  return n && std::isfinite(*n) && std::floor(*n) == *n && *n >= kMinSize && *n <= kMaxSize;
}

// JavaScript's String(number) for the values the batch URLs carry.
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

int wrapHue(double h) {
  const double rounded = std::floor(h + 0.5);  // Math.round
  double wrapped = std::fmod(rounded, 360.0);
  if (wrapped < 0) wrapped += 360.0;
  return static_cast<int>(wrapped);
}

bool isHexColor(std::string_view s) {
  return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) { return hexValue(c) >= 0; });
}

// The first `max` code points of UTF-8 text (the service cuts its text parameters).
std::string cutCodePoints(std::string_view text, std::size_t max) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80 && count++ == max) return std::string(text.substr(0, i));
  }
  return std::string(text);
}

// "a, B ,,c" -> {"a","b","c"}: split, trimmed, lower-cased, empties dropped (the service's batch rule).
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

// hue / saturate / speed / bg of the image route, in the service's order of checks.
std::optional<RequestError> parseImageParameters(const QueryParams& q, PixabotRequest& r) {
  if (auto hue = q.get("hue")) {
    const auto h = jsNumber(*hue);
    if (!h || !std::isfinite(*h)) return badRequest("Invalid hue. Must be a number in degrees (0\u2013359).");
    r.hue = wrapHue(*h);
  }
  if (auto saturate = q.get("saturate")) {
    const auto s = jsNumber(*saturate);
    if (!s || !std::isfinite(*s) || *s < 0 || *s > 4) {
      return badRequest("Invalid saturate. Must be a number between 0 and 4.");
    }
    r.saturate = *s;
  }
  if (auto speed = q.get("speed")) {
    const auto s = jsNumber(*speed);
    if (!s || !std::isfinite(*s)) return badRequest("Invalid speed. Must be a number between 0.25 and 4.");
    r.speed = std::clamp(*s, kMinSpeed, kMaxSpeed);
  }
  if (auto bg = q.get("bg")) {
    if (!isHexColor(*bg)) return badRequest("Invalid bg. Must be a hex color like #rrggbb.");
    r.bg = lower(*bg);
  }
  return std::nullopt;
}

ParseResult parsePixabot(const core::Catalog& catalog, std::string id, const QueryParams& q) {
  if (!isValidId(catalog, id)) return badRequest(std::string(kInvalidIdMessage));
  PixabotRequest r;
  r.id = std::move(id);
  const auto sizeParam = q.get("size");
  if (sizeParam && !sizeParam->empty()) {
    const auto size = jsNumber(*sizeParam);
    if (!isValidSize(size)) return badRequest(std::string(kInvalidSizeMessage));
    r.size = static_cast<int>(*size);
  }
  if (auto error = parseImageParameters(q, r)) return *error;
  const auto format = q.get("format");
  if (format == "json") {
    r.output = Output::json;
  } else if (format == "svg") {
    r.output = Output::svg;
  } else if (q.get("animated") == "true") {
    r.output = q.get("webp") == "true" ? Output::webp : Output::gif;
  }
  return ApiRequest{std::move(r)};
}

ParseResult parseBatch(const core::Catalog& catalog, const QueryParams& q) {
  BatchRequest r;
  const auto sizeParam = q.get("size");
  if (sizeParam && !sizeParam->empty()) {
    const auto size = jsNumber(*sizeParam);
    if (!isValidSize(size)) return badRequest(std::string(kInvalidSizeMessage));
    r.size = static_cast<int>(*size);
  }
  const auto idsParam = q.get("ids");
  const auto countParam = q.get("count");
  const double count = countParam && !countParam->empty() ? jsNumber(*countParam).value_or(-1) : 0;
  if (idsParam && !idsParam->empty()) {
    r.ids = splitIds(*idsParam);
  } else if (std::isfinite(count) && std::floor(count) == count && count > 0) {
    // The service serves count > 100 as 100 rather than refusing it.
    r.randomCount = static_cast<int>(std::min<double>(count, kMaxBatchIds));
  } else {
    return badRequest("Provide either `ids=a,b,c,...` (up to 100) or `count=N` for N random pixabots.");
  }
  if (r.randomCount == 0) {
    if (r.ids.empty()) return badRequest("No IDs provided.");
    if (r.ids.size() > kMaxBatchIds) return badRequest("Too many IDs. Max is 100.");
    std::string invalid;
    for (const std::string& id : r.ids) {
      if (isValidId(catalog, id)) continue;
      if (!invalid.empty()) invalid += ", ";
      invalid += id;
    }
    if (!invalid.empty()) return badRequest("Invalid IDs: " + invalid);
  }
  // Palette forwarded into the per-bot URLs; unusable values are dropped, not refused.
  if (auto hue = q.get("hue")) {
    if (const auto h = jsNumber(*hue); h && std::isfinite(*h)) r.paletteSuffix += "&hue=" + std::to_string(wrapHue(*h));
  }
  if (auto saturate = q.get("saturate")) {
    if (const auto s = jsNumber(*saturate); s && std::isfinite(*s)) {
      r.paletteSuffix += "&saturate=" + jsNumberString(std::clamp(*s, 0.0, 4.0));
    }
  }
  return ApiRequest{std::move(r)};
}

ParseResult parseRandom(const QueryParams& q) {
  RandomRequest r;
  if (q.get("format") == "json") {
    r.json = true;
    return ApiRequest{std::move(r)};
  }
  if (auto size = q.get("size"); size && !isValidSize(jsNumber(*size))) {
    return badRequest(std::string(kInvalidSizeMessage));
  }
  if (auto speed = q.get("speed")) {
    const auto s = jsNumber(*speed);
    if (!s || !std::isfinite(*s)) return badRequest("Invalid speed. Must be a number between 0.25 and 4.");
  }
  for (std::string_view key : {"size", "animated", "speed", "webp", "hue", "saturate", "bg"}) {
    const auto value = q.get(key);
    if (!value) continue;
    if (!r.forwardQuery.empty()) r.forwardQuery += '&';
    r.forwardQuery += std::string(key) + "=" + formEncode(*value);
  }
  return ApiRequest{std::move(r)};
}

ParseResult parseOg(const core::Catalog& catalog, const QueryParams& q) {
  OgRequest r;
  const std::string_view type = q.get("type").value_or("grid");
  if (auto title = q.get("title")) r.title = cutCodePoints(*title, core::kOgMaxTitle);
  if (auto subtitle = q.get("subtitle")) r.subtitle = cutCodePoints(*subtitle, core::kOgMaxSubtitle);
  if (auto bg = q.get("bg")) {
    if (!isHexColor(*bg)) return badRequest("Invalid bg. Must be a hex color like #rrggbb.");
    r.bg = lower(*bg);
  }
  if (type == "single") {
    const auto id = q.get("id");
    if (!id || !isValidId(catalog, *id)) return badRequest("Missing or invalid id");
    r.layout = core::OgLayout::single;
    r.ids.emplace_back(*id);
  } else if (type == "compare") {
    // Invalid IDs are dropped, then the first six kept (the service's rule).
    for (std::string& id : splitIds(q.get("ids").value_or(""))) {
      if (isValidId(catalog, id) && r.ids.size() < static_cast<std::size_t>(core::kOgMaxCompare)) {
        r.ids.push_back(std::move(id));
      }
    }
    if (r.ids.empty()) {
      return badRequest("Missing or invalid ids (expected comma-separated list of up to 6 valid pixabot IDs)");
    }
    r.layout = core::OgLayout::compare;
  } else if (type == "grid") {
    const auto seed = q.get("seed");
    r.seed = seed ? cutCodePoints(*seed, kMaxOgSeed) : r.title;
  } else {
    return badRequest("type must be 'grid', 'single', or 'compare'");
  }
  return ApiRequest{std::move(r)};
}

RequestError notFound() { return {404, "Not found"}; }

}  // namespace

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

ParseResult parseRequest(const core::Catalog& catalog, std::string_view target) {
  const std::size_t question = target.find('?');
  const std::string_view path = target.substr(0, question);
  const QueryParams query =
      QueryParams::parse(question == std::string_view::npos ? std::string_view() : target.substr(question + 1));

  constexpr std::string_view kPixabot = "/api/pixabot/";
  if (path.starts_with(kPixabot)) {
    const std::string_view rest = path.substr(kPixabot.size());
    if (rest == "batch") return parseBatch(catalog, query);
    if (rest == "random") return parseRandom(query);
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return parsePixabot(catalog, percentDecode(rest, false), query);
    if (rest.substr(slash) == "/frames") {
      std::string id = percentDecode(rest.substr(0, slash), false);
      if (!isValidId(catalog, id)) return badRequest(std::string(kInvalidIdMessage));
      return ApiRequest{FramesRequest{std::move(id)}};
    }
    return notFound();
  }
  if (path == "/api/og") return parseOg(catalog, query);
  for (std::string_view prefix : {"/parts/", "/sprites/"}) {
    if (!path.starts_with(prefix) || !path.ends_with(".png")) continue;
    std::string sprite = percentDecode(path.substr(prefix.size(), path.size() - prefix.size() - 4), false);
    // Exactly category/name: the handler looks it up in the pack, never on disk.
    if (std::count(sprite.begin(), sprite.end(), '/') != 1) return notFound();
    return ApiRequest{SpriteRequest{std::move(sprite)}};
  }
  if (path == "/openapi.json") return ApiRequest{OpenApiRequest{}};
  if (path == "/healthz") return ApiRequest{HealthRequest{}};
  if (path == "/metrics") return ApiRequest{MetricsRequest{}};
  return notFound();
}

}  // namespace pixabots::server
