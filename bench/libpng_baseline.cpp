#include "libpng_baseline.hpp"

#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <stdexcept>

namespace bench {
namespace {

void append(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

struct Job {
  const std::uint8_t* pixels;
  int width;
  int height;
  int rowBytes;
  const LibpngPalette* palette;  // null: RGBA at defaults
};

// Trivially destructible locals only: libpng errors longjmp back here.
bool write(png_structp png, png_infop info, const Job* job) {
  if (setjmp(png_jmpbuf(png))) return false;
  const auto w = static_cast<png_uint_32>(job->width);
  const auto h = static_cast<png_uint_32>(job->height);
  if (job->palette == nullptr) {
    png_set_IHDR(png, info, w, h, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
  } else {
    const LibpngPalette& p = *job->palette;
    png_set_IHDR(png, info, w, h, p.bitDepth, PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_color colors[256];
    for (int i = 0; i < p.count; ++i) colors[i] = {p.rgb[3 * i], p.rgb[3 * i + 1], p.rgb[3 * i + 2]};
    png_set_PLTE(png, info, colors, p.count);
    if (p.alphaCount > 0) png_set_tRNS(png, info, p.alpha, p.alphaCount, nullptr);
    png_set_compression_level(png, 1);
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  }
  png_write_info(png, info);
  if (job->palette != nullptr && job->palette->bitDepth < 8) png_set_packing(png);
  for (int y = 0; y < job->height; ++y) {
    png_write_row(png, job->pixels + static_cast<std::size_t>(y) * static_cast<std::size_t>(job->rowBytes));
  }
  png_write_end(png, nullptr);
  return true;
}

void run(const Job& job, std::vector<std::uint8_t>& out) {
  out.clear();
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    throw std::runtime_error("libpng init failed");
  }
  png_set_write_fn(png, &out, append, nullptr);
  const bool ok = write(png, info, &job);
  png_destroy_write_struct(&png, &info);
  if (!ok) throw std::runtime_error("libpng write failed");
}

}  // namespace

void libpngWriteRgba(const std::uint8_t* rgba, int width, int height, std::vector<std::uint8_t>& out) {
  run({rgba, width, height, width * 4, nullptr}, out);
}

void libpngWritePalette(const std::uint8_t* indices, int width, int height, const LibpngPalette& palette,
                        std::vector<std::uint8_t>& out) {
  run({indices, width, height, width, &palette}, out);
}

}  // namespace bench
