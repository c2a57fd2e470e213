#pragma once
// The PNG writer's reusable machinery, shared by the PNG and APNG encoders:
// chunks, colour analysis into one palette, and an image's filtered rows
// deflated into IDAT (or APNG fdAT) chunks.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pixabots::core::detail::png {

// PNG caps image dimensions and chunk lengths at 2^31-1.
inline constexpr std::uint32_t kMaxLength = 0x7fffffffu;

// Throws Error(Errc::codec).
[[noreturn]] void fail(const std::string& message);

void putU32(std::uint8_t* p, std::uint32_t v);
void putU16(std::uint8_t* p, std::uint16_t v);

// For the small chunks (IHDR, PLTE, tRNS, acTL, fcTL, IEND): size <= 768.
void appendChunk(std::vector<std::uint8_t>& out, const char (&type)[5], const std::uint8_t* data, std::size_t size);

enum class Mode { indexed, rgb, rgba };

struct Scratch;  // per thread, in png_writer.cpp

// Writes images whose pixel (x, y) is the RGBA source pixel at
// src + rows[y]*stride + cols[x]*4, so an upscale is never materialised.
// analyse() looks at every source pixel its maps reference once and picks one
// colour type (and palette) for all images written afterwards, which is what
// lets APNG frames cut from one source share a palette.
//
// Uses the calling thread's scratch buffers and deflater: at most one
// MappedWriter may be alive per thread.
class MappedWriter {
 public:
  // Throws Error(codec) for an empty or impossible source.
  MappedWriter(const std::uint8_t* src, std::size_t stride, int width, int height);
  MappedWriter(const MappedWriter&) = delete;
  MappedWriter& operator=(const MappedWriter&) = delete;

  // Indexes the referenced pixels: indexed (1/2/4/8-bit) for <= 256 colours,
  // else RGB when all are opaque, else RGBA. Fully transparent pixels count as
  // (0,0,0,0). Throws Error(codec) for a map entry outside the source.
  void analyse(std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows);

  // Replaces `out` with the signature and IHDR (keeps its capacity).
  void writeHeader(std::vector<std::uint8_t>& out, std::size_t width, std::size_t height) const;
  // PLTE, and tRNS when some entry is not opaque; nothing unless indexed.
  // Orders translucent entries first so tRNS stays short.
  void writePalette(std::vector<std::uint8_t>& out);

  // One image's rows as a zlib stream in IDAT chunks, or in fdAT chunks
  // numbered from *fdatSequence (incremented per chunk) when it is given.
  // `cols` and `rows` must only reference pixels analyse() saw. A row whose
  // map entry repeats, or whose bytes equal the row above, is written with
  // filter Up (all zeros); other rows use filter None.
  void writeImageData(std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows,
                      std::vector<std::uint8_t>& out, std::uint32_t* fdatSequence = nullptr);

  Mode mode() const { return mode_; }
  int paletteSize() const;

 private:
  template <typename Sink>
  void writeRows(Sink& sink, std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows,
                 std::size_t rowBytes);

  Scratch& s_;
  const std::uint8_t* src_;
  std::size_t stride_;
  std::size_t width_;
  std::size_t height_;
  Mode mode_ = Mode::rgba;
  int depth_ = 8;
  int colorType_ = 6;
  std::uint64_t bitsPerPixel_ = 32;
};

}  // namespace pixabots::core::detail::png
