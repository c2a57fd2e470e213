#include <string>

#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"

namespace pixabots::core {
namespace {

constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

int digitValue(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'z') return ch - 'a' + 10;
  return -1;
}

// The ID as it can be shown in a message: printable ASCII kept, other bytes as \xNN.
std::string quoted(std::string_view id) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : id.substr(0, 64)) {
    auto u = static_cast<unsigned char>(ch);
    if (u >= 0x20 && u < 0x7f && ch != '"' && ch != '\\') {
      out += ch;
    } else {
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  if (id.size() > 64) out += "...";
  return out + "\"";
}

std::string rangeText(const Catalog& catalog, Category c) {
  int n = catalog.count(c);
  return "0.." + std::to_string(n - 1) + " ('0'..'" + kDigits[n - 1] + "')";
}

}  // namespace

std::optional<IdProblem> checkId(const Catalog& catalog, std::string_view id) {
  const std::string shown = "invalid ID " + quoted(id) + ": ";
  if (id.size() != 4) {
    return IdProblem{IdProblem::Kind::wrong_length, -1, Category::eyes,
                     shown + "must be exactly 4 characters of [0-9a-z], got " + std::to_string(id.size())};
  }
  for (int i = 0; i < 4; ++i) {
    char ch = id[static_cast<std::size_t>(i)];
    if (digitValue(ch) < 0) {
      std::string why = shown + "character " + std::to_string(i + 1) + " is not in [0-9a-z]";
      if (ch >= 'A' && ch <= 'Z') why += " (upper case is not accepted)";
      return IdProblem{IdProblem::Kind::bad_character, i, Category::eyes, why};
    }
  }
  for (int i = 0; i < 4; ++i) {
    Category c = kEncodingOrder[static_cast<std::size_t>(i)];
    int value = digitValue(id[static_cast<std::size_t>(i)]);
    if (value >= catalog.count(c)) {
      return IdProblem{IdProblem::Kind::index_out_of_range, i, c,
                       shown + std::string(categoryName(c)) + " index " + std::to_string(value) + " is out of range " +
                           rangeText(catalog, c)};
    }
  }
  return std::nullopt;
}

bool isValidId(const Catalog& catalog, std::string_view id) { return !checkId(catalog, id); }

Combo decodeId(const Catalog& catalog, std::string_view id) {
  if (auto problem = checkId(catalog, id)) throw Error(Errc::invalid_id, problem->message);
  Combo combo;
  for (std::size_t i = 0; i < 4; ++i) combo.parts[i] = digitValue(id[i]);
  return combo;
}

void validateCombo(const Catalog& catalog, const Combo& combo) {
  for (Category c : kEncodingOrder) {
    if (combo[c] < 0 || combo[c] >= catalog.count(c)) {
      throw Error(Errc::invalid_id, std::string(categoryName(c)) + " index " + std::to_string(combo[c]) +
                                        " is out of range " + rangeText(catalog, c));
    }
  }
}

std::string encodeId(const Catalog& catalog, const Combo& combo) {
  validateCombo(catalog, combo);
  std::string id(4, '0');
  for (std::size_t i = 0; i < 4; ++i) id[i] = kDigits[combo.parts[i]];
  return id;
}

std::uint32_t comboIndex(const Catalog& catalog, const Combo& combo) {
  validateCombo(catalog, combo);
  // Mixed radix with top varying fastest: top + body*nTop + heads*nTop*nBody + ...
  std::uint32_t index = 0;
  for (Category c : kEncodingOrder) {
    index = index * static_cast<std::uint32_t>(catalog.count(c)) + static_cast<std::uint32_t>(combo[c]);
  }
  return index;
}

Combo comboAt(const Catalog& catalog, std::uint32_t index) {
  if (index >= catalog.combinations()) {
    throw Error(Errc::invalid_id, "combo index " + std::to_string(index) + " is out of range 0.." +
                                      std::to_string(catalog.combinations() - 1));
  }
  Combo combo;
  for (auto it = kEncodingOrder.rbegin(); it != kEncodingOrder.rend(); ++it) {
    auto n = static_cast<std::uint32_t>(catalog.count(*it));
    combo[*it] = static_cast<int>(index % n);
    index /= n;
  }
  return combo;
}

Combo nextCombo(const Catalog& catalog, const Combo& combo) {
  return comboAt(catalog, (comboIndex(catalog, combo) + 1) % catalog.combinations());
}

Combo previousCombo(const Catalog& catalog, const Combo& combo) {
  std::uint32_t n = catalog.combinations();
  return comboAt(catalog, (comboIndex(catalog, combo) + n - 1) % n);
}

char idDigit(int index) {
  if (index < 0 || index >= 36) {
    throw Error(Errc::invalid_id, "part index " + std::to_string(index) + " has no ID character: must be 0..35");
  }
  return kDigits[index];
}

}  // namespace pixabots::core
