#include "cli/batch/name_template.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "pixabots/core/error.hpp"

namespace pixabots::cli::batch {
namespace {

constexpr std::string_view kPlaceholders = "{id}, {seed}, {index}, {size}, {format}";

[[noreturn]] void bad(std::string_view text, const std::string& why) {
  throw core::Error(core::Errc::invalid_option, "--name \"" + std::string(text) + "\": " + why);
}

bool safeByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-' || c == '@' || c == '+';
}

}  // namespace

NameTemplate::NameTemplate(std::string_view text) : text_(text) {
  constexpr std::array<std::pair<std::string_view, Field>, 5> kNames = {{{"id", Field::id},
                                                                         {"seed", Field::seed},
                                                                         {"index", Field::index},
                                                                         {"size", Field::size},
                                                                         {"format", Field::format}}};
  std::string literal;
  bool keyed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') bad(text, "'}' without '{'");
    if (text[i] != '{') {
      literal += text[i];
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) bad(text, "'{' is not closed");
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const auto found = std::find_if(kNames.begin(), kNames.end(), [&](const auto& n) { return n.first == name; });
    if (found == kNames.end())
      bad(text, "unknown placeholder {" + std::string(name) + "}; use " + std::string(kPlaceholders));
    if (!literal.empty()) pieces_.push_back({Field::literal, std::exchange(literal, {})});
    pieces_.push_back({found->second, {}});
    keyed = keyed || found->second == Field::id || found->second == Field::seed || found->second == Field::index;
    i = close;
  }
  if (!literal.empty()) pieces_.push_back({Field::literal, literal});
  // Without one of these every avatar would get the same name.
  if (!keyed) bad(text, "needs {id}, {seed} or {index} so that every avatar gets its own file");
  if (text.starts_with('/')) bad(text, "must be relative to --out");
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('/', start), text.size());
    if (text.substr(start, end - start) == "..") bad(text, "must stay inside --out (no '..')");
    start = end + 1;
  }
}

bool NameTemplate::usesSeed() const {
  return std::any_of(pieces_.begin(), pieces_.end(), [](const Piece& p) { return p.field == Field::seed; });
}

std::string NameTemplate::expand(const NameFields& fields) const {
  std::string out;
  for (const Piece& p : pieces_) {
    switch (p.field) {
      case Field::literal: out += p.literal; break;
      case Field::id: out += fields.id; break;
      case Field::seed: out += fileSafe(fields.seed); break;
      case Field::index: out += std::to_string(fields.index); break;
      case Field::size: out += std::to_string(fields.size); break;
      case Field::format: out += fields.format; break;
    }
  }
  return out;
}

std::string fileSafe(std::string_view seed) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(seed.size());
  for (std::size_t i = 0; i < seed.size(); ++i) {
    const char c = seed[i];
    if (safeByte(c) && !(i == 0 && c == '.')) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

}  // namespace pixabots::cli::batch
