#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pixabots::core::detail {

// VP8L packs bits least-significant first. Appends to a caller-owned buffer so
// its capacity is reused from one frame to the next.
class BitWriter {
 public:
  explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}

  // `count` <= 32 low bits of `bits`.
  void put(std::uint32_t bits, int count) {
    acc_ |= static_cast<std::uint64_t>(bits) << used_;
    used_ += count;
    while (used_ >= 8) {
      out_.push_back(static_cast<std::uint8_t>(acc_));
      acc_ >>= 8;
      used_ -= 8;
    }
  }

  std::size_t bits() const { return out_.size() * 8 + static_cast<std::size_t>(used_); }

  // Pads the last byte with zero bits.
  void flush() {
    if (used_ > 0) out_.push_back(static_cast<std::uint8_t>(acc_));
    acc_ = 0;
    used_ = 0;
  }

 private:
  std::vector<std::uint8_t>& out_;
  std::uint64_t acc_ = 0;
  int used_ = 0;
};

}  // namespace pixabots::core::detail
