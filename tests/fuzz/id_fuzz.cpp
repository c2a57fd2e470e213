// libFuzzer target for the ID codec on the service's catalog: whatever the
// input, checkId, isValidId and decodeId agree, and every valid ID survives
// decode -> encode, every combo encode -> decode, every index comboAt ->
// comboIndex. A broken identity aborts, so the fuzzer reports it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"

namespace {

using namespace pixabots::core;

void check(bool ok) {
  if (!ok) std::abort();
}

void fuzzString(const Catalog& catalog, std::string_view id) {
  const auto problem = checkId(catalog, id);
  check(isValidId(catalog, id) == !problem);
  if (problem) {
    check(!problem->message.empty());
    try {
      (void)decodeId(catalog, id);
      std::abort();  // an invalid ID must not decode
    } catch (const Error& e) {
      check(e.code() == Errc::invalid_id);
    }
    return;
  }
  const Combo combo = decodeId(catalog, id);
  check(encodeId(catalog, combo) == id);
  const std::uint32_t index = comboIndex(catalog, combo);
  check(index < catalog.combinations());
  check(comboAt(catalog, index) == combo);
  check(previousCombo(catalog, nextCombo(catalog, combo)) == combo);
}

void fuzzCombo(const Catalog& catalog, const Combo& combo) {
  bool inRange = true;
  for (Category c : kEncodingOrder) inRange = inRange && combo[c] >= 0 && combo[c] < catalog.count(c);
  try {
    const std::string id = encodeId(catalog, combo);
    check(inRange);
    check(isValidId(catalog, id));
    check(decodeId(catalog, id) == combo);
  } catch (const Error& e) {
    check(!inRange && e.code() == Errc::invalid_id);
  }
}

void fuzzIndex(const Catalog& catalog, std::uint32_t index) {
  try {
    const Combo combo = comboAt(catalog, index);
    check(index < catalog.combinations());
    check(comboIndex(catalog, combo) == index);
  } catch (const Error& e) {
    check(index >= catalog.combinations() && e.code() == Errc::invalid_id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Catalog& catalog = Catalog::service();
  fuzzString(catalog, std::string_view(reinterpret_cast<const char*>(data), size));

  // The same bytes read as numbers: four part indices, then a browse index.
  if (size >= 16) {
    Combo combo;
    for (std::size_t i = 0; i < 4; ++i) {
      std::int32_t v;
      std::memcpy(&v, data + 4 * i, sizeof v);
      combo.parts[i] = v % 64;  // mostly near the valid range, signs included
    }
    fuzzCombo(catalog, combo);
  }
  if (size >= 4) {
    std::uint32_t index;
    std::memcpy(&index, data, sizeof index);
    fuzzIndex(catalog, index % 16384);  // straddles combinations() = 10,752
    fuzzIndex(catalog, index);
  }
  return 0;
}
