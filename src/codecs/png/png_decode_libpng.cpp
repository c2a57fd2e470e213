// The native backend of decodePng (png_decode_backend.hpp): libpng reading
// from memory, after png_decode.cpp has checked the file.
//
// libpng reports errors by longjmp. Jumping over a frame that holds a C++
// object with a non-trivial destructor is undefined behaviour, so each libpng
// call sequence runs in a small function whose locals are all trivial; the
// error text goes into a plain buffer and the C++ side throws after the call
// has returned. The png_struct and the Image live in decodeWithLibpng()'s
// frame, which no longjmp ever crosses.
#include <png.h>
#include <zlib.h>

#include <array>
#include <csetjmp>
#include <cstring>
#include <string>

#include "codecs/png/png_decode_backend.hpp"
#include "pixabots/core/error.hpp"

namespace pixabots::core::detail::png {
namespace {

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

// Reads up to the first IDAT and sets up the transforms to 8-bit RGBA, or for
// an indexed image to one index a byte (png_decode.cpp expands those: libpng
// would expand an index past the palette to black without a word). Returns
// the number of interlace passes, 0 on error.
int readHeader(png_structp png, png_infop info) {
  if (setjmp(png_jmpbuf(png))) return 0;
  png_read_info(png, info);
  if (png_get_color_type(png, info) == PNG_COLOR_TYPE_PALETTE) {
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

[[noreturn]] void failFrom(const ReadContext& ctx) {
  if (ctx.truncated) failTruncated();
  failCorrupt(ctx.message);
}

// libpng inflates the whole IDAT stream, however long, before it notices data
// past the last row, and then only warns: a 1 MB file can inflate to 1 GB.
// So the stream is inflated once first, counting, and refused at the first
// byte past what the header calls for. Anything else wrong with the stream is
// left for libpng to name.
void refuseExcessImageData(const PngLayout& layout) {
  z_stream zs{};
  if (inflateInit(&zs) != Z_OK) throw Error(Errc::codec, "cannot decode PNG: zlib initialisation failed");
  struct End {
    z_stream& stream;
    ~End() { inflateEnd(&stream); }
  } end{zs};
  std::array<Bytef, 16384> scratch;
  std::uint64_t total = 0;
  for (const std::span<const std::uint8_t> chunk : layout.idat) {
    zs.next_in = const_cast<Bytef*>(chunk.data());
    zs.avail_in = static_cast<uInt>(chunk.size());
    do {
      zs.next_out = scratch.data();
      zs.avail_out = static_cast<uInt>(scratch.size());
      const int ret = inflate(&zs, Z_NO_FLUSH);
      total += scratch.size() - zs.avail_out;
      if (total > layout.inflatedSize) failExcessData(layout);
      if (ret == Z_BUF_ERROR) break;  // this chunk is used up
      if (ret != Z_OK) return;        // the end of the stream, or an error libpng will report
    } while (zs.avail_out == 0);
  }
}

}  // namespace

Image decodeWithLibpng(std::span<const std::uint8_t> file, const PngLayout& layout) {
  refuseExcessImageData(layout);

  ReadContext ctx{file.data(), file.size(), 0, false, {}};
  ReadHandle handle(ctx);
  png_structp png = handle.png();
  png_infop info = handle.info();
  if (png == nullptr || info == nullptr) throw Error(Errc::codec, "cannot decode PNG: libpng initialisation failed");

  png_set_read_fn(png, &ctx, readCallback);
  // A backstop: png_decode.cpp has checked the size against the limits.
  png_set_user_limits(png, layout.width, layout.height);
  png_set_chunk_malloc_max(png, kChunkMallocMax);
  png_set_chunk_cache_max(png, kChunkCacheMax);
  // Skip every ancillary chunk except tRNS: none affect the pixels we return.
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, nullptr, -1);

  const int passes = readHeader(png, info);
  if (passes == 0) failFrom(ctx);
  const std::size_t channels = layout.colorType == kIndexed ? 1 : 4;
  if (png_get_image_width(png, info) != layout.width || png_get_image_height(png, info) != layout.height ||
      png_get_bit_depth(png, info) != 8 || png_get_channels(png, info) != channels ||
      png_get_rowbytes(png, info) != std::size_t{layout.width} * channels) {
    failCorrupt("unexpected pixel layout after conversion");
  }
  Image image(static_cast<int>(layout.width), static_cast<int>(layout.height));
  if (!readRows(png, image.pixels().data(), image.rowBytes(), layout.height, passes)) failFrom(ctx);
  return image;
}

}  // namespace pixabots::core::detail::png
