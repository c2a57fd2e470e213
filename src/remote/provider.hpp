#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/client.hpp"
#include "remote/config.hpp"
#include "remote/job.hpp"

namespace pixabots::remote {

// The tasks API's poll option: "1" asks the upstream provider for a live
// refresh, "assets" persists finished assets to the provider's storage.
struct PollOptions {
  std::string refresh;  // "", "1" or "assets"
};

struct ImageQuery {  // the images API's /images filters
  std::string q, category, tag, filter, sort, cursor;
  std::optional<int> limit;  // 1..50
};

// One generation API. Operations a shape does not have throw
// Error(unsupported) naming the operation and the shapes that have it.
class Provider {
 public:
  virtual ~Provider() = default;
  virtual ProviderKind kind() const = 0;

  virtual std::vector<Model> listModels() = 0;
  // The JSON Schema of the model's input: fetched (jobs), or built from the
  // documented request and the model's listed capabilities (images, tasks).
  virtual Json modelSchema(std::string_view model) = 0;
  // Starts a generation. The images API answers when the image is ready, so
  // its Job comes back completed.
  virtual Job submit(std::string_view model, const Json& input, const CancelToken* cancel = nullptr) = 0;
  virtual Job getJob(std::string_view id, const PollOptions& options = {}, const CancelToken* cancel = nullptr) = 0;

  virtual std::vector<Job> listJobs(std::optional<int> limit);  // jobs
  virtual Json webhook(std::string_view jobId);                 // jobs: delivery state
  virtual Json replayWebhook(std::string_view jobId);           // jobs
  virtual Json account();                                       // images: /me
  virtual Page listImages(const ImageQuery& query);             // images
  virtual Json getImage(std::string_view idOrSlug);             // images
};

// The provider for `client.config().provider`; `client` must outlive it.
std::unique_ptr<Provider> makeProvider(ApiClient& client);

}  // namespace pixabots::remote
