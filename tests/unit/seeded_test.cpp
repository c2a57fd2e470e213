#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "pixabots/core/seeded.hpp"
#include "support/files.hpp"

using namespace pixabots::core;

TEST_CASE("seeded IDs match the JavaScript core's vectors") {
  auto cases = nlohmann::json::parse(testing::readText(testing::dataPath("conformance/cases.json")));
  REQUIRE(cases["seeded"].size() == 8);
  for (auto& [seed, id] : cases["seeded"].items()) {
    INFO("seed \"" << seed << "\"");
    CHECK(encodeId(Catalog::service(), seededCombo(Catalog::service(), seed)) == id.get<std::string>());
  }
}

TEST_CASE("hashString is djb2 over UTF-16 code units") {
  CHECK(hashString("") == 5381u);
  CHECK(hashString("a") == 5381u * 33u + 97u);
  // U+00E9 is one UTF-16 unit (0xE9), U+1F600 a surrogate pair (0xD83D 0xDE00).
  CHECK(hashString("\xc3\xa9") == 5381u * 33u + 0xe9u);
  CHECK(hashString("\xf0\x9f\x98\x80") == (5381u * 33u + 0xd83du) * 33u + 0xde00u);
  // Malformed UTF-8 hashes as U+FFFD, as a JavaScript string decoded from it would.
  CHECK(hashString("\xff") == 5381u * 33u + 0xfffdu);
  CHECK(hashString("\xe2\x82") == 5381u * 33u + 0xfffdu);
}

TEST_CASE("mulberry32 matches the JavaScript function") {
  // Outputs * 2^32 of the JavaScript mulberry32, printed by node.
  struct Vector {
    std::uint32_t seed;
    std::array<std::uint32_t, 4> out;
  };
  for (const Vector& v : {Vector{0, {1144304738u, 1416247u, 958946056u, 627933444u}},
                          Vector{1, {2693262067u, 11749833u, 2265367787u, 4213581821u}},
                          Vector{42, {2581720956u, 1925393290u, 3661312704u, 2876485805u}},
                          Vector{3735928559u, {4043151706u, 1147597007u, 3315858022u, 1538288752u}}}) {
    Mulberry32 rng(v.seed);
    for (std::uint32_t expected : v.out) CHECK(rng() == expected);
  }
  Mulberry32 rng(1);
  CHECK(rng.nextDouble() == 2693262067.0 / 4294967296.0);
}

TEST_CASE("random combos come from the caller's seeded generator") {
  Mulberry32 a(7), b(7);
  std::set<std::string> ids;
  for (int i = 0; i < 2000; ++i) {
    Combo ca = randomCombo(Catalog::service(), a);
    REQUIRE(ca == randomCombo(Catalog::service(), b));
    ids.insert(encodeId(Catalog::service(), ca));
  }
  CHECK(ids.size() > 1800);  // 2000 draws from 10,752 rarely collide
  std::mt19937 mt(3);
  Combo c = randomCombo(Catalog::service(), mt);
  CHECK(isValidId(Catalog::service(), encodeId(Catalog::service(), c)));
  // Mulberry32(1)'s first draw, 2693262067 / 2^32 = 0.627..., times 16 eyes is 10.
  Mulberry32 one(1);
  CHECK(randomCombo(Catalog::service(), one)[Category::eyes] == 10);
}
