#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pixabots/core/pack.hpp"
#include "remote/lifecycle.hpp"

namespace pixabots::remote {

// What to generate. `kind` "pixabot" and "og" are drawn locally from the pack;
// every other kind (text-to-image, image-to-image, text-to-video,
// image-to-video, or any scene a provider offers) needs a remote provider.
struct GenerateRequest {
  std::string kind = "pixabot";
  // Local kinds, drawn by generate::drawLocal (generate/local_kinds.hpp):
  // pixabot: `id`, else the avatar of `seed`, else a random one, at `size` as
  // `format`. og: the 1200x630 PNG card of `id` alone, else the grid picked by
  // `seed` (size does not apply). Neither takes the remote fields.
  std::string id;  // a pixabot ID; empty: from `seed`, else random
  std::optional<std::string> seed;
  int size = 128;              // 32..1920
  std::string format = "png";  // png, gif, webp, svg
  // Remote kinds.
  std::string prompt;
  std::string model;            // required by jobs and tasks; empty: the images API's default model
  Json input = Json::object();  // extra model input; "prompt" is set from `prompt` when that is non-empty
  bool wait = true;             // poll until done (else return the submitted job)
  WaitOptions waitOptions;
};

struct GenerateResult {
  bool local = true;
  std::vector<std::uint8_t> bytes;  // local: the encoded image
  std::string mimeType;             // local: e.g. image/png
  std::string id;                   // local pixabot: the ID drawn (from the seed, or at random)
  std::optional<Job> job;           // remote: the job as last seen
};

// Dispatches by kind. Without a provider (the default) remote kinds fail with
// Error(unsupported): "unsupported offline: kind text-to-image needs a remote
// provider; configure ...": falling back to the network is opt-in, never
// silent.
class Generator {
 public:
  // `remote` may be null (offline). Both must outlive the generator.
  Generator(const core::Pack& pack, Provider* remote, ApiClient* client);

  static bool isLocalKind(std::string_view kind);
  GenerateResult generate(const GenerateRequest& request);

 private:
  const core::Pack& pack_;
  Provider* remote_;
  ApiClient* client_;
};

}  // namespace pixabots::remote
