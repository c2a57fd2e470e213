// Writes the chunks directly, because libpng's per-image png_struct setup and
// generic row handling cost more than encoding a small pixel-art avatar.
#include "codecs/png/png_writer.hpp"

#include "codecs/png/checksum.hpp"
#include "codecs/png/row_deflate.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <limits>

#include "pixabots/core/error.hpp"

namespace pixabots::core::detail::png {

void fail(const std::string& message) { throw Error(Errc::codec, message); }

void putU32(std::uint8_t* p, std::uint32_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 24);
  p[1] = static_cast<std::uint8_t>(v >> 16);
  p[2] = static_cast<std::uint8_t>(v >> 8);
  p[3] = static_cast<std::uint8_t>(v);
}

void putU16(std::uint8_t* p, std::uint16_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 8);
  p[1] = static_cast<std::uint8_t>(v);
}

namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
constexpr int kMaxPaletteSize = 256;
bool mulOverflows(std::size_t a, std::size_t b, std::size_t& result) {
  if (a != 0 && b > std::numeric_limits<std::size_t>::max() / a) return true;
  result = a * b;
  return false;
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  std::uint8_t b[4];
  putU32(b, v);
  out.insert(out.end(), b, b + 4);
}

// Open-addressing colour -> palette index table; stops at 256 colours.
class ColorTable {
 public:
  void clear() {
    slots_.fill(-1);
    size_ = 0;
  }
  // The colour's palette index, added if new; -1 when it would be the 257th.
  int indexOf(std::uint32_t key) {
    std::uint32_t h = (key * 0x9E3779B1u) >> (32 - kBits);
    for (;;) {
      const int v = slots_[h];
      if (v < 0) {
        if (size_ == kMaxPaletteSize) return -1;
        slots_[h] = static_cast<std::int16_t>(size_);
        keys_[h] = key;
        colors_[static_cast<std::size_t>(size_)] = key;
        return size_++;
      }
      if (keys_[h] == key) return v;
      h = (h + 1) & (kSlots - 1);
    }
  }
  int size() const { return size_; }
  std::uint32_t color(int i) const { return colors_[static_cast<std::size_t>(i)]; }

 private:
  static constexpr int kBits = 9;  // 512 slots: load <= 1/2, always a free slot
  static constexpr std::uint32_t kSlots = 1u << kBits;
  std::array<std::uint32_t, kSlots> keys_{};
  std::array<std::int16_t, kSlots> slots_{};
  std::array<std::uint32_t, kMaxPaletteSize> colors_{};
  int size_ = 0;
};

// Scratch buffers only grow, so alternating image sizes do not re-fill them.
template <typename T>
void ensureSize(std::vector<T>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
}

// Native-order RGBA word; fully transparent pixels all map to 0.
inline std::uint32_t pixelKey(const std::uint8_t* p) {
  if (p[3] == 0) return 0;
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline void unpackKey(std::uint32_t key, std::uint8_t (&rgba)[4]) { std::memcpy(rgba, &key, 4); }

}  // namespace

struct Scratch {
  RowDeflater deflater;
  ColorTable colors;
  std::vector<std::uint8_t> index;  // palette index per source pixel (referenced ones only)
  std::vector<std::uint8_t> colUsed, rowUsed;
  std::vector<std::uint32_t> usedCols, usedRows;
  std::vector<std::uint8_t> row, prevRow;  // filter byte + one output row
};

namespace {

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Streams deflate output into IDAT chunks, or into APNG fdAT chunks (each
// opening with the next sequence number), splitting only at PNG's 2^31-1 cap.
class DataChunkWriter {
 public:
  DataChunkWriter(std::vector<std::uint8_t>& out, std::uint32_t* fdatSequence)
      : out_(out), sequence_(fdatSequence), capacity_(fdatSequence ? kMaxLength - 4 : kMaxLength) {}

  void append(const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
      if (!open_) begin();
      const std::size_t take = std::min<std::size_t>(size, capacity_ - length_);
      out_.insert(out_.end(), data, data + take);
      crc_ = crc32(crc_, data, take);
      length_ += static_cast<std::uint32_t>(take);
      data += take;
      size -= take;
      if (length_ == capacity_) end();
    }
  }
  void finish() {
    if (open_) end();
  }

 private:
  void begin() {
    static constexpr std::uint8_t kIdat[4] = {'I', 'D', 'A', 'T'};
    static constexpr std::uint8_t kFdat[4] = {'f', 'd', 'A', 'T'};
    start_ = out_.size();
    appendU32(out_, 0);  // length, patched by end()
    const std::uint8_t* type = sequence_ ? kFdat : kIdat;
    out_.insert(out_.end(), type, type + 4);
    crc_ = crc32(0, type, 4);
    if (sequence_) {
      std::uint8_t seq[4];
      putU32(seq, (*sequence_)++);
      out_.insert(out_.end(), seq, seq + 4);
      crc_ = crc32(crc_, seq, 4);
    }
    length_ = 0;
    open_ = true;
  }
  void end() {
    putU32(out_.data() + start_, length_ + (sequence_ ? 4u : 0u));
    appendU32(out_, crc_);
    open_ = false;
  }

  std::vector<std::uint8_t>& out_;
  std::uint32_t* sequence_;
  std::uint32_t capacity_;  // data bytes per chunk, after any sequence number
  std::size_t start_ = 0;
  std::uint32_t length_ = 0;
  std::uint32_t crc_ = 0;
  bool open_ = false;
};

// CMF: deflate, 32 KiB window; FLG: fastest level, no dictionary, check bits.
constexpr std::uint8_t kZlibHeader[2] = {0x78, 0x01};

// Feeds filtered rows through the thread's RowDeflater (row_deflate.hpp)
// into data chunks, and does the zlib wrapper: the Adler-32 of a repeated row
// is then O(1) instead of a pass over bytes that are mostly such rows.
class RowDeflateSink {
 public:
  RowDeflateSink(RowDeflater& deflater, std::vector<std::uint8_t>& out, std::uint32_t* fdatSequence,
                 std::size_t rowSize, std::size_t pixelBytes)
      : deflater_(deflater), chunks_(out, fdatSequence) {
    deflater_.begin(rowSize, pixelBytes);
    chunks_.append(kZlibHeader, 2);
  }

  void writeRow(const std::uint8_t* data, std::size_t size) {
    adler_ = adler32(adler_, data, size);
    deflater_.row(data);
    drain();
  }
  void writeRepeatedRows(std::size_t count, std::size_t rowSize) {
    adler_ = adler32RepeatedRows(adler_, count, rowSize);
    deflater_.repeatedRows(count);
    drain();
  }
  void finish() {
    deflater_.finish();
    drain();
    std::uint8_t trailer[4];
    putU32(trailer, adler_);
    chunks_.append(trailer, 4);
    chunks_.finish();
  }

 private:
  void drain() {
    std::vector<std::uint8_t>& bytes = deflater_.output();
    if (!bytes.empty()) chunks_.append(bytes.data(), bytes.size());
    bytes.clear();
  }

  RowDeflater& deflater_;
  DataChunkWriter chunks_;
  std::uint32_t adler_ = 1;
};

// Output row from index row `idx` via the column map, packed MSB first.
template <int Depth>
void packIndexRow(const std::uint8_t* idx, std::span<const std::uint32_t> cols, std::uint8_t* dst) {
  const std::size_t w = cols.size();
  if constexpr (Depth == 8) {
    for (std::size_t x = 0; x < w; ++x) dst[x] = idx[cols[x]];
  } else {
    constexpr std::size_t perByte = 8 / Depth;
    std::size_t x = 0;
    for (; x + perByte <= w; x += perByte) {
      unsigned acc = 0;
      for (std::size_t k = 0; k < perByte; ++k) acc = (acc << Depth) | idx[cols[x + k]];
      *dst++ = static_cast<std::uint8_t>(acc);
    }
    if (x < w) {
      unsigned acc = 0;
      std::size_t n = 0;
      for (; x < w; ++x, ++n) acc = (acc << Depth) | idx[cols[x]];
      *dst = static_cast<std::uint8_t>(acc << (Depth * (perByte - n)));
    }
  }
}

void gatherRgb(const std::uint8_t* srow, std::span<const std::uint32_t> cols, std::uint8_t* dst) {
  for (const std::uint32_t c : cols) {
    const std::uint8_t* p = srow + std::size_t{c} * 4;
    dst[0] = p[0];
    dst[1] = p[1];
    dst[2] = p[2];
    dst += 3;
  }
}

void gatherRgba(const std::uint8_t* srow, std::span<const std::uint32_t> cols, std::uint8_t* dst) {
  for (const std::uint32_t c : cols) {
    const std::uint8_t* p = srow + std::size_t{c} * 4;
    if (p[3] == 0) {
      std::memset(dst, 0, 4);
    } else {
      std::memcpy(dst, p, 4);
    }
    dst += 4;
  }
}

// Marks the source rows/columns a map references; ascending, without repeats.
void collectUsed(std::span<const std::uint32_t> map, std::size_t srcSize, std::vector<std::uint8_t>& mask,
                 std::vector<std::uint32_t>& used, const char* what) {
  mask.assign(srcSize, 0);
  for (const std::uint32_t v : map) {
    if (v >= srcSize) {
      fail(std::string(what) + " map entry " + std::to_string(v) + " is outside the " + std::to_string(srcSize) +
           "-pixel source");
    }
    mask[v] = 1;
  }
  used.clear();
  for (std::size_t i = 0; i < mask.size(); ++i) {
    if (mask[i]) used.push_back(static_cast<std::uint32_t>(i));
  }
}

// Indexes every referenced source pixel into s.index; false past 256 colours.
bool buildIndex(const std::uint8_t* src, std::size_t srcStride, std::size_t srcWidth, Scratch& s) {
  ColorTable& table = s.colors;
  table.clear();
  std::uint32_t lastKey =
      pixelKey(src + std::size_t{s.usedRows.front()} * srcStride + std::size_t{s.usedCols.front()} * 4);
  auto lastIdx = static_cast<std::uint8_t>(table.indexOf(lastKey));
  for (const std::uint32_t r : s.usedRows) {
    const std::uint8_t* srow = src + std::size_t{r} * srcStride;
    std::uint8_t* irow = s.index.data() + std::size_t{r} * srcWidth;
    for (const std::uint32_t c : s.usedCols) {
      const std::uint32_t key = pixelKey(srow + std::size_t{c} * 4);
      // Pixel art is mostly runs: skip the table while the colour repeats.
      if (key != lastKey) {
        const int i = table.indexOf(key);
        if (i < 0) return false;
        lastKey = key;
        lastIdx = static_cast<std::uint8_t>(i);
      }
      irow[c] = lastIdx;
    }
  }
  return true;
}

bool allOpaque(const std::uint8_t* src, std::size_t srcStride, const Scratch& s) {
  for (const std::uint32_t r : s.usedRows) {
    const std::uint8_t* srow = src + std::size_t{r} * srcStride;
    for (const std::uint32_t c : s.usedCols) {
      if (srow[std::size_t{c} * 4 + 3] != 255) return false;
    }
  }
  return true;
}

}  // namespace

void appendChunk(std::vector<std::uint8_t>& out, const char (&type)[5], const std::uint8_t* data, std::size_t size) {
  appendU32(out, static_cast<std::uint32_t>(size));
  const std::size_t typePos = out.size();
  out.insert(out.end(), type, type + 4);
  if (size > 0) out.insert(out.end(), data, data + size);
  appendU32(out, crc32(0, out.data() + typePos, 4 + size));
}

MappedWriter::MappedWriter(const std::uint8_t* src, std::size_t stride, int width, int height)
    : s_(scratch()), src_(src), stride_(stride) {
  if (src == nullptr || width <= 0 || height <= 0) fail("cannot encode PNG from an empty source image");
  width_ = static_cast<std::size_t>(width);
  height_ = static_cast<std::size_t>(height);
  std::size_t rowBytes = 0;
  std::size_t pixels = 0;
  if (mulOverflows(width_, 4, rowBytes) || mulOverflows(width_, height_, pixels)) {
    fail("source image is too large to encode");
  }
  if (stride < rowBytes) fail("source stride is smaller than its width * 4");
}

void MappedWriter::analyse(std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows) {
  collectUsed(cols, width_, s_.colUsed, s_.usedCols, "column");
  collectUsed(rows, height_, s_.rowUsed, s_.usedRows, "row");
  ensureSize(s_.index, width_ * height_);  // checked not to overflow by the constructor
  mode_ = Mode::indexed;
  if (!buildIndex(src_, stride_, width_, s_)) mode_ = allOpaque(src_, stride_, s_) ? Mode::rgb : Mode::rgba;

  depth_ = 8;
  colorType_ = 6;
  bitsPerPixel_ = 32;
  if (mode_ == Mode::indexed) {
    const int n = s_.colors.size();
    depth_ = n <= 2 ? 1 : n <= 4 ? 2 : n <= 16 ? 4 : 8;
    colorType_ = 3;
    bitsPerPixel_ = static_cast<std::uint64_t>(depth_);
  } else if (mode_ == Mode::rgb) {
    colorType_ = 2;
    bitsPerPixel_ = 24;
  }
}

int MappedWriter::paletteSize() const { return mode_ == Mode::indexed ? s_.colors.size() : 0; }

void MappedWriter::writeHeader(std::vector<std::uint8_t>& out, std::size_t width, std::size_t height) const {
  out.assign(std::begin(kSignature), std::end(kSignature));  // keeps capacity
  std::uint8_t ihdr[13] = {};
  putU32(ihdr, static_cast<std::uint32_t>(width));
  putU32(ihdr + 4, static_cast<std::uint32_t>(height));
  ihdr[8] = static_cast<std::uint8_t>(depth_);
  ihdr[9] = static_cast<std::uint8_t>(colorType_);  // compression, filter, interlace: 0
  appendChunk(out, "IHDR", ihdr, sizeof ihdr);
}

// Reorders the palette so non-opaque entries come first (tRNS then stops at
// the last of them), remaps the index to match and writes PLTE/tRNS.
void MappedWriter::writePalette(std::vector<std::uint8_t>& out) {
  if (mode_ != Mode::indexed) return;
  const ColorTable& table = s_.colors;
  const int n = table.size();
  std::array<std::uint8_t, kMaxPaletteSize> remap{};
  std::array<std::uint32_t, kMaxPaletteSize> ordered{};
  int next = 0;
  int translucent = 0;
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 0; i < n; ++i) {
      std::uint8_t rgba[4];
      unpackKey(table.color(i), rgba);
      if ((rgba[3] != 255) == (pass == 0)) {
        remap[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(next);
        ordered[static_cast<std::size_t>(next++)] = table.color(i);
      }
    }
    if (pass == 0) translucent = next;
  }
  bool identity = true;
  for (int i = 0; i < n; ++i) identity = identity && remap[static_cast<std::size_t>(i)] == i;
  if (!identity) {
    for (const std::uint32_t r : s_.usedRows) {
      std::uint8_t* irow = s_.index.data() + std::size_t{r} * width_;
      for (const std::uint32_t c : s_.usedCols) irow[c] = remap[irow[c]];
    }
  }

  // Zeroed: GCC cannot see that appendChunk reads only the n entries filled.
  std::uint8_t plte[3 * kMaxPaletteSize] = {};
  std::uint8_t trns[kMaxPaletteSize] = {};
  for (int i = 0; i < n; ++i) {
    std::uint8_t rgba[4];
    unpackKey(ordered[static_cast<std::size_t>(i)], rgba);
    std::memcpy(plte + 3 * i, rgba, 3);
    trns[i] = rgba[3];
  }
  appendChunk(out, "PLTE", plte, 3 * static_cast<std::size_t>(n));
  if (translucent > 0) appendChunk(out, "tRNS", trns, static_cast<std::size_t>(translucent));
}

void MappedWriter::writeImageData(std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows,
                                  std::vector<std::uint8_t>& out, std::uint32_t* fdatSequence) {
  // width <= 2^31-1 and bpp <= 32, so this cannot overflow 64 bits.
  const std::uint64_t rowBytes64 = (static_cast<std::uint64_t>(cols.size()) * bitsPerPixel_ + 7) / 8;
  if (rowBytes64 >= std::numeric_limits<std::size_t>::max()) fail("PNG row is too large for this platform");
  const auto rowBytes = static_cast<std::size_t>(rowBytes64);
  const std::size_t rowSize = rowBytes + 1;  // with the filter byte
  // Runs are whole pixels: one byte apart in indexed rows (whatever the depth,
  // an upscaled run repeats whole bytes), 3 or 4 in RGB and RGBA.
  const std::size_t pixelBytes = mode_ == Mode::rgb ? 3 : mode_ == Mode::rgba ? 4 : 1;
  RowDeflateSink sink(s_.deflater, out, fdatSequence, rowSize, pixelBytes);
  writeRows(sink, cols, rows, rowBytes);
}

template <typename Sink>
void MappedWriter::writeRows(Sink& sink, std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows,
                             std::size_t rowBytes) {
  Scratch& s = s_;
  const std::size_t rowSize = rowBytes + 1;
  ensureSize(s.row, rowSize);
  // Two row buffers: the row being built and the last one written, so a row
  // from a different source row but with the same bytes is still a repeat.
  ensureSize(s.prevRow, rowSize);
  std::uint8_t* row = s.row.data();
  std::uint8_t* prev = s.prevRow.data();
  bool havePrev = false;
  for (std::size_t y = 0; y < rows.size();) {
    const std::uint32_t r = rows[y];
    const std::uint8_t* irow = s.index.data() + std::size_t{r} * width_;
    const std::uint8_t* srow = src_ + std::size_t{r} * stride_;
    switch (mode_) {
      case Mode::indexed:
        switch (depth_) {
          case 1: packIndexRow<1>(irow, cols, row + 1); break;
          case 2: packIndexRow<2>(irow, cols, row + 1); break;
          case 4: packIndexRow<4>(irow, cols, row + 1); break;
          default: packIndexRow<8>(irow, cols, row + 1); break;
        }
        break;
      case Mode::rgb: gatherRgb(srow, cols, row + 1); break;
      case Mode::rgba: gatherRgba(srow, cols, row + 1); break;
    }
    std::size_t run = 0;
    while (y + 1 + run < rows.size() && rows[y + 1 + run] == r) ++run;
    if (havePrev && std::memcmp(row + 1, prev + 1, rowBytes) == 0) {
      sink.writeRepeatedRows(1 + run, rowSize);
    } else {
      row[0] = 0;  // filter None
      sink.writeRow(row, rowSize);
      if (run > 0) sink.writeRepeatedRows(run, rowSize);
      std::swap(row, prev);
      havePrev = true;
    }
    y += 1 + run;
  }
  sink.finish();
}

}  // namespace pixabots::core::detail::png
