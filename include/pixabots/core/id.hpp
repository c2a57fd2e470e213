#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "pixabots/core/catalog.hpp"

namespace pixabots::core {

// One part index per category, in encoding order (eyes, heads, body, top).
struct Combo {
  std::array<int, 4> parts{};
  int operator[](Category c) const { return parts[static_cast<std::size_t>(c)]; }
  int& operator[](Category c) { return parts[static_cast<std::size_t>(c)]; }
  bool operator==(const Combo&) const = default;
};

// Why a string is not a valid ID for a catalog.
struct IdProblem {
  enum class Kind { wrong_length, bad_character, index_out_of_range };
  Kind kind;
  int position = -1;                   // character index for bad_character / index_out_of_range
  Category category = Category::eyes;  // for index_out_of_range
  std::string message;                 // names the bad value and the accepted range
};

// Returns the problem, or nothing when `id` is valid for `catalog`. Exactly 4
// characters of [0-9a-z]; upper case is not accepted (callers that want to be
// lenient lower-case first, as the service's batch endpoint does).
std::optional<IdProblem> checkId(const Catalog& catalog, std::string_view id);
bool isValidId(const Catalog& catalog, std::string_view id);

// The ID character of a part index 0..35: '0'..'9', then 'a'..'z'.
char idDigit(int index);

// Throws Error(invalid_id) with the IdProblem's message.
Combo decodeId(const Catalog& catalog, std::string_view id);
// Throws Error(invalid_id) naming the category when an index is out of the catalog's range.
void validateCombo(const Catalog& catalog, const Combo& combo);
// Throws as validateCombo does.
std::string encodeId(const Catalog& catalog, const Combo& combo);

// Stable browse order: top + body*nTop + heads*nTop*nBody + eyes*nTop*nBody*nHeads.
std::uint32_t comboIndex(const Catalog& catalog, const Combo& combo);
// Throws Error(invalid_id) when index >= catalog.combinations().
Combo comboAt(const Catalog& catalog, std::uint32_t index);
// Neighbours in browse order, wrapping around at both ends.
Combo nextCombo(const Catalog& catalog, const Combo& combo);
Combo previousCombo(const Catalog& catalog, const Combo& combo);

}  // namespace pixabots::core
