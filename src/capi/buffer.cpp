#include "capi/buffer.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

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

}  // namespace pixabots::capi
