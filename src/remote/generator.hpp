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
  // Local kinds.
  std::string id;                   // a pixabot ID; empty: from `seed`, else random
  std::optional<std::string> seed;
  int size = 128;
  std::string format = "png";       // png, gif, webp, svg
  // Remote kinds.
  std::string prompt;
  std::string model;                // empty: the provider's default for the kind
  Json input = Json::object();      // extra model input, merged under prompt
  bool wait = true;                 // poll until done (else return the submitted job)
  WaitOptions waitOptions;
};

struct GenerateResult {
  bool local = true;
  std::vector<std::uint8_t> bytes;  // local: the encoded image
  std::string mimeType;             // local: e.g. image/png
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
