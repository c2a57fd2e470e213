#include "codecs/gif/lzw.hpp"

#include <algorithm>

namespace pixabots::core::detail {
namespace {

constexpr std::size_t kSubBlock = 255;
constexpr std::uint32_t kChainMask = 2 * LzwEncoder::kMaxCodes - 1;

}  // namespace

LzwEncoder::LzwEncoder() : children_(std::size_t{kMaxCodes} << 8, 0) {}

void LzwEncoder::runEndsOf(const std::uint8_t* symbols, std::size_t n, std::uint16_t* runEnds) {
  for (std::size_t i = n; i-- > 0;) {
    runEnds[i] = (i + 1 < n && symbols[i + 1] == symbols[i]) ? runEnds[i + 1] : static_cast<std::uint16_t>(i + 1);
  }
}

void LzwEncoder::begin(int minCodeSize) {
  if (open_) resetDictionary();  // an interrupted stream's entries, with its alphabet
  open_ = true;
  alphabetBits_ = minCodeSize;
  clear_ = 1u << minCodeSize;
  nextCode_ = clear_ + 2;
  resetDictionary();
  current_ = kNoCode;
  bits_ = 0;
  bitCount_ = 0;
  packedSize_ = 0;
  if (packed_.size() < 16) packed_.resize(4096);
  emit(clear_);  // decoders expect a clear code first
}

void LzwEncoder::emit(std::uint32_t code) {
  bits_ |= std::uint64_t{code} << bitCount_;
  bitCount_ += codeSize_;
  while (bitCount_ >= 8) {
    packed_[packedSize_++] = static_cast<std::uint8_t>(bits_);
    bits_ >>= 8;
    bitCount_ -= 8;
  }
}

void LzwEncoder::resetDictionary() {
  for (std::uint32_t code = clear_ + 2; code < nextCode_ && code < kMaxCodes; ++code) {
    children_[slots_[code]] = 0;
    if (inChain_[code]) chainKeys_[chainSlot_[code]] = 0;
  }
  std::fill_n(tip_.begin(), clear_, 0u);
  codeSize_ = alphabetBits_ + 1;
  nextCode_ = clear_ + 2;
}

void LzwEncoder::write(const std::uint8_t* symbols, const std::uint16_t* runEnds, std::size_t n) {
  if (n == 0) return;
  // At most a code and a clear code (2 x 12 bits) per symbol.
  const std::size_t need = packedSize_ + 3 * n + 16;
  if (packed_.size() < need) packed_.resize(std::max(need, packed_.size() * 2));

  // The loop works on locals: stores through the uint8_t output pointer could
  // alias the members and force reloads on every pixel.
  std::uint16_t* const children = children_.data();
  std::uint32_t* const slots = slots_.data();
  std::uint32_t* const tip = tip_.data();
  std::uint32_t* const chainKeys = chainKeys_.data();
  std::uint16_t* const chainCodes = chainCodes_.data();
  std::uint8_t* out = packed_.data() + packedSize_;
  const int alphabetBits = alphabetBits_;
  const std::uint32_t clear = clear_;
  std::uint32_t nextCode = nextCode_;
  int codeSize = codeSize_;
  std::uint64_t bits = bits_;
  int bitCount = bitCount_;
  std::size_t i = 0;
  std::uint32_t current = current_;
  std::uint32_t last = last_;
  std::uint32_t runStart = runStart_;
  std::uint32_t runLength = runLength_;
  if (current == kNoCode) {
    current = last = runStart = symbols[i++];
    runLength = 0;
  }

  const auto put = [&](std::uint32_t code) {
    bits |= std::uint64_t{code} << bitCount;
    bitCount += codeSize;
    if (bitCount >= 32) {
      out[0] = static_cast<std::uint8_t>(bits);
      out[1] = static_cast<std::uint8_t>(bits >> 8);
      out[2] = static_cast<std::uint8_t>(bits >> 16);
      out[3] = static_cast<std::uint8_t>(bits >> 24);
      out += 4;
      bits >>= 32;
      bitCount -= 32;
    }
  };

  while (i < n) {
    const std::uint32_t symbol = symbols[i];
    if (symbol == last) {
      // Inside a run: go straight to the deepest chain code the input allows.
      // Greedy matching would step through the same codes one by one.
      const std::uint32_t longest = tip[runStart] >> kMaxCodeBits;
      const std::uint32_t target =
          std::min<std::uint32_t>(longest, runLength + static_cast<std::uint32_t>(runEnds[i] - i));
      if (target > runLength + 1) {
        if (target == longest) {
          current = tip[runStart] & (kMaxCodes - 1);
        } else {
          const std::uint32_t key = chainKey(runStart, target);
          std::uint32_t h = chainHash(key);
          while (chainKeys[h] != key) h = (h + 1) & kChainMask;
          current = chainCodes[h];
        }
        i += target - runLength;
        runLength = target;
        continue;
      }
    }
    const std::uint32_t slot = (current << alphabetBits) | symbol;
    const std::uint32_t child = children[slot];
    if (child != 0) {
      if (symbol == last) {
        ++runLength;
      } else {
        runStart = child;
        runLength = 0;
        last = symbol;
      }
      current = child;
      ++i;
      continue;
    }
    put(current);
    children[slot] = static_cast<std::uint16_t>(nextCode);
    slots[nextCode] = slot;
    tip[nextCode] = 0;
    // A code one longer than the end of its run's chain extends the chain
    // (the child was absent, so current was the chain's end).
    const bool extends = symbol == last;
    inChain_[nextCode] = extends;
    if (extends) {
      const std::uint32_t k = runLength + 1;
      const std::uint32_t key = chainKey(runStart, k);
      std::uint32_t h = chainHash(key);
      while (chainKeys[h] != 0) h = (h + 1) & kChainMask;
      chainKeys[h] = key;
      chainCodes[h] = static_cast<std::uint16_t>(nextCode);
      chainSlot_[nextCode] = static_cast<std::uint16_t>(h);
      tip[runStart] = (k << kMaxCodeBits) | nextCode;
    }
    // The decoder widens its codes once it has assigned code 1 << codeSize
    // (it assigns one step later but compares with >, so both sides agree).
    if (nextCode == (1u << codeSize)) ++codeSize;
    if (nextCode == kMaxCodes - 1) {
      put(clear);
      nextCode_ = kMaxCodes;
      resetDictionary();
      codeSize = codeSize_;
      nextCode = nextCode_;
    } else {
      ++nextCode;
    }
    current = last = runStart = symbol;
    runLength = 0;
    ++i;
  }

  current_ = current;
  last_ = last;
  runStart_ = runStart;
  runLength_ = runLength;
  nextCode_ = nextCode;
  codeSize_ = codeSize;
  // Hand the whole bytes back to the member accumulator (fewer than 32 bits remain).
  packedSize_ = static_cast<std::size_t>(out - packed_.data());
  bits_ = bits;
  bitCount_ = bitCount;
  while (bitCount_ >= 8) {
    packed_[packedSize_++] = static_cast<std::uint8_t>(bits_);
    bits_ >>= 8;
    bitCount_ -= 8;
  }
}

void LzwEncoder::finish(std::vector<std::uint8_t>& out) {
  if (packed_.size() < packedSize_ + 16) packed_.resize(packedSize_ + 16);
  if (current_ != kNoCode) {
    emit(current_);
    // The decoder counts this code as assigning entry nextCode_ too, and may
    // widen its codes before reading the end code.
    if (nextCode_ == (1u << codeSize_) && codeSize_ < kMaxCodeBits) ++codeSize_;
  }
  emit(clear_ + 1);
  if (bitCount_ > 0) {
    packed_[packedSize_++] = static_cast<std::uint8_t>(bits_);
    bits_ = 0;
    bitCount_ = 0;
  }
  resetDictionary();
  current_ = kNoCode;
  open_ = false;

  out.push_back(static_cast<std::uint8_t>(alphabetBits_));
  for (std::size_t at = 0; at < packedSize_; at += kSubBlock) {
    const std::size_t length = std::min(kSubBlock, packedSize_ - at);
    out.push_back(static_cast<std::uint8_t>(length));
    out.insert(out.end(), packed_.begin() + static_cast<std::ptrdiff_t>(at),
               packed_.begin() + static_cast<std::ptrdiff_t>(at + length));
  }
  out.push_back(0);
}

}  // namespace pixabots::core::detail
