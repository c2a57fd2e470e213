#include "capi/buffer.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "capi/guard.hpp"

namespace pixabots::capi {

std::uint8_t* callerCopy(std::span<const std::uint8_t> bytes) {
  auto* buffer = static_cast<std::uint8_t*>(std::malloc(bytes.size() + 1));
  if (buffer == nullptr) throw std::bad_alloc();
  if (!bytes.empty()) std::memcpy(buffer, bytes.data(), bytes.size());
  buffer[bytes.size()] = 0;
  return buffer;
}

std::uint8_t* callerCopy(std::string_view text) {
  return callerCopy({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

void clearOutput(std::uint8_t** out, std::size_t* out_size) {
  require(out, "out");
  require(out_size, "out_size");
  *out = nullptr;
  *out_size = 0;
}

void handOver(std::span<const std::uint8_t> bytes, std::uint8_t** out, std::size_t* out_size) {
  *out = callerCopy(bytes);
  *out_size = bytes.size();
}

void handOver(std::string_view text, std::uint8_t** out, std::size_t* out_size) {
  *out = callerCopy(text);
  *out_size = text.size();
}

}  // namespace pixabots::capi
