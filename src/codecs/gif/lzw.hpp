#pragma once
// GIF's variable-length-code LZW (GIF89a, appendix F), written for speed on
// upscaled pixel art. The dictionary is a direct-indexed trie (one table load
// per pixel instead of giflib's hash probe), and runs of one symbol are
// skipped in one step where the trie is known to hold them: the output is
// exactly greedy LZW's, found with far fewer dependent loads.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pixabots::core::detail {

class LzwEncoder {
 public:
  static constexpr int kMaxCodeBits = 12;
  static constexpr std::uint32_t kMaxCodes = 1u << kMaxCodeBits;

  LzwEncoder();
  LzwEncoder(const LzwEncoder&) = delete;
  LzwEncoder& operator=(const LzwEncoder&) = delete;

  // Starts one image's pixel stream. minCodeSize is 2..8 and every symbol
  // written must be below 1 << minCodeSize.
  void begin(int minCodeSize);
  // Appends n symbols; an image's stream may arrive in any number of pieces
  // (rows). runEnds[i] is the index one past the run of equal symbols that
  // holds i, within this piece (runEndsOf computes it).
  void write(const std::uint8_t* symbols, const std::uint16_t* runEnds, std::size_t n);
  // Ends the stream and appends the image data as GIF stores it: the minimum
  // code size byte, sub-blocks of at most 255 bytes, and the 0 terminator.
  void finish(std::vector<std::uint8_t>& out);

  // Fills runEnds for write(); n <= 65535.
  static void runEndsOf(const std::uint8_t* symbols, std::size_t n, std::uint16_t* runEnds);

 private:
  static constexpr std::uint32_t kNoCode = 0xffffffffu;

  void emit(std::uint32_t code);
  void resetDictionary();
  static std::uint32_t chainKey(std::uint32_t start, std::uint32_t k) { return ((start << kMaxCodeBits) | k) + 1; }
  static std::uint32_t chainHash(std::uint32_t key) { return (key * 2654435761u) >> (32 - kMaxCodeBits - 1); }

  // (code << alphabetBits_) | symbol -> the code of that string plus symbol, 0 = absent
  // (code 0 is a literal, never a dictionary entry). Zero between images: only
  // the entries a stream added are cleared again (slots_), not the whole 2 MiB.
  std::vector<std::uint16_t> children_;
  std::array<std::uint32_t, kMaxCodes> slots_{};
  // Runs: a code whose last symbol differs from the one before it (or a
  // literal) starts a run; the codes extending it by that symbol k times form
  // its chain, k = 1..length all present (the trie is prefix-closed) and
  // found by (start, k) in a small hash, so a run is matched in one lookup.
  // tip_[start] = length << 12 | the chain's last code (0 = no chain): a run
  // that covers the whole chain, the usual case, needs no hash probe.
  std::array<std::uint32_t, kMaxCodes> tip_{};
  std::array<std::uint32_t, 2 * kMaxCodes> chainKeys_{};  // (start << 12 | k) + 1, 0 = empty
  std::array<std::uint16_t, 2 * kMaxCodes> chainCodes_{};
  std::array<std::uint16_t, kMaxCodes> chainSlot_{};  // where each chain code sits, to clear it
  std::array<bool, kMaxCodes> inChain_{};
  std::vector<std::uint8_t> packed_;  // the code stream before sub-block framing
  std::size_t packedSize_ = 0;
  int alphabetBits_ = 2;
  int codeSize_ = 3;
  std::uint32_t clear_ = 4;
  std::uint32_t nextCode_ = 6;
  std::uint32_t current_ = kNoCode;  // the code of the string matched so far
  std::uint32_t last_ = 0;           // its last symbol
  std::uint32_t runStart_ = 0;       // the code where the current run of last_ began
  std::uint32_t runLength_ = 0;      // how far current_ is along runStart_'s chain
  std::uint64_t bits_ = 0;           // pending output bits, least significant first
  int bitCount_ = 0;
  bool open_ = false;  // a stream was begun and not finished (an exception interrupted it)
};

}  // namespace pixabots::core::detail
