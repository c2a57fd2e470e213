#pragma once
// Reads typed values off a fuzzer's input, zero-padded when it runs out, so a
// target can turn any bytes into arguments.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

struct FuzzInput {
  const std::uint8_t* data;
  std::size_t size;

  template <class T>
  T take() {
    T v{};
    const std::size_t n = size < sizeof(T) ? size : sizeof(T);
    std::memcpy(&v, data, n);
    data += n, size -= n;
    return v;
  }

  // A NUL-terminated string of up to `max` bytes (an embedded NUL ends it early).
  std::string text(std::size_t max) {
    const std::size_t n = take<std::uint8_t>() % (max + 1);
    std::string s;
    for (std::size_t i = 0; i < n && size > 0; ++i) s += take<char>();
    return std::string(s.c_str());
  }
};
