#pragma once
// The growing option structs (pixabots.h, "Growing structs"): the caller's
// struct_size says which layout it was compiled with. Fields are only ever
// appended and zero means "the default", so an older caller's struct is read
// up to its size and a newer caller's is accepted when the fields this
// library does not know are all zero.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "capi/guard.hpp"

namespace pixabots::capi {

// A struct_size past this is not a struct anyone compiled, just a garbage value:
// refused before reading that far.
inline constexpr std::size_t kMaxStructSize = 4096;

// `firstSize`: the struct's size in the first release that had it.
inline void checkStructSize(std::size_t size, std::size_t firstSize, const char* name) {
  if (size < firstSize || size > kMaxStructSize) {
    throw VersionMismatch{std::string(name) + ".struct_size " + std::to_string(size) +
                          " is not a layout this library reads (" + std::to_string(firstSize) + ".." +
                          std::to_string(kMaxStructSize) + " bytes): initialise it with the _init macro of pixabots.h"};
  }
}

// The defaults written into the caller's struct of `callerSize` bytes.
template <class T>
void initSized(T* out, std::size_t callerSize, T defaults, std::size_t firstSize, const char* name) {
  require(out, name);
  checkStructSize(callerSize, firstSize, name);
  defaults.struct_size = static_cast<std::uint32_t>(callerSize);
  auto* bytes = reinterpret_cast<unsigned char*>(out);
  std::memcpy(bytes, &defaults, std::min(callerSize, sizeof(T)));
  if (callerSize > sizeof(T)) std::memset(bytes + sizeof(T), 0, callerSize - sizeof(T));
}

// The caller's struct in this library's layout: what it lacks keeps `defaults`
// (NULL: all defaults).
template <class T>
T readSized(const T* given, T defaults, std::size_t firstSize, const char* name) {
  if (given == nullptr) return defaults;
  const std::size_t size = given->struct_size;
  checkStructSize(size, firstSize, name);
  const auto* bytes = reinterpret_cast<const unsigned char*>(given);
  if (size > sizeof(T) && std::any_of(bytes + sizeof(T), bytes + size, [](unsigned char b) { return b != 0; })) {
    throw VersionMismatch{std::string(name) + " sets fields past the " + std::to_string(sizeof(T)) +
                          " bytes this library (version " PIXABOTS_VERSION_STRING
                          ") knows: leave them zero or use a newer library"};
  }
  std::memcpy(&defaults, given, std::min(size, sizeof(T)));
  return defaults;
}

}  // namespace pixabots::capi
