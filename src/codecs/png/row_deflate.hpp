#pragma once
// A raw deflate (RFC 1951) encoder for PNG scanlines of pixel art, written
// here rather than run through zlib because of what nearest-neighbour
// upscaling does to an image: most rows repeat the row above, and the rest
// are runs of whole pixels. zlib would scan every byte of every repeated row
// (1.8 MB at 1920 px); here a repeated row costs a handful of symbols whose
// count is known without looking at it, and runs become matches at a
// distance of one pixel. Output is dynamic-Huffman blocks; the zlib wrapper
// (header, Adler-32) is the caller's.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pixabots::core::detail::png {

class RowDeflater {
 public:
  // Starts a stream of rows of `rowSize` bytes (filter byte included);
  // `pixelBytes` (1..4) is the match distance runs are looked for at.
  void begin(std::size_t rowSize, std::size_t pixelBytes);
  // One row as given (its filter byte first).
  void row(const std::uint8_t* data);
  // `count` rows equal to the row before: written as filter Up, all zeros.
  void repeatedRows(std::size_t count);
  // Ends the stream with the final block.
  void finish();

  // Compressed bytes not yet taken; the caller moves them on and clears it.
  std::vector<std::uint8_t>& output() { return out_; }

 private:
  static constexpr int kLitLenSymbols = 286;
  static constexpr int kDistSymbols = 30;
  // A literal (dist 0), a match (len 3..258, dist 1..32768), or repeated rows (dist kRepeat, len = count).
  struct Token {
    std::uint32_t len;
    std::uint32_t dist;
  };
  static constexpr std::uint32_t kRepeat = 0xffffffffu;

  static void matches(std::size_t length, std::uint32_t dist, std::vector<Token>& to);
  void count(const Token& t, std::uint64_t times);
  void writeBlock(bool last);
  void writeToken(const Token& t);
  void put(std::uint32_t bits, int n);

  std::size_t rowSize_ = 0;
  std::size_t pixelBytes_ = 1;
  std::vector<Token> tokens_;
  std::vector<Token> repeatRow_;  // the symbols of one repeated row
  std::array<std::uint64_t, kLitLenSymbols> litFreq_{};
  std::array<std::uint64_t, kDistSymbols> distFreq_{};
  std::array<std::uint8_t, kLitLenSymbols> litLen_{};
  std::array<std::uint16_t, kLitLenSymbols> litCode_{};
  std::array<std::uint8_t, kDistSymbols> distLen_{};
  std::array<std::uint16_t, kDistSymbols> distCode_{};
  std::uint64_t bits_ = 0;
  int bitCount_ = 0;
  std::vector<std::uint8_t> out_;
};

}  // namespace pixabots::core::detail::png
