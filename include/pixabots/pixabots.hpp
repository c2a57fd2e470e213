#pragma once
// The C++ API: a thin header-only RAII layer over the C ABI (pixabots.h), so
// it works the same against the shared library (which exports only pxb_*) and
// the static one. Failures throw pixabots::Error carrying the pxb_status and
// the library's message naming the bad value. docs/cpp-api.md is the guide.
//
// C++17 or later: game engines and many codebases are still on C++17, so the
// header uses nothing newer (pixabots::Span stands in for std::span, no
// defaulted comparisons); tests/docs/cpp_consumer.cpp is built both ways.
#if !defined(__cplusplus) || (__cplusplus < 201703L && (!defined(_MSVC_LANG) || _MSVC_LANG < 201703L))
#error "pixabots.hpp needs C++17 or later (-std=c++17); from C, include pixabots/pixabots.h"
#endif
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pixabots/pixabots.h"

namespace pixabots {

// A view of contiguous elements, what the header takes where C++20 code would
// take std::span<T> (the header stays C++17). Converts implicitly from
// std::vector, std::array, std::string, C arrays, std::span and anything else
// with data() and size(), or from a pointer and a count; a std::span can be
// built from it (begin/end are pointers).
template <class T>
class Span {
 public:
  constexpr Span() noexcept = default;
  constexpr Span(T* data, std::size_t size) noexcept : data_(data), size_(size) {}
  template <class Range, class Element = std::remove_pointer_t<decltype(std::data(std::declval<Range&>()))>,
            class = std::enable_if_t<std::is_convertible_v<Element (*)[], T (*)[]>>>
  constexpr Span(Range&& range) noexcept  // implicit, as std::span's
      : data_(std::data(range)), size_(std::size(range)) {}

  constexpr T* data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr T* begin() const noexcept { return data_; }
  constexpr T* end() const noexcept { return data_ + size_; }
  constexpr T& operator[](std::size_t i) const noexcept { return data_[i]; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

class Error : public std::runtime_error {
 public:
  Error(pxb_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  pxb_status status() const noexcept { return status_; }

 private:
  pxb_status status_;
};

namespace detail {
inline void check(pxb_status status) {
  if (status != PXB_OK) {
    const char* detail = pxb_last_error();
    throw Error(status, detail != nullptr && *detail != '\0' ? detail : pxb_strerror(status));
  }
}
// IDs cross the ABI NUL-terminated; 4 characters fit std::string's inline buffer.
inline std::string cString(std::string_view text) { return std::string(text); }
// Runs `call(&data, &size)`, a C call handing a buffer over, and returns a copy
// of the buffer, which is released with pxb_free whatever happens.
template <class Call>
std::vector<std::uint8_t> handedOver(Call call) {
  std::uint8_t* data = nullptr;
  std::size_t size = 0;
  const pxb_status status = call(&data, &size);
  const std::unique_ptr<std::uint8_t, decltype(&pxb_free)> owned(data, &pxb_free);
  check(status);
  return {data, data + size};
}
}  // namespace detail

enum class Format {
  png = PXB_FORMAT_PNG,
  gif = PXB_FORMAT_GIF,
  webp = PXB_FORMAT_WEBP,
  apng = PXB_FORMAT_APNG,
  svg = PXB_FORMAT_SVG,
  rgba = PXB_FORMAT_RGBA,
  metadataJson = PXB_FORMAT_METADATA_JSON,
  framesJson = PXB_FORMAT_FRAMES_JSON,
  sheetPng = PXB_FORMAT_SHEET_PNG,
  sheetJson = PXB_FORMAT_SHEET_JSON,
};

enum class Category {
  eyes = PXB_CATEGORY_EYES,
  heads = PXB_CATEGORY_HEADS,
  body = PXB_CATEGORY_BODY,
  top = PXB_CATEGORY_TOP
};

inline constexpr int kStillTick = PXB_TICK_STILL;
inline constexpr int kAllTicks = PXB_TICK_ALL;

// Part indices, one per category.
struct Combo {
  int eyes = 0, heads = 0, body = 0, top = 0;
  bool operator==(const Combo& o) const { return eyes == o.eyes && heads == o.heads && body == o.body && top == o.top; }
  bool operator!=(const Combo& o) const { return !(*this == o); }
};

// Mirrors pxb_options with owned strings; the defaults are the library's.
// Every member has an initializer, so Options{.size = 256} (C++20) leaves
// the rest at their defaults without -Wmissing-field-initializers.
struct Options {
  int size = 128;
  double hue = 0;
  double saturate = 1;
  std::optional<std::string> bg{};  // "#rrggbb"; empty = transparent
  double speed = 1;
  Format format = Format::png;
  int tick = kStillTick;  // png and rgba: kStillTick, 0..15 or kAllTicks
  bool compactSvg = false;
  int sheetColumns = 0;  // 0 = one row, 1..16 = grid
  bool mergeRepeats = false;
  std::optional<std::string> origin{};      // JSON URLs
  std::optional<std::string> sheetImage{};  // sheet JSON's meta.image

  // The C struct, pointing into this object's strings.
  pxb_options c() const {
    pxb_options o;
    detail::check(pxb_options_init(&o));
    o.size = size;
    o.hue = hue;
    o.saturate = saturate;
    o.bg = bg ? bg->c_str() : nullptr;
    o.speed = speed;
    o.format = static_cast<std::int32_t>(format);
    o.tick = tick;
    o.compact_svg = compactSvg ? 1 : 0;
    o.sheet_columns = sheetColumns;
    o.merge_repeats = mergeRepeats ? 1 : 0;
    o.origin = origin ? origin->c_str() : nullptr;
    o.sheet_image = sheetImage ? sheetImage->c_str() : nullptr;
    return o;
  }
};

// Mirrors pxb_limits: caps on what is read from a pack or a PNG. 0 keeps the
// library's default; above the library's ceiling is Error(PXB_ERR_INVALID_OPTION).
struct Limits {
  std::uint32_t pngMaxWidth = 0;         // px (default 8192)
  std::uint32_t pngMaxHeight = 0;        // px (default 8192)
  std::uint64_t pngMaxPixels = 0;        // width * height (default 2^24)
  std::uint32_t packMaxSheetFrames = 0;  // frames in one sheet (default 64)
  std::uint64_t packMaxFileBytes = 0;    // one manifest or sheet file (default 1 MiB)
  std::uint64_t packMaxTotalBytes = 0;   // all the files of a pack (default 64 MiB)

  pxb_limits c() const {
    pxb_limits l;
    detail::check(pxb_limits_init(&l));
    l.png_max_width = pngMaxWidth;  // 0 is the default in the C struct too
    l.png_max_height = pngMaxHeight;
    l.png_max_pixels = pngMaxPixels;
    l.pack_max_sheet_frames = packMaxSheetFrames;
    l.pack_max_file_bytes = packMaxFileBytes;
    l.pack_max_total_bytes = packMaxTotalBytes;
    return l;
  }
};

enum class OgLayout { grid = PXB_OG_GRID, single = PXB_OG_SINGLE, compare = PXB_OG_COMPARE };

// Mirrors pxb_og_options with owned strings; unset = the library's default.
struct OgOptions {
  OgLayout layout = OgLayout::grid;
  std::vector<std::string> ids{};  // grid: 0..18 (the rest by seed); single: 1; compare: 1..6
  std::optional<std::string> seed{};
  std::optional<std::string> title{};  // "" = no title
  std::optional<std::string> subtitle{};
  std::optional<std::string> bg{};  // "#rrggbb"; unset = black
};

// Mirrors pxb_contact_sheet_options.
struct ContactSheetOptions {
  int size = 128;                   // each bot, 32..512
  int columns = 0;                  // 1..64; 0 = up to 8
  bool labels = false;              // each ID under its bot
  std::optional<std::string> bg{};  // "#rrggbb"; unset = transparent
};

// Milliseconds one animation tick is shown at `speed` (0.25..4):
// max(20, round(72 / speed)), the same for every ID.
inline int tickDurationMs(double speed = 1) {
  std::int32_t ms = 0;
  detail::check(pxb_tick_duration_ms(speed, &ms));
  return ms;
}

// A pack file in memory (path inside the pack, e.g. "eyes/visor.png").
struct PackFile {
  std::string path;
  Span<const std::uint8_t> bytes;
};

// A sprite pack and its catalog. Immutable: share one across threads freely.
// Movable, not copyable (it owns the decoded pack).
class Context {
 public:
  // The art embedded in the library.
  Context() { detail::check(pxb_ctx_new(&raw_)); }
  static Context fromDirectory(const std::filesystem::path& dir, const Limits& limits = {}) {
    const pxb_limits l = limits.c();
    pxb_ctx* raw = nullptr;
    detail::check(pxb_ctx_new_from_dir_with_limits(dir.string().c_str(), &l, &raw));
    return Context(raw);
  }
  static Context fromFiles(Span<const PackFile> files, const Limits& limits = {}) {
    std::vector<pxb_pack_file> c;
    c.reserve(files.size());
    for (const PackFile& f : files) c.push_back({f.path.c_str(), f.bytes.data(), f.bytes.size()});
    const pxb_limits l = limits.c();
    pxb_ctx* raw = nullptr;
    detail::check(pxb_ctx_new_from_memory_with_limits(c.data(), c.size(), &l, &raw));
    return Context(raw);
  }

  Context(Context&& other) noexcept : raw_(std::exchange(other.raw_, nullptr)) {}
  Context& operator=(Context&& other) noexcept {
    if (this != &other) {
      pxb_ctx_free(raw_);
      raw_ = std::exchange(other.raw_, nullptr);
    }
    return *this;
  }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  ~Context() { pxb_ctx_free(raw_); }

  // The C handle, for mixing with C calls; still owned by this object.
  const pxb_ctx* get() const noexcept { return raw_; }

  bool isValid(std::string_view id) const { return pxb_check_id(raw_, detail::cString(id).c_str()) == PXB_OK; }
  // Throws Error(PXB_ERR_INVALID_ID) saying why an ID is not valid.
  void checkId(std::string_view id) const { detail::check(pxb_check_id(raw_, detail::cString(id).c_str())); }
  Combo decode(std::string_view id) const {
    pxb_combo c;
    detail::check(pxb_decode_id(raw_, detail::cString(id).c_str(), &c));
    return {c.part[PXB_CATEGORY_EYES], c.part[PXB_CATEGORY_HEADS], c.part[PXB_CATEGORY_BODY], c.part[PXB_CATEGORY_TOP]};
  }
  std::string encode(const Combo& combo) const {
    const pxb_combo c{{combo.eyes, combo.heads, combo.body, combo.top}};
    return idFrom([&](char* out) { return pxb_encode_id(raw_, &c, out); });
  }
  std::string seededId(std::string_view text) const {
    return idFrom([&](char* out) { return pxb_seeded_id(raw_, text.data(), text.size(), out); });
  }
  std::string randomId() const {
    return idFrom([&](char* out) { return pxb_random_id(raw_, out); });
  }
  std::uint32_t comboCount() const {
    std::uint32_t n = 0;
    detail::check(pxb_combo_count(raw_, &n));
    return n;
  }
  std::uint32_t comboIndex(std::string_view id) const {
    std::uint32_t n = 0;
    detail::check(pxb_combo_index(raw_, detail::cString(id).c_str(), &n));
    return n;
  }
  std::string idAt(std::uint32_t index) const {
    return idFrom([&](char* out) { return pxb_id_at(raw_, index, out); });
  }
  std::string nextId(std::string_view id) const {
    return idFrom([&](char* out) { return pxb_next_id(raw_, detail::cString(id).c_str(), out); });
  }
  std::string previousId(std::string_view id) const {
    return idFrom([&](char* out) { return pxb_previous_id(raw_, detail::cString(id).c_str(), out); });
  }
  int partCount(Category category) const {
    std::int32_t n = 0;
    detail::check(pxb_part_count(raw_, static_cast<std::int32_t>(category), &n));
    return n;
  }
  // Owned by the context.
  std::string_view partName(Category category, int part) const {
    const char* name = nullptr;
    detail::check(pxb_part_name(raw_, static_cast<std::int32_t>(category), part, &name));
    return name;
  }
  // 16, or 8 when no part of the combo animates.
  int tickCount(std::string_view id) const {
    std::int32_t n = 0;
    detail::check(pxb_tick_count(raw_, detail::cString(id).c_str(), &n));
    return n;
  }
  // Milliseconds of one whole loop at `speed`: tickCount(id) * tickDurationMs(speed).
  int loopDurationMs(std::string_view id, double speed = 1) const {
    std::int32_t ms = 0;
    detail::check(pxb_loop_duration_ms(raw_, detail::cString(id).c_str(), speed, &ms));
    return ms;
  }

  // The ID rendered as options.format: image bytes, SVG or JSON text, or raw RGBA.
  std::vector<std::uint8_t> render(std::string_view id, const Options& options = {}) const {
    const pxb_options c = options.c();
    const std::string cid = detail::cString(id);
    return detail::handedOver(
        [&](std::uint8_t** data, std::size_t* size) { return pxb_render(raw_, cid.c_str(), &c, data, size); });
  }
  // The same render handed to `write(Span<const std::uint8_t>)` piece by piece,
  // in order, on this thread (raw RGBA of every tick a tick at a time). An
  // exception thrown by `write` stops the render and comes out of renderTo.
  template <class Writer>
  void renderTo(std::string_view id, const Options& options, Writer&& write) const {
    struct Sink {
      Writer& write;
      std::exception_ptr error;
    } sink{write, nullptr};
    // The exception is carried across the C ABI, never thrown through it.
    const pxb_write_fn trampoline = [](void* user, const std::uint8_t* data, std::size_t size) -> int {
      auto* s = static_cast<Sink*>(user);
      try {
        s->write(Span<const std::uint8_t>(data, size));
        return 0;
      } catch (...) {
        s->error = std::current_exception();
        return 1;
      }
    };
    const pxb_options c = options.c();
    const pxb_status status = pxb_render_to(raw_, detail::cString(id).c_str(), &c, trampoline, &sink);
    if (sink.error) std::rethrow_exception(sink.error);
    detail::check(status);
  }
  // Text formats (svg, the JSON documents) as a string.
  std::string renderText(std::string_view id, const Options& options) const {
    const std::vector<std::uint8_t> bytes = render(id, options);
    return {bytes.begin(), bytes.end()};
  }
  // Into the caller's buffer; returns the bytes written. For Format::rgba this
  // allocates nothing. Throws Error(PXB_ERR_BUFFER_TOO_SMALL) naming the size needed.
  std::size_t renderInto(std::string_view id, const Options& options, Span<std::uint8_t> out) const {
    const pxb_options c = options.c();
    std::size_t written = 0;
    detail::check(pxb_render_into(raw_, detail::cString(id).c_str(), &c, out.data(), out.size(), &written));
    return written;
  }
  // The 1200 x 630 Open Graph card as a PNG.
  std::vector<std::uint8_t> renderOg(const OgOptions& options = {}) const {
    std::vector<const char*> ids;
    for (const std::string& id : options.ids) ids.push_back(id.c_str());
    pxb_og_options o;
    detail::check(pxb_og_options_init(&o));
    o.layout = static_cast<std::int32_t>(options.layout);
    o.ids = ids.data();
    o.id_count = ids.size();
    o.seed = options.seed ? options.seed->c_str() : nullptr;
    o.title = options.title ? options.title->c_str() : nullptr;
    o.subtitle = options.subtitle ? options.subtitle->c_str() : nullptr;
    o.bg = options.bg ? options.bg->c_str() : nullptr;
    return detail::handedOver(
        [&](std::uint8_t** data, std::size_t* size) { return pxb_render_og(raw_, &o, data, size); });
  }
  // A contact sheet of 1..1024 IDs as a PNG (16 px margins and gaps).
  std::vector<std::uint8_t> renderContactSheet(Span<const std::string> ids,
                                               const ContactSheetOptions& options = {}) const {
    std::vector<const char*> c;
    c.reserve(ids.size());
    for (const std::string& id : ids) c.push_back(id.c_str());
    pxb_contact_sheet_options o;
    detail::check(pxb_contact_sheet_options_init(&o));
    o.size = options.size;
    o.columns = options.columns;
    o.labels = options.labels ? 1 : 0;
    o.bg = options.bg ? options.bg->c_str() : nullptr;
    return detail::handedOver([&](std::uint8_t** data, std::size_t* size) {
      return pxb_render_contact_sheet(raw_, c.data(), c.size(), &o, data, size);
    });
  }
  // The catalog as JSON: {"name", "categories": {"eyes": [...], ...}, "combinations"}.
  std::string catalogJson() const {
    const std::vector<std::uint8_t> json =
        detail::handedOver([&](std::uint8_t** data, std::size_t* size) { return pxb_catalog_json(raw_, data, size); });
    return {json.begin(), json.end()};
  }
  // The bytes a render into a buffer needs (free for Format::rgba; encodes otherwise).
  std::size_t requiredSize(std::string_view id, const Options& options) const {
    const pxb_options c = options.c();
    std::size_t needed = 0;
    const pxb_status status = pxb_render_into(raw_, detail::cString(id).c_str(), &c, nullptr, 0, &needed);
    if (status != PXB_ERR_BUFFER_TOO_SMALL) detail::check(status);
    return needed;
  }

 private:
  explicit Context(pxb_ctx* raw) : raw_(raw) {}
  template <class Call>
  static std::string idFrom(Call call) {
    char out[PXB_ID_BUFFER_SIZE] = {};
    detail::check(call(out));
    return out;
  }
  pxb_ctx* raw_ = nullptr;
};

// A decoded image: 8-bit RGBA, rows width*4 bytes.
struct Rgba {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// Decodes any PNG (e.g. a render, to check it). Throws Error(PXB_ERR_CODEC) saying what is wrong,
// a size over `limits` included (limits.png*; the defaults: 8192 x 8192, 2^24 pixels).
inline Rgba decodePng(Span<const std::uint8_t> png, const Limits& limits = {}) {
  const pxb_limits l = limits.c();
  std::uint8_t* data = nullptr;
  std::int32_t width = 0;
  std::int32_t height = 0;
  detail::check(pxb_decode_png_with_limits(png.data(), png.size(), &l, &data, &width, &height));
  const std::unique_ptr<std::uint8_t, decltype(&pxb_free)> owned(data, &pxb_free);
  const auto n = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
  return {width, height, {data, data + n}};
}

// The library actually loaded (may differ from PIXABOTS_VERSION_STRING).
inline std::string_view version() { return pxb_version(); }

}  // namespace pixabots
