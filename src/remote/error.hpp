#pragma once
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pixabots::remote {

// What went wrong talking to a generation provider. Coarse enough for a
// caller to act on (fix the key, buy credits, wait, retry later) and to map
// onto a pxb_status.
enum class Errc {
  unauthorized,          // 401: missing, invalid or revoked API key
  insufficient_credits,  // 402 (or an insufficient_credits code under any status)
  forbidden,             // 403: the plan does not include the model, not the owner
  validation,            // 400/422, or input that breaks the model's schema (details())
  not_found,             // 404: no such model, job, task or image
  expired,               // 410: the job's outputs are gone (they live 24 h)
  rate_limited,          // 429, still limited after the retries allowed
  server,                // 5xx, still failing after the retries allowed
  rejected,              // a 2xx envelope that reports an error (the tasks API's code != 0)
  timeout,               // no reply within the request timeout or the wait deadline
  unreachable,           // could not resolve or connect: nothing was sent
  network,               // the connection broke after the request went out
  malformed_reply,       // not JSON, truncated, or JSON of the wrong shape
  too_large,             // a reply or asset over its size cap
  bad_content_type,      // an asset whose Content-Type is not an image, video or audio
  job_failed,            // the job finished as failed; the provider's reason is in what()
  cancelled,             // the caller cancelled a wait
  unsupported,           // this provider has no such operation, or no provider at all
  config,                // a bad base URL, provider name, config file, ...
  io,                    // a result file that could not be written
};

// The stable lower-case name of a code, e.g. "insufficient_credits".
std::string_view errcName(Errc code);

// Every failure of the remote module. what() names the operation, the HTTP
// status and the provider's own message; it never contains the API key.
class Error : public std::runtime_error {
 public:
  Error(Errc code, const std::string& message, int httpStatus = 0,
        std::optional<std::chrono::milliseconds> retryAfter = std::nullopt, std::vector<std::string> details = {})
      : std::runtime_error(message),
        code_(code),
        httpStatus_(httpStatus),
        retryAfter_(retryAfter),
        details_(std::move(details)) {}

  Errc code() const noexcept { return code_; }
  // The HTTP status of the reply that failed; 0 when there was none.
  int httpStatus() const noexcept { return httpStatus_; }
  // The wait the server asked for (Retry-After, X-RateLimit-Reset), if any.
  std::optional<std::chrono::milliseconds> retryAfter() const noexcept { return retryAfter_; }
  // One line per problem, e.g. every schema violation of a validation error.
  const std::vector<std::string>& details() const noexcept { return details_; }

 private:
  Errc code_;
  int httpStatus_;
  std::optional<std::chrono::milliseconds> retryAfter_;
  std::vector<std::string> details_;
};

}  // namespace pixabots::remote
