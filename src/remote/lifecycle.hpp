#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "remote/provider.hpp"

namespace pixabots::remote {

// Every way `input` breaks the model's JSON Schema (required properties,
// types, enums, minimum/maximum, string lengths, ...), each naming the JSON
// path; empty when it conforms.
std::vector<std::string> validateInput(const Json& schema, const Json& input);

// Fetches the schema, validates, and submits only valid input; throws
// Error(validation) listing every violation in details().
Job submitValidated(Provider& provider, std::string_view model, const Json& input, const CancelToken* cancel = nullptr);

struct WaitOptions {
  std::chrono::milliseconds deadline{600'000};  // overall, from the call
  std::chrono::milliseconds initialInterval{1'000};
  std::chrono::milliseconds maxInterval{15'000};
  double multiplier = 1.5;
  double jitter = 0.25;
  PollOptions poll;
  const CancelToken* cancel = nullptr;
  // Called after every poll, e.g. for a progress line.
  std::function<void(const Job&, int pollCount, std::chrono::milliseconds elapsed)> onPoll;
  std::uint64_t jitterSeed = 0;  // 0: random
};

// Polls until the job is completed or failed: exponential backoff with
// jitter between polls, a server's poll hint (Retry-After) taking precedence,
// never sleeping past the deadline (the last poll falls on it). Options out
// of range throw Error(config). Returns the completed job; throws
// Error(job_failed) with the provider's reason, Error(timeout) at the
// deadline, Error(cancelled).
Job waitForJob(Provider& provider, ApiClient& client, std::string_view jobId, const WaitOptions& options);

struct DownloadOptions {
  // Content types accepted, by prefix ("image/" accepts image/png).
  std::vector<std::string> acceptedTypes{"image/", "video/", "audio/"};
  const CancelToken* cancel = nullptr;
};

// Downloads every output of a completed job into `dir` (created if missing)
// as <job id>-<n>.<ext>, n from 1, the extension from the Content-Type. Each
// file is written under a temporary name and renamed into place only when
// complete, so a failure (too large, wrong type, broken connection) leaves no
// partial file; outputs finished before the failure stay, whole. A file (or
// link) of the same name is replaced atomically (the name is the job's own);
// a directory, device, FIFO or socket there is refused as Errc::io. The size
// cap is the client's asset limit. Throws Error(validation) for a job that is
// not completed. Returns the paths.
std::vector<std::filesystem::path> downloadOutputs(ApiClient& client, const Job& job, const std::filesystem::path& dir,
                                                   const DownloadOptions& options = {});

}  // namespace pixabots::remote
