#pragma once
#include <cstdint>
#include <string_view>

#include "pixabots/core/catalog.hpp"
#include "pixabots/core/id.hpp"

namespace pixabots::core {

// djb2 over the UTF-16 code units of `utf8` (h = h*33 + c mod 2^32), bit-identical
// to the JavaScript core's hashString. Invalid UTF-8 bytes count as U+FFFD, as
// a JavaScript string decoded from them would hold.
std::uint32_t hashString(std::string_view utf8);

// The JavaScript core's seededCombo: r = hashString(seed); for each category in
// encoding order, index = r % count, r /= count.
Combo seededCombo(const Catalog& catalog, std::string_view seed);

// The JavaScript core's mulberry32 PRNG. A UniformRandomBitGenerator, so it also
// plugs into <random>.
class Mulberry32 {
 public:
  using result_type = std::uint32_t;
  explicit constexpr Mulberry32(std::uint32_t seed) : state_(seed) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return 0xffffffffu; }
  constexpr result_type operator()() {
    state_ += 0x6d2b79f5u;
    std::uint32_t t = state_;
    t = (t ^ (t >> 15)) * (t | 1u);
    t = (t + ((t ^ (t >> 7)) * (t | 61u))) ^ t;
    return t ^ (t >> 14);
  }
  // The JavaScript function's return value: the next output / 2^32, in [0, 1).
  constexpr double nextDouble() { return (*this)() / 4294967296.0; }

 private:
  std::uint32_t state_;
};

// A uniformly random combo from the caller's generator (any
// UniformRandomBitGenerator; seed it for reproducible picks). Each category's
// index is floor(u * count) with u a uniform double in [0, 1) built from one
// 32-bit draw, as the JavaScript core picks with Math.random().
template <class Rng>
Combo randomCombo(const Catalog& catalog, Rng& rng) {
  static_assert(Rng::max() - Rng::min() >= 0xffffffffu, "needs a generator with 32 random bits a draw");
  Combo combo;
  for (Category c : kEncodingOrder) {
    std::uint64_t draw = static_cast<std::uint32_t>(rng() - Rng::min());
    combo[c] = static_cast<int>((draw * static_cast<std::uint64_t>(catalog.count(c))) >> 32);
  }
  return combo;
}

// A random combo from this thread's generator, seeded once from
// std::random_device: "a random avatar" for the front ends and the C ABI
// (never reproducible; seed a generator and call the form above for that).
Combo randomCombo(const Catalog& catalog);

}  // namespace pixabots::core
