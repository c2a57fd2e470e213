#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/catalog.hpp"

namespace pixabots::core {

inline constexpr int kNativeSize = 32;  // sprites and the composited canvas are 32x32
inline constexpr std::size_t kFrameBytes = kNativeSize * kNativeSize * 4;

// Guards against decompression bombs and absurd packs; every check happens
// before the bytes it protects are allocated.
struct PackLimits {
  std::size_t maxFileBytes = 1u << 20;    // per PNG or manifest file
  std::size_t maxTotalBytes = 64u << 20;  // all the files read, together
  int maxFramesPerSheet = 64;             // a sheet is at most 64*32 px wide
};

// How far a caller may raise each limit (pxb_limits): past these a pack is
// not art any more (a legitimate 64-frame sheet is ~260 KiB even stored
// uncompressed, a whole pack under 40 MiB), and 64 frames is the manifest
// format's own maximum.
inline constexpr PackLimits kPackLimitsCeiling{64u << 20, std::size_t{1} << 30, 64};

// One file of a pack held in memory, named by its path inside the pack
// ("manifest.json", "eyes/visor.png").
struct PackFile {
  std::string_view path;
  std::span<const std::uint8_t> bytes;
};

// A part's frames, decoded once: frame f is 32x32 RGBA at frame(f), rows 128
// bytes, frames one after the other (frames * kFrameBytes bytes).
class SpriteSheet {
 public:
  // Owns its pixels: a sheet decoded from a pack's PNG.
  SpriteSheet(int frames, std::vector<std::uint8_t> pixels) : frames_(frames), owned_(std::move(pixels)) {}
  // Borrows pixels that outlive it: the art compiled into the library, used
  // where it lies rather than copied.
  SpriteSheet(int frames, std::span<const std::uint8_t> pixels) : frames_(frames), borrowed_(pixels) {}
  int frames() const { return frames_; }
  const std::uint8_t* frame(int f) const { return pixels().data() + static_cast<std::size_t>(f) * kFrameBytes; }
  // Equal frames, wherever their pixels are held.
  bool operator==(const SpriteSheet& other) const {
    // Not std::ranges::equal: the web build's libc++ (LLVM 14) lacks it.
    const auto mine = pixels(), theirs = other.pixels();
    return frames_ == other.frames_ && std::equal(mine.begin(), mine.end(), theirs.begin(), theirs.end());
  }

 private:
  std::span<const std::uint8_t> pixels() const { return owned_.empty() ? borrowed_ : std::span(owned_); }
  int frames_;
  std::vector<std::uint8_t> owned_;
  std::span<const std::uint8_t> borrowed_;
};

// One thing wrong with a pack, as checkPackDirectory reports it.
struct PackProblem {
  std::string file;     // path inside the pack: "manifest.json", "eyes/visor.png"
  std::string problem;  // what is wrong, e.g. "wrong size 200x32, expected 256x32"
  bool operator==(const PackProblem&) const = default;
};

// Every problem Pack::fromDirectory would stop at, not just the first: the
// same rules and messages (fromDirectory's error is "<dir>/<file>: <problem>"
// of the first one). Empty for a valid pack. A broken manifest entry still has
// its sheet checked when its name and frame count are readable. Throws
// Error(io) as fromDirectory does when `dir` is missing or not a directory.
std::vector<PackProblem> checkPackDirectory(const std::filesystem::path& dir, const PackLimits& limits = {});

// A catalog plus the decoded sprite of every part. Immutable once built, so one
// pack serves any number of concurrent renders.
class Pack {
 public:
  // A directory in the service's layout: {category}/{name}.png sheets (frames*32
  // x 32) and an optional manifest.json defining the catalog (docs/packs.md);
  // without one the service's catalog is assumed. Only the manifest and the
  // sheets the catalog names are read; other files are ignored. Throws
  // Error(invalid_pack) naming the file and the problem (missing, not a PNG,
  // corrupt, wrong size, too big, ...), or Error(io) when the directory is
  // missing, not a directory or unreadable.
  static Pack fromDirectory(const std::filesystem::path& dir, const PackLimits& limits = {});
  // The same from files already in memory; `origin` prefixes file names in errors.
  static Pack fromFiles(std::span<const PackFile> files, const PackLimits& limits = {}, std::string_view origin = "");
  // The project's own art, compiled into the library already decoded (sprites
  // as RGBA, the catalog as data): built on first use without decoding or
  // copying pixels.
  static const Pack& embedded();

  const Catalog& catalog() const { return catalog_; }
  const SpriteSheet& sheet(Category c, int part) const;
  const std::string& name() const { return name_; }
  bool operator==(const Pack&) const = default;

 private:
  Pack(std::string name, Catalog catalog, std::array<std::vector<SpriteSheet>, 4> sheets)
      : name_(std::move(name)), catalog_(std::move(catalog)), sheets_(std::move(sheets)) {}
  std::string name_;
  Catalog catalog_;
  std::array<std::vector<SpriteSheet>, 4> sheets_;
};

}  // namespace pixabots::core
