#pragma once
// The generation kinds drawn locally from a sprite pack, with no provider and
// no network: the part of remote::Generator every build has.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/pack.hpp"

namespace pixabots::generate {

inline constexpr std::string_view kLocalKinds = "pixabot, og";

// "pixabot" or "og".
bool isLocalKind(std::string_view kind);

struct LocalRequest {
  std::string kind = "pixabot";
  // pixabot: `id`, else the avatar of `seed`, else a random one, at `size`
  // as `format`. og: the 1200x630 PNG card of `id` alone, else the grid
  // picked by `seed` (default "pixabots"); size does not apply.
  std::string id;
  std::optional<std::string> seed;
  int size = 128;              // 32..1920
  std::string format = "png";  // png, gif, webp, svg
};

struct LocalImage {
  std::vector<std::uint8_t> bytes;
  std::string mimeType;  // e.g. image/png
  std::string id;        // pixabot: the ID drawn; og: empty
};

// The picture, encoded as pxb_render encodes it. Throws core::Error naming a
// bad ID, size or format, or an ID given with a seed.
LocalImage drawLocal(const core::Pack& pack, const LocalRequest& request);

}  // namespace pixabots::generate
