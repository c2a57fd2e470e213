#include <catch2/catch.hpp>
#include <set>

#include "pixabots/core/error.hpp"
#include "pixabots/core/id.hpp"

using namespace pixabots::core;

namespace {
const Catalog& svc() { return Catalog::service(); }

IdProblem problemOf(std::string_view id) {
  auto p = checkId(svc(), id);
  REQUIRE(p.has_value());
  return *p;
}
}  // namespace

TEST_CASE("an ID decodes to its parts: 2156 is glasses, blob, wings, mohawk") {
  Combo c = decodeId(svc(), "2156");
  CHECK(svc().part(Category::eyes, c[Category::eyes]).name == "glasses");
  CHECK(svc().part(Category::heads, c[Category::heads]).name == "blob");
  CHECK(svc().part(Category::body, c[Category::body]).name == "wings");
  CHECK(svc().part(Category::top, c[Category::top]).name == "mohawk");
  CHECK(decodeId(svc(), "f76b") == Combo{{15, 7, 6, 11}});
}

TEST_CASE("every one of the 10,752 combos round-trips through ID and browse index") {
  std::set<std::string> seen;
  for (std::uint32_t i = 0; i < svc().combinations(); ++i) {
    Combo c = comboAt(svc(), i);
    std::string id = encodeId(svc(), c);
    REQUIRE(isValidId(svc(), id));
    REQUIRE(decodeId(svc(), id) == c);
    REQUIRE(comboIndex(svc(), c) == i);
    seen.insert(id);
  }
  CHECK(seen.size() == 10752u);
}

TEST_CASE("browse index follows the service's formula") {
  // top + body*12 + heads*12*7 + eyes*12*7*8
  Combo c{{2, 1, 5, 6}};
  CHECK(comboIndex(svc(), c) == 6u + 5u * 12u + 1u * 84u + 2u * 672u);
  CHECK(comboAt(svc(), 0) == Combo{{0, 0, 0, 0}});
  CHECK(comboAt(svc(), 10751) == Combo{{15, 7, 6, 11}});
  CHECK_THROWS_WITH(comboAt(svc(), 10752), "combo index 10752 is out of range 0..10751");
}

TEST_CASE("next and previous wrap around") {
  CHECK(encodeId(svc(), nextCombo(svc(), decodeId(svc(), "0000"))) == "0001");
  CHECK(encodeId(svc(), nextCombo(svc(), decodeId(svc(), "000b"))) == "0010");
  CHECK(encodeId(svc(), nextCombo(svc(), decodeId(svc(), "f76b"))) == "0000");
  CHECK(encodeId(svc(), previousCombo(svc(), decodeId(svc(), "0000"))) == "f76b");
  CHECK(encodeId(svc(), previousCombo(svc(), decodeId(svc(), "0010"))) == "000b");
}

TEST_CASE("IDs of the wrong length are rejected with the length") {
  for (std::string_view id : {"", "abc", "00000", "0"}) {
    IdProblem p = problemOf(id);
    CHECK(p.kind == IdProblem::Kind::wrong_length);
    CHECK_THAT(p.message,
               Catch::Contains("must be exactly 4 characters of [0-9a-z], got " + std::to_string(id.size())));
  }
}

TEST_CASE("IDs with characters outside [0-9a-z] are rejected naming the position") {
  CHECK(problemOf("00!0").position == 2);
  CHECK(problemOf("00!0").kind == IdProblem::Kind::bad_character);
  CHECK_THAT(problemOf("2A56").message, Catch::Contains("character 2 is not in [0-9a-z] (upper case is not accepted)"));
  CHECK_THAT(problemOf("00 0").message, Catch::Contains("character 3"));
  CHECK_THAT(problemOf(std::string_view("0\0"
                                        "00",
                                        4))
                 .message,
             Catch::Contains("\"0\\x0000\""));
  CHECK(problemOf("\xc3\xa9"
                  "00")
            .kind == IdProblem::Kind::bad_character);
}

TEST_CASE("IDs naming parts that do not exist are rejected naming the category and range") {
  struct Case {
    const char* id;
    Category category;
    const char* text;
  };
  for (const Case& c : {Case{"g000", Category::eyes, "eyes index 16 is out of range 0..15 ('0'..'f')"},
                        Case{"0800", Category::heads, "heads index 8 is out of range 0..7 ('0'..'7')"},
                        Case{"0070", Category::body, "body index 7 is out of range 0..6 ('0'..'6')"},
                        Case{"000c", Category::top, "top index 12 is out of range 0..11 ('0'..'b')"},
                        Case{"zzzz", Category::eyes, "eyes index 35"}}) {
    IdProblem p = problemOf(c.id);
    CHECK(p.kind == IdProblem::Kind::index_out_of_range);
    CHECK(p.category == c.category);
    CHECK_THAT(p.message, Catch::Contains(c.text));
  }
}

TEST_CASE("decodeId and encodeId throw invalid_id") {
  try {
    decodeId(svc(), "ZZZZ");
    FAIL("no throw");
  } catch (const Error& e) {
    CHECK(e.code() == Errc::invalid_id);
    CHECK_THAT(e.what(), Catch::StartsWith("invalid ID \"ZZZZ\": character 1"));
  }
  CHECK_THROWS_WITH(encodeId(svc(), Combo{{0, 0, 0, 12}}), Catch::Contains("top index 12 is out of range"));
  CHECK_THROWS_WITH(encodeId(svc(), Combo{{-1, 0, 0, 0}}), Catch::Contains("eyes index -1 is out of range"));
}

TEST_CASE("IDs follow a manifest-defined catalog") {
  std::array<std::vector<Part>, 4> parts;
  for (int i = 0; i < 36; ++i) parts[0].push_back({"e" + std::to_string(i), 1, PartKind::still});
  parts[1] = {{"h", 1, PartKind::still}};
  parts[2] = {{"b0", 1, PartKind::still}, {"b1", 1, PartKind::still}};
  parts[3] = {{"t", 1, PartKind::still}};
  Catalog cat(parts);
  CHECK(decodeId(cat, "z010") == Combo{{35, 0, 1, 0}});
  CHECK_THAT(checkId(cat, "0100")->message, Catch::Contains("heads index 1 is out of range 0..0"));
  CHECK(cat.combinations() == 72u);
  CHECK(encodeId(cat, comboAt(cat, 71)) == "z010");
}

TEST_CASE("a part index's ID character: 0..9 then a..z, nothing past 35") {
  CHECK(idDigit(0) == '0');
  CHECK(idDigit(9) == '9');
  CHECK(idDigit(10) == 'a');
  CHECK(idDigit(35) == 'z');
  CHECK_THROWS_WITH(idDigit(36), "part index 36 has no ID character: must be 0..35");
  CHECK_THROWS_WITH(idDigit(-1), "part index -1 has no ID character: must be 0..35");
}
