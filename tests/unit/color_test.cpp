#include <catch2/catch.hpp>

#include "pixabots/core/color.hpp"
#include "pixabots/core/error.hpp"

using namespace pixabots::core;

TEST_CASE("colours parse as #rrggbb in any case and print in lower case") {
  CHECK(parseColor("#fde68a") == Rgb{0xfd, 0xe6, 0x8a});
  CHECK(parseColor("#FDE68A") == Rgb{0xfd, 0xe6, 0x8a});
  CHECK(parseColor("#000000") == Rgb{0, 0, 0});
  CHECK(formatColor(parseColor("#AbCdEf")) == "#abcdef");
}

TEST_CASE("malformed colours are rejected naming the text and the form") {
  for (const char* bad : {"", "fde68a", "#fde68", "#fde68a0", "#fde6g8", "# de68a", "#fff"}) {
    INFO(bad);
    try {
      parseColor(bad);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Errc::invalid_option);
      CHECK_THAT(e.what(), Catch::Contains(std::string("\"") + bad + "\" is not valid: expected #rrggbb"));
    }
  }
  CHECK_THROWS_WITH(parseColor("#\n\x01zzzz"), Catch::Contains("\"#??zzzz\""));
}
