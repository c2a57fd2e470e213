#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "remote/clock.hpp"
#include "remote/error.hpp"
#include "remote/http.hpp"

namespace pixabots::remote {

struct RemoteConfig;
using Json = nlohmann::json;
using Query = std::map<std::string, std::string>;

// How hard the client tries before giving up. Waits grow as
// initialBackoff * multiplier^attempt, capped at maxBackoff, each scaled by a
// random factor in [1 - jitter, 1 + jitter]; a server's Retry-After or
// X-RateLimit-Reset replaces the computed wait (up to maxServerWait).
struct RetryPolicy {
  int maxRetries = 3;  // retries after the first attempt, per call
  std::chrono::milliseconds initialBackoff{500};
  std::chrono::milliseconds maxBackoff{30'000};
  double multiplier = 2.0;
  double jitter = 0.2;
  std::chrono::milliseconds maxServerWait{120'000};  // a longer hint fails with rate_limited
};

// The wait before retry number `attempt` (0 for the first retry), with
// jitter drawn from `rng`.
std::chrono::milliseconds backoffDelay(const RetryPolicy& policy, int attempt, std::mt19937_64& rng);

// The wait a reply asks for: Retry-After in seconds or as an HTTP date, else
// X-RateLimit-Reset as Unix seconds, measured against clock.unixSeconds().
std::optional<std::chrono::milliseconds> serverWait(const HttpResponse& reply, Clock& clock);

// The typed error for a non-2xx reply: the envelope's code decides where it
// is known ({"error":{"code":"insufficient_credits"}} under a 403 is still
// insufficient_credits), else the HTTP status. `operation` (e.g.
// "POST /models/flux/run") and the provider's message go into what().
Error errorFromReply(const HttpResponse& reply, std::string_view operation, Clock& clock);

// A parsed JSON reply with the response it came from (for headers).
struct Reply {
  Json body;
  HttpResponse response;
};

// Statistics a test (or a progress line) can read.
struct ClientStats {
  int requests = 0;                     // HTTP exchanges attempted
  int retries = 0;                      // of which were retries
  std::chrono::milliseconds waited{0};  // total backoff asked of the clock
};

// JSON over HTTP to one provider: the bearer key, limits, error mapping and
// the retry rules. Retries GETs on 5xx, 429, timeouts and broken connections
// within the policy's budget. Never retries a POST that may have created
// something (it spends credits): only when the reply proves nothing was
// created (429, or unreachable, where nothing was sent). Thread-safe.
class ApiClient {
 public:
  ApiClient(const RemoteConfig& config, Transport& transport, Clock& clock = systemClock(),
            std::uint64_t jitterSeed = std::random_device{}());

  // `path` is appended to the base URL ("/jobs/job_1"); the query is
  // URL-encoded. Throws Error for every failure.
  Reply get(std::string_view path, const Query& query = {}, const CancelToken* cancel = nullptr);
  Reply post(std::string_view path, const Json& body, const CancelToken* cancel = nullptr);

  // Streams an absolute URL (an output asset) to `sink`, within the asset
  // limits; retried like a GET, calling `restart` before each retry so the
  // caller can discard what a failed attempt delivered. The API key is sent
  // only when the URL has the base URL's origin (scheme, host and port).
  // Returns the response (status 2xx, body empty).
  HttpResponse download(std::string_view url, const BodySink& sink, const std::function<void()>& restart,
                        const CancelToken* cancel = nullptr);

  const RemoteConfig& config() const;
  Clock& clock() const;
  ClientStats stats() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace pixabots::remote
