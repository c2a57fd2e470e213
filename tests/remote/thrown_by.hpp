#pragma once
// What a failing remote call threw, for asserting its code and message.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "remote/error.hpp"

namespace pixabots::remote::test {

template <typename F>
Error thrownBy(F&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e;
  }
  FAIL("no Error thrown");
  throw std::logic_error("unreachable");
}

}  // namespace pixabots::remote::test
