// PNG decoder on libpng, reading from memory.
//
// libpng reports errors by longjmp. Jumping over a frame that holds a C++
// object with a non-trivial destructor is undefined behaviour, so each libpng
// call sequence runs in a small function whose locals are all trivial; the
// error text goes into a plain buffer and the C++ side throws after the call
// has returned. The png_struct and the Image live in decodePng()'s frame,
// which no longjmp ever crosses.
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "codecs/png/png_decode.hpp"
#include "pixabots/core/error.hpp"
#include "pixabots/core/png.hpp"

namespace pixabots::core {
namespace {

constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
// Ancillary chunks libpng keeps in memory (text, ICC profiles) are irrelevant
// here and skipped, but cap them anyway in case one is handled.
constexpr png_alloc_size_t kChunkMallocMax = 4u << 20;
constexpr png_uint_32 kChunkCacheMax = 256;

// Everything the libpng callbacks touch: trivial, so longjmp may skip it.
struct ReadContext {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t pos;
  bool truncated;
  char message[256];
};

void readCallback(png_structp png, png_bytep out, png_size_t length) {
  auto* ctx = static_cast<ReadContext*>(png_get_io_ptr(png));
  if (length > ctx->size - ctx->pos) {
    ctx->truncated = true;
    png_error(png, "truncated");
  }
  std::memcpy(out, ctx->data + ctx->pos, length);
  ctx->pos += length;
}

void errorCallback(png_structp png, png_const_charp message) {
  auto* ctx = static_cast<ReadContext*>(png_get_error_ptr(png));
  std::strncpy(ctx->message, message != nullptr ? message : "unknown error", sizeof ctx->message - 1);
  ctx->message[sizeof ctx->message - 1] = '\0';
  png_longjmp(png, 1);
}

void warningCallback(png_structp, png_const_charp) {}

// The file's own format, before the transforms to RGBA.
struct SourceFormat {
  png_uint_32 width;
  png_uint_32 height;
  int bitDepth;
  int colorType;
  int interlace;
  int channels;
  // Indexed images only: PLTE and the tRNS alphas (owned by libpng's info).
  png_colorp palette;
  int paletteSize;
  png_bytep paletteAlpha;
  int paletteAlphaCount;
};

// Reads up to the first IDAT, notes the file's format in `source` and sets up
// the transforms to 8-bit RGBA, or for an indexed image to one index a byte
// (expandPalette does the rest: libpng would expand an index past the palette
// to black without a word). Returns the number of interlace passes, 0 on error.
int readHeader(png_structp png, png_infop info, SourceFormat* source) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_read_info(png, info);
  source->width = png_get_image_width(png, info);
  source->height = png_get_image_height(png, info);
  source->bitDepth = png_get_bit_depth(png, info);
  source->colorType = png_get_color_type(png, info);
  source->interlace = png_get_interlace_type(png, info);
  source->channels = png_get_channels(png, info);
  if (source->colorType == PNG_COLOR_TYPE_PALETTE) {
    png_get_PLTE(png, info, &source->palette, &source->paletteSize);
    png_get_tRNS(png, info, &source->paletteAlpha, &source->paletteAlphaCount, nullptr);
    png_set_packing(png);  // 1, 2 and 4-bit indices -> one a byte
  } else {
    png_set_expand(png);    // grey < 8 bits -> 8, tRNS -> alpha
    png_set_scale_16(png);  // 16 -> 8 bits, rounded
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);  // no-op when alpha exists
  }
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  return passes;
}

// Reads every pass into `pixels` (rows `stride` apart) and the chunks after.
bool readRows(png_structp png, png_bytep pixels, std::size_t stride, png_uint_32 height, int passes) {
  if (setjmp(png_jmpbuf(png))) return false;
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, pixels + y * stride, nullptr);
  }
  png_read_end(png, nullptr);
  return true;
}

class ReadHandle {
 public:
  explicit ReadHandle(ReadContext& ctx)
      : png_(png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, errorCallback, warningCallback)) {
    if (png_ != nullptr) info_ = png_create_info_struct(png_);
  }
  ReadHandle(const ReadHandle&) = delete;
  ReadHandle& operator=(const ReadHandle&) = delete;
  ~ReadHandle() { png_destroy_read_struct(&png_, info_ != nullptr ? &info_ : nullptr, nullptr); }
  png_structp png() const { return png_; }
  png_infop info() const { return info_; }

 private:
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
};

[[noreturn]] void fail(const std::string& message) { throw Error(Errc::codec, message); }

[[noreturn]] void failFrom(const ReadContext& ctx) {
  if (ctx.truncated) fail("truncated PNG data");
  fail(std::string("corrupt PNG: ") + ctx.message);
}

std::uint32_t readU32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

void checkLimits(std::uint64_t width, std::uint64_t height, const PngLimits& limits) {
  const auto maxW = static_cast<std::uint64_t>(std::max(limits.maxWidth, 0));
  const auto maxH = static_cast<std::uint64_t>(std::max(limits.maxHeight, 0));
  const std::string size = "PNG is " + std::to_string(width) + "x" + std::to_string(height);
  if (width > maxW || height > maxH) {
    const char* over = width <= maxW ? "taller than" : height <= maxH ? "wider than" : "wider and taller than";
    fail(size + ", " + over + " the " + std::to_string(maxW) + "x" + std::to_string(maxH) + " limit");
  }
  // Both are < 2^32, so the product fits 64 bits.
  if (width * height > limits.maxPixels) {
    fail(size + ", more than the " + std::to_string(limits.maxPixels) + "-pixel limit");
  }
}

// Turns the indices at the start of each row into RGBA, refusing an index past
// the palette. Right to left, so that pixel x's RGBA, written at 4x, lands on
// indices already read.
void expandPalette(Image& image, const SourceFormat& f) {
  for (int y = 0; y < image.height(); ++y) {
    std::uint8_t* row = image.row(y);
    for (int x = 0; x < image.width(); ++x) {
      if (row[x] >= f.paletteSize) {
        fail("corrupt PNG: pixel (" + std::to_string(x) + ", " + std::to_string(y) + ") uses palette index " +
             std::to_string(row[x]) + " but PLTE has " + std::to_string(f.paletteSize) +
             (f.paletteSize == 1 ? " entry" : " entries") + " (indices 0.." + std::to_string(f.paletteSize - 1) + ")");
      }
    }
    for (int x = image.width() - 1; x >= 0; --x) {
      const int index = row[x];
      const png_color& c = f.palette[index];
      std::uint8_t* out = row + static_cast<std::size_t>(x) * 4;
      out[0] = c.red;
      out[1] = c.green;
      out[2] = c.blue;
      out[3] = index < f.paletteAlphaCount ? f.paletteAlpha[index] : 0xff;
    }
  }
}

// The exact length of the inflated image data: each row of each interlace
// pass (empty passes have none) is a filter byte and the packed pixels.
std::uint64_t inflatedSize(const SourceFormat& f) {
  const auto pixelBits = static_cast<std::uint64_t>(f.bitDepth) * static_cast<std::uint64_t>(f.channels);
  const auto rows = [&](std::uint64_t width, std::uint64_t height) {
    return width == 0 ? 0 : height * (1 + (width * pixelBits + 7) / 8);
  };
  if (f.interlace == PNG_INTERLACE_NONE) return rows(f.width, f.height);
  std::uint64_t total = 0;
  for (int pass = 0; pass < 7; ++pass) total += rows(PNG_PASS_COLS(f.width, pass), PNG_PASS_ROWS(f.height, pass));
  return total;
}

std::string formatName(const SourceFormat& f) {
  std::string name = std::to_string(f.bitDepth) + "-bit ";
  switch (f.colorType) {
    case PNG_COLOR_TYPE_GRAY: name += "grey"; break;
    case PNG_COLOR_TYPE_GRAY_ALPHA: name += "grey+alpha"; break;
    case PNG_COLOR_TYPE_RGB: name += "RGB"; break;
    case PNG_COLOR_TYPE_RGB_ALPHA: name += "RGBA"; break;
    default: name += "indexed"; break;
  }
  return f.interlace == PNG_INTERLACE_NONE ? name : name + " interlaced";
}

// libpng inflates the whole IDAT stream, however long, before it notices data
// past the last row, and then only warns: a 1 MB file can inflate to 1 GB.
// So the stream is inflated once first, counting, and refused at the first
// byte past what the header calls for. Anything else wrong with the chunks or
// the stream is left for libpng to name.
void refuseExcessImageData(std::span<const std::uint8_t> bytes, const SourceFormat& format) {
  const std::uint64_t expected = inflatedSize(format);
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) fail("cannot decode PNG: zlib initialisation failed");
  struct End {
    z_stream& stream;
    ~End() { inflateEnd(&stream); }
  } end{zs};
  std::array<Bytef, 16384> scratch;
  std::uint64_t total = 0;
  bool inIdat = false;
  for (std::size_t pos = 8; bytes.size() - pos >= 12;) {
    const std::uint32_t length = readU32(&bytes[pos]);
    if (length > bytes.size() - pos - 12) return;
    const bool idat = std::memcmp(&bytes[pos + 4], "IDAT", 4) == 0;
    if (inIdat && !idat) return;  // libpng inflates one run of IDAT chunks only
    inIdat = idat;
    if (idat) {
      zs.next_in = const_cast<Bytef*>(&bytes[pos + 8]);
      zs.avail_in = length;
      do {
        zs.next_out = scratch.data();
        zs.avail_out = static_cast<uInt>(scratch.size());
        const int ret = inflate(&zs, Z_NO_FLUSH);
        total += scratch.size() - zs.avail_out;
        if (total > expected) {
          fail("corrupt PNG: the image data inflates to more than " + std::to_string(expected) +
               " bytes, the size of a " + std::to_string(format.width) + "x" + std::to_string(format.height) + " " +
               formatName(format) + " image (its IHDR); inflating stopped there");
        }
        if (ret == Z_BUF_ERROR) break;  // this chunk is used up
        if (ret != Z_OK) return;        // the end of the stream, or an error libpng will report
      } while (zs.avail_out == 0);
    }
    pos += 12 + std::size_t{length};
  }
}

}  // namespace

namespace detail {

std::optional<PngSize> pngHeaderSize(std::span<const std::uint8_t> png) {
  if (png.size() < 33 || std::memcmp(png.data(), kSignature, sizeof kSignature) != 0) return std::nullopt;
  const std::uint8_t* chunk = png.data() + 8;
  if (readU32(chunk) != 13 || std::memcmp(chunk + 4, "IHDR", 4) != 0 ||
      crc32(crc32(0L, nullptr, 0), chunk + 4, 17) != readU32(chunk + 21)) {
    return std::nullopt;
  }
  return PngSize{readU32(chunk + 8), readU32(chunk + 12)};
}

}  // namespace detail

Image decodePng(std::span<const std::uint8_t> bytes, const PngLimits& limits) {
  if (bytes.empty()) fail("not a PNG (empty input)");
  const std::size_t sigLen = std::min(bytes.size(), sizeof kSignature);
  if (std::memcmp(bytes.data(), kSignature, sigLen) != 0) fail("not a PNG (bad signature)");
  if (bytes.size() < sizeof kSignature) fail("truncated PNG data");

  // Check the size in IHDR before libpng allocates anything for it.
  if (const auto size = detail::pngHeaderSize(bytes)) checkLimits(size->width, size->height, limits);

  ReadContext ctx{bytes.data(), bytes.size(), 0, false, {}};
  ReadHandle handle(ctx);
  png_structp png = handle.png();
  png_infop info = handle.info();
  if (png == nullptr || info == nullptr) fail("cannot decode PNG: libpng initialisation failed");

  png_set_read_fn(png, &ctx, readCallback);
  // Backstops in case the pre-check above was skipped.
  png_set_user_limits(png, static_cast<png_uint_32>(std::clamp(limits.maxWidth, 1, 0x7fffffff)),
                      static_cast<png_uint_32>(std::clamp(limits.maxHeight, 1, 0x7fffffff)));
  png_set_chunk_malloc_max(png, kChunkMallocMax);
  png_set_chunk_cache_max(png, kChunkCacheMax);
  // Skip every ancillary chunk except tRNS: none affect the pixels we return.
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, nullptr, -1);

  SourceFormat source{};
  const int passes = readHeader(png, info, &source);
  if (passes == 0) failFrom(ctx);
  refuseExcessImageData(bytes, source);

  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  checkLimits(width, height, limits);
  const bool indexed = source.colorType == PNG_COLOR_TYPE_PALETTE;
  const int channels = indexed ? 1 : 4;
  if (png_get_bit_depth(png, info) != 8 || png_get_channels(png, info) != channels ||
      png_get_rowbytes(png, info) != std::size_t{width} * static_cast<std::size_t>(channels)) {
    fail("cannot decode PNG: unexpected pixel layout after conversion");
  }

  // libpng caps each side at 2^31-1, so this only bites where size_t is 32 bits.
  if (std::uint64_t{width} * height * 4 > std::numeric_limits<std::size_t>::max() / 2) {
    fail("PNG is " + std::to_string(width) + "x" + std::to_string(height) + ", too large for this platform");
  }
  Image image(static_cast<int>(width), static_cast<int>(height));
  if (!readRows(png, image.pixels().data(), image.rowBytes(), height, passes)) failFrom(ctx);
  if (indexed) expandPalette(image, source);

  // Transparent pixels carry no colour.
  std::span<std::uint8_t> px = image.pixels();
  for (std::size_t i = 0; i < px.size(); i += 4) {
    if (px[i + 3] == 0) std::memset(&px[i], 0, 4);
  }
  return image;
}

}  // namespace pixabots::core
