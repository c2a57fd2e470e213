#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "pixabots/core/error.hpp"
#include "pixabots/core/render.hpp"

using namespace pixabots::core;

namespace {
RenderOptions with(int size, double hue = 0, double saturate = 1) {
  RenderOptions o;
  o.size = size;
  o.hue = hue;
  o.saturate = saturate;
  return o;
}
}  // namespace

TEST_CASE("sizes 32..1920 are accepted, others rejected with the range") {
  CHECK_NOTHROW(validate(with(32)));
  CHECK_NOTHROW(validate(with(1920)));
  CHECK_NOTHROW(validate(with(129)));
  for (int bad : {31, 0, -5, 1921, 100000}) {
    CHECK_THROWS_WITH(validate(with(bad)),
                      "size " + std::to_string(bad) + " is out of range: must be an integer between 32 and 1920");
  }
}

TEST_CASE("saturate must be within 0..4 and hue finite") {
  CHECK_NOTHROW(validate(with(128, 0, 0)));
  CHECK_NOTHROW(validate(with(128, -720.5, 4)));
  CHECK_THROWS_WITH(validate(with(128, 0, 4.01)), "saturate 4.01 is out of range: must be between 0 and 4");
  CHECK_THROWS_WITH(validate(with(128, 0, -0.5)), Catch::Contains("saturate -0.5 is out of range"));
  CHECK_THROWS_WITH(validate(with(128, 0, std::nan(""))), Catch::Contains("is out of range"));
  CHECK_THROWS_WITH(validate(with(128, std::numeric_limits<double>::infinity())),
                    "hue inf is not a finite number of degrees");
  try {
    validate(with(10));
  } catch (const Error& e) {
    CHECK(e.code() == Errc::invalid_option);
  }
}

TEST_CASE("hue is rounded as JavaScript rounds and wrapped into 0..359") {
  CHECK(normalizedHue(0) == 0);
  CHECK(normalizedHue(200) == 200);
  CHECK(normalizedHue(200.4) == 200);
  CHECK(normalizedHue(2.5) == 3);
  CHECK(normalizedHue(-2.5) == 358);  // Math.round(-2.5) is -2
  CHECK(normalizedHue(359.5) == 0);
  CHECK(normalizedHue(360) == 0);
  CHECK(normalizedHue(-1) == 359);
  CHECK(normalizedHue(725) == 5);
  CHECK(normalizedHue(-725) == 355);
}

TEST_CASE("speed must be within 0.25..4") {
  RenderOptions o;
  o.speed = 0.25;
  CHECK_NOTHROW(validate(o));
  o.speed = 4;
  CHECK_NOTHROW(validate(o));
  for (double bad : {0.2, 4.5, 0.0, -1.0}) {
    o.speed = bad;
    CHECK_THROWS_WITH(validate(o), Catch::Contains("is out of range: must be between 0.25 and 4"));
  }
  o.speed = std::nan("");
  CHECK_THROWS_WITH(validate(o), "speed nan is out of range: must be between 0.25 and 4");
}
