#pragma once
// PNG files built chunk by chunk, for the inputs no encoder writes: a stream
// that inflates far past the image, palette indices past the palette.
#include <zlib.h>

#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace testing {

using PngBytes = std::vector<std::uint8_t>;

inline void appendU32(PngBytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// Appends a chunk with its length and CRC.
inline void appendChunk(PngBytes& png, std::string_view type, const PngBytes& data) {
  appendU32(png, static_cast<std::uint32_t>(data.size()));
  const std::size_t typeAt = png.size();
  png.insert(png.end(), type.begin(), type.end());
  png.insert(png.end(), data.begin(), data.end());
  appendU32(png, static_cast<std::uint32_t>(crc32(0L, png.data() + typeAt, static_cast<uInt>(4 + data.size()))));
}

// A whole PNG: IHDR, a PLTE when `palette` (RGB triples) is not empty, one
// IDAT holding `zlibData` as it is, IEND.
inline PngBytes pngFile(std::uint32_t width, std::uint32_t height, int bitDepth, int colorType,
                        const PngBytes& zlibData, const PngBytes& palette = {}) {
  PngBytes png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  PngBytes ihdr;
  appendU32(ihdr, width);
  appendU32(ihdr, height);
  ihdr.insert(ihdr.end(), {static_cast<std::uint8_t>(bitDepth), static_cast<std::uint8_t>(colorType), 0, 0, 0});
  appendChunk(png, "IHDR", ihdr);
  if (!palette.empty()) appendChunk(png, "PLTE", palette);
  appendChunk(png, "IDAT", zlibData);
  appendChunk(png, "IEND", {});
  return png;
}

// `raw` (filter bytes and rows) compressed.
inline PngBytes zlibOf(const PngBytes& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  PngBytes out(size);
  if (compress(out.data(), &size, raw.data(), static_cast<uLong>(raw.size())) != Z_OK)
    throw std::runtime_error("compress");
  out.resize(size);
  return out;
}

// A valid zlib stream of `mebibytes` MiB of zero bytes, about a thousandth of
// that in size, made without deflating it all: after a full flush deflate
// starts afresh, so the stretch it writes for one MiB of zeros can be repeated.
inline PngBytes zerosStream(unsigned mebibytes) {
  constexpr uInt kMiB = 1u << 20;
  const PngBytes zeros(kMiB, 0);
  z_stream zs{};
  if (deflateInit(&zs, 9) != Z_OK) throw std::runtime_error("deflateInit");
  PngBytes buffer(2 * kMiB);
  const auto deflateMiB = [&](const Bytef* in, uInt length, int flush) {
    zs.next_in = const_cast<Bytef*>(in);
    zs.avail_in = length;
    zs.next_out = buffer.data();
    zs.avail_out = static_cast<uInt>(buffer.size());
    if (deflate(&zs, flush) == Z_STREAM_ERROR || zs.avail_in != 0) throw std::runtime_error("deflate");
    return PngBytes(buffer.begin(), buffer.end() - zs.avail_out);
  };
  PngBytes out = deflateMiB(zeros.data(), kMiB, Z_FULL_FLUSH);  // with the zlib header
  const PngBytes stretch = deflateMiB(zeros.data(), kMiB, Z_FULL_FLUSH);
  PngBytes end = deflateMiB(nullptr, 0, Z_FINISH);  // an empty final block, then the Adler-32
  deflateEnd(&zs);
  for (unsigned i = 1; i < mebibytes; ++i) out.insert(out.end(), stretch.begin(), stretch.end());
  // The Adler-32 deflate wrote covers two MiB; the stream holds more.
  const uLong one = adler32(adler32(0L, nullptr, 0), zeros.data(), kMiB);
  uLong sum = one;
  for (unsigned i = 1; i < mebibytes; ++i) sum = adler32_combine(sum, one, kMiB);
  end.resize(end.size() - 4);
  out.insert(out.end(), end.begin(), end.end());
  appendU32(out, static_cast<std::uint32_t>(sum));
  return out;
}

}  // namespace testing
