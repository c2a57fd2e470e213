// PNG encoder: the writer in png_writer.cpp chooses the colour type and writes
// the chunks; this file is the single-image entry points.
#include "codecs/png/png_encode.hpp"

#include <cstring>
#include <string>

#include "codecs/png/png_writer.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::core::detail {

void encodeMappedPng(const std::uint8_t* src, std::size_t srcStride, int srcWidth, int srcHeight,
                     std::span<const std::uint32_t> cols, std::span<const std::uint32_t> rows,
                     std::vector<std::uint8_t>& out) {
  if (cols.empty() || rows.empty()) {
    png::fail("cannot encode a " + std::to_string(cols.size()) + "x" + std::to_string(rows.size()) + " image as PNG");
  }
  if (cols.size() > png::kMaxLength || rows.size() > png::kMaxLength) {
    png::fail("cannot encode a " + std::to_string(cols.size()) + "x" + std::to_string(rows.size()) +
              " image as PNG: dimensions are limited to 2147483647");
  }
  png::MappedWriter writer(src, srcStride, srcWidth, srcHeight);
  writer.analyse(cols, rows);
  writer.writeHeader(out, cols.size(), rows.size());
  writer.writePalette(out);
  writer.writeImageData(cols, rows, out);
  png::appendChunk(out, "IEND", nullptr, 0);
}

}  // namespace pixabots::core::detail

namespace pixabots::core {
namespace {

// encodePng's maps, per thread and only ever grown.
struct Maps {
  std::vector<std::uint32_t> identity;  // column map
  std::vector<std::uint32_t> rows;
};

}  // namespace

std::vector<std::uint8_t> encodePng(const ImageView& image) {
  if (image.data == nullptr || image.width <= 0 || image.height <= 0) {
    throw Error(Errc::codec, "cannot encode a " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                                 " image as PNG");
  }
  if (image.stride / 4 < static_cast<std::size_t>(image.width)) {
    throw Error(Errc::codec, "cannot encode PNG: stride is smaller than width * 4");
  }
  thread_local Maps maps;
  const auto width = static_cast<std::size_t>(image.width);
  const auto height = static_cast<std::size_t>(image.height);
  // Identity column map, shared by every call on this thread, only ever extended.
  while (maps.identity.size() < width) maps.identity.push_back(static_cast<std::uint32_t>(maps.identity.size()));
  // A row identical to the one above maps to the same source row, so it is
  // written as a repeated row (filter Up, all zeros): upscaled images then
  // cost what encodeMappedPng costs.
  if (maps.rows.size() < height) maps.rows.resize(height);
  for (int y = 0; y < image.height; ++y) {
    const auto i = static_cast<std::size_t>(y);
    const bool same = y > 0 && std::memcmp(image.row(y), image.row(y - 1), width * 4) == 0;
    maps.rows[i] = same ? maps.rows[i - 1] : static_cast<std::uint32_t>(y);
  }
  const std::span<const std::uint32_t> cols(maps.identity.data(), width);
  const std::span<const std::uint32_t> rows(maps.rows.data(), height);

  std::vector<std::uint8_t> out;
  detail::encodeMappedPng(image.data, image.stride, image.width, image.height, cols, rows, out);
  return out;
}

}  // namespace pixabots::core
