#pragma once
// An APNG reader for tests, written from the APNG specification and
// independent of the encoder: libpng 1.6 as Debian ships it ignores APNG's
// chunks. It checks what a strict decoder would (signature, CRCs, chunk
// order, one sequence for fcTL and fdAT, frame regions inside the canvas) and
// composes every frame onto the canvas with its dispose and blend operations.
// Anything wrong throws std::runtime_error naming it. Non-interlaced, 8-bit
// RGB/RGBA and 1/2/4/8-bit indexed images only: what a pixabots encoder writes.
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace testing {

struct ApngFrameControl {
  std::uint32_t sequence = 0;
  std::uint32_t width = 0, height = 0, x = 0, y = 0;
  std::uint16_t delayNum = 0, delayDen = 0;
  std::uint8_t dispose = 0, blend = 0;
};

struct ApngFrame {
  ApngFrameControl control;
  std::vector<std::uint8_t> canvas;  // the whole image as shown while this frame is up, RGBA
};

struct Apng {
  std::uint32_t width = 0, height = 0;
  int bitDepth = 0, colorType = 0;
  std::uint32_t numFrames = 0, numPlays = 0;
  std::size_t paletteSize = 0;        // PLTE entries, 0 without PLTE
  bool defaultImageIsFrame0 = false;  // an fcTL came before the IDAT
  std::vector<std::string> chunks;    // chunk types in file order
  std::vector<ApngFrame> frames;
};

namespace apng_detail {

[[noreturn]] inline void bad(const std::string& what) { throw std::runtime_error("APNG: " + what); }

inline std::uint32_t u32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
inline std::uint16_t u16(const std::uint8_t* p) { return static_cast<std::uint16_t>((p[0] << 8) | p[1]); }

inline std::vector<std::uint8_t> inflateAll(const std::vector<std::uint8_t>& data, std::size_t expected) {
  std::vector<std::uint8_t> out(expected + 1);  // one spare byte to notice excess data
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) bad("inflateInit failed");
  zs.next_in = const_cast<Bytef*>(data.data());
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = out.data();
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&zs, Z_FINISH);
  const std::size_t produced = out.size() - zs.avail_out;
  const uInt leftover = zs.avail_in;
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) bad("frame data is not one complete zlib stream (inflate " + std::to_string(rc) + ")");
  if (leftover != 0) bad("bytes after the zlib stream");
  if (produced != expected) {
    bad("frame data inflates to " + std::to_string(produced) + " bytes, expected " + std::to_string(expected));
  }
  out.resize(expected);
  return out;
}

inline std::uint8_t paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<std::uint8_t>(a);
  return static_cast<std::uint8_t>(pb <= pc ? b : c);
}

// Undoes the five PNG filters in place; returns the raw rows without filter bytes.
inline std::vector<std::uint8_t> unfilter(std::vector<std::uint8_t>& data, std::size_t rowBytes, std::size_t rows,
                                          std::size_t bpp) {
  std::vector<std::uint8_t> raw(rowBytes * rows);
  for (std::size_t y = 0; y < rows; ++y) {
    const std::uint8_t filter = data[y * (rowBytes + 1)];
    const std::uint8_t* in = data.data() + y * (rowBytes + 1) + 1;
    std::uint8_t* cur = raw.data() + y * rowBytes;
    const std::uint8_t* up = y > 0 ? cur - rowBytes : nullptr;
    for (std::size_t i = 0; i < rowBytes; ++i) {
      const int a = i >= bpp ? cur[i - bpp] : 0;
      const int b = up ? up[i] : 0;
      const int c = up && i >= bpp ? up[i - bpp] : 0;
      int v = in[i];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) / 2; break;
        case 4: v += paeth(a, b, c); break;
        default: bad("row " + std::to_string(y) + " has filter type " + std::to_string(filter));
      }
      cur[i] = static_cast<std::uint8_t>(v);
    }
  }
  return raw;
}

}  // namespace apng_detail

inline Apng readApng(std::span<const std::uint8_t> bytes) {
  using namespace apng_detail;
  static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSignature, 8) != 0) bad("no PNG signature");

  Apng png;
  std::vector<std::array<std::uint8_t, 4>> palette;
  std::vector<std::vector<std::uint8_t>> frameData;  // compressed, per fcTL
  std::uint32_t nextSequence = 0;
  bool sawActl = false, sawIdat = false, idatDone = false, sawIend = false;
  std::size_t pos = 8;
  while (pos < bytes.size()) {
    if (sawIend) bad("bytes after IEND");
    if (bytes.size() - pos < 12) bad("truncated chunk header at byte " + std::to_string(pos));
    const std::uint32_t length = u32(&bytes[pos]);
    if (length > 0x7fffffffu || bytes.size() - pos - 12 < length) bad("chunk length " + std::to_string(length));
    const std::string type(reinterpret_cast<const char*>(&bytes[pos + 4]), 4);
    const std::uint8_t* data = &bytes[pos + 8];
    const auto crc = static_cast<std::uint32_t>(crc32(0L, &bytes[pos + 4], length + 4));
    if (crc != u32(data + length)) bad(type + " chunk has a bad CRC");
    pos += 12 + std::size_t{length};
    if (png.chunks.empty() && type != "IHDR") bad("first chunk is " + type + ", not IHDR");
    if (sawIdat && type != "IDAT") idatDone = true;
    png.chunks.push_back(type);

    if (type == "IHDR") {
      if (length != 13 || png.chunks.size() != 1) bad("IHDR is not a 13-byte first chunk");
      png.width = u32(data);
      png.height = u32(data + 4);
      png.bitDepth = data[8];
      png.colorType = data[9];
      if (png.width == 0 || png.height == 0) bad("empty image");
      if (data[10] != 0 || data[11] != 0) bad("unknown compression or filter method");
      if (data[12] != 0) bad("interlaced images are not supported by this reader");
      const bool ok = png.colorType == 3
                          ? (png.bitDepth == 1 || png.bitDepth == 2 || png.bitDepth == 4 || png.bitDepth == 8)
                          : ((png.colorType == 2 || png.colorType == 6) && png.bitDepth == 8);
      if (!ok) bad("colour type " + std::to_string(png.colorType) + " at depth " + std::to_string(png.bitDepth));
    } else if (type == "acTL") {
      if (length != 8 || sawActl || sawIdat) bad("acTL must be one 8-byte chunk before IDAT");
      sawActl = true;
      png.numFrames = u32(data);
      png.numPlays = u32(data + 4);
      if (png.numFrames == 0) bad("acTL says 0 frames");
    } else if (type == "PLTE") {
      if (length == 0 || length % 3 != 0 || length / 3 > 256 || !palette.empty() || sawIdat) bad("bad PLTE");
      for (std::uint32_t i = 0; i < length / 3; ++i)
        palette.push_back({data[3 * i], data[3 * i + 1], data[3 * i + 2], 255});
      png.paletteSize = palette.size();
    } else if (type == "tRNS") {
      if (png.colorType != 3 || palette.empty() || length > palette.size() || sawIdat) bad("bad tRNS");
      for (std::uint32_t i = 0; i < length; ++i) palette[i][3] = data[i];
    } else if (type == "fcTL") {
      if (!sawActl) bad("fcTL without acTL");
      if (length != 26) bad("fcTL is not 26 bytes");
      ApngFrameControl c;
      c.sequence = u32(data);
      c.width = u32(data + 4);
      c.height = u32(data + 8);
      c.x = u32(data + 12);
      c.y = u32(data + 16);
      c.delayNum = u16(data + 20);
      c.delayDen = u16(data + 22);
      c.dispose = data[24];
      c.blend = data[25];
      if (c.sequence != nextSequence++) bad("fcTL sequence " + std::to_string(c.sequence) + " out of order");
      if (c.width == 0 || c.height == 0 || c.x > png.width || c.y > png.height || c.width > png.width - c.x ||
          c.height > png.height - c.y) {
        bad("frame " + std::to_string(png.frames.size()) + " region is outside the image");
      }
      if (c.dispose > 2 || c.blend > 1) bad("unknown dispose or blend op");
      if (!sawIdat) {
        if (!png.frames.empty()) bad("two fcTL before IDAT");
        if (c.x != 0 || c.y != 0 || c.width != png.width || c.height != png.height) {
          bad("the fcTL before IDAT must cover the whole image");
        }
        png.defaultImageIsFrame0 = true;
      } else if (!idatDone) {
        bad("fcTL between IDAT chunks");
      }
      png.frames.push_back({c, {}});
      frameData.emplace_back();
    } else if (type == "IDAT") {
      if (idatDone) bad("IDAT chunks are not consecutive");
      if (png.colorType == 3 && palette.empty()) bad("indexed image without PLTE");
      sawIdat = true;
      if (png.defaultImageIsFrame0) frameData[0].insert(frameData[0].end(), data, data + length);
    } else if (type == "fdAT") {
      if (length < 4) bad("fdAT without a sequence number");
      if (u32(data) != nextSequence++) bad("fdAT sequence " + std::to_string(u32(data)) + " out of order");
      if (!sawIdat || frameData.empty() || (png.defaultImageIsFrame0 && frameData.size() == 1)) {
        bad("fdAT without a frame of its own");
      }
      frameData.back().insert(frameData.back().end(), data + 4, data + length);
    } else if (type == "IEND") {
      if (length != 0) bad("IEND has data");
      sawIend = true;
    } else if (type[0] >= 'A' && type[0] <= 'Z') {
      bad("unknown critical chunk " + type);
    }
  }
  if (!sawIend) bad("no IEND");
  if (!sawIdat) bad("no IDAT");
  if (!sawActl) bad("no acTL: not an animated PNG");
  if (png.numFrames != png.frames.size()) {
    bad("acTL says " + std::to_string(png.numFrames) + " frames, there are " + std::to_string(png.frames.size()));
  }

  const std::size_t bitsPerPixel = png.colorType == 3   ? static_cast<std::size_t>(png.bitDepth)
                                   : png.colorType == 2 ? 24
                                                        : 32;
  const std::size_t bpp = std::max<std::size_t>(1, bitsPerPixel / 8);
  const std::size_t canvasStride = std::size_t{png.width} * 4;
  std::vector<std::uint8_t> canvas(canvasStride * png.height, 0);  // transparent black before frame 0
  for (std::size_t f = 0; f < png.frames.size(); ++f) {
    ApngFrame& frame = png.frames[f];
    const ApngFrameControl& c = frame.control;
    if (frameData[f].empty()) bad("frame " + std::to_string(f) + " has no image data");
    const std::size_t rowBytes = (std::size_t{c.width} * bitsPerPixel + 7) / 8;
    std::vector<std::uint8_t> filtered = inflateAll(frameData[f], (rowBytes + 1) * c.height);
    const std::vector<std::uint8_t> raw = unfilter(filtered, rowBytes, c.height, bpp);

    const std::vector<std::uint8_t> before = canvas;  // for dispose PREVIOUS
    for (std::uint32_t y = 0; y < c.height; ++y) {
      const std::uint8_t* in = raw.data() + y * rowBytes;
      for (std::uint32_t x = 0; x < c.width; ++x) {
        std::array<std::uint8_t, 4> px{};
        if (png.colorType == 3) {
          const auto depth = static_cast<std::size_t>(png.bitDepth);
          const std::size_t bit = x * depth;
          const unsigned index = (in[bit / 8] >> (8 - depth - bit % 8)) & ((1u << depth) - 1);
          if (index >= palette.size()) bad("palette index " + std::to_string(index) + " out of range");
          px = palette[index];
        } else if (png.colorType == 2) {
          px = {in[3 * x], in[3 * x + 1], in[3 * x + 2], 255};
        } else {
          px = {in[4 * x], in[4 * x + 1], in[4 * x + 2], in[4 * x + 3]};
        }
        std::uint8_t* dst = canvas.data() + (c.y + y) * canvasStride + (c.x + x) * 4;
        if (c.blend == 0 || px[3] == 255) {
          std::memcpy(dst, px.data(), 4);
        } else if (px[3] != 0) {
          // APNG_BLEND_OP_OVER on straight alpha.
          const double sa = px[3] / 255.0, da = dst[3] / 255.0;
          const double oa = sa + da * (1 - sa);
          for (int k = 0; k < 3; ++k) {
            dst[k] = static_cast<std::uint8_t>(std::lround((px[k] * sa + dst[k] * da * (1 - sa)) / oa));
          }
          dst[3] = static_cast<std::uint8_t>(std::lround(oa * 255));
        }
      }
    }
    frame.canvas = canvas;
    // The first frame's PREVIOUS is treated as BACKGROUND, as the spec says.
    const int dispose = f == 0 && c.dispose == 2 ? 1 : c.dispose;
    if (dispose == 1) {
      for (std::uint32_t y = 0; y < c.height; ++y) {
        std::memset(canvas.data() + (c.y + y) * canvasStride + std::size_t{c.x} * 4, 0, std::size_t{c.width} * 4);
      }
    } else if (dispose == 2) {
      canvas = before;
    }
  }
  return png;
}

}  // namespace testing
