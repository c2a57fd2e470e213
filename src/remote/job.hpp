#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/client.hpp"

namespace pixabots::remote {

enum class JobStatus { pending, processing, completed, failed };
std::string_view jobStatusName(JobStatus status);  // "pending", ...
inline bool isTerminal(JobStatus s) { return s == JobStatus::completed || s == JobStatus::failed; }

// A generation as every provider shape is normalised to: the jobs API's job,
// the images API's finished image, the tasks API's task.
struct Job {
  std::string id;
  JobStatus status = JobStatus::pending;
  std::vector<std::string> outputs;  // result URLs (images, then videos), once completed
  std::string error;                 // the provider's reason when failed
  std::optional<std::string> expiresAt;
  std::optional<std::chrono::milliseconds> pollHint;  // Retry-After on the reply, if any
  Json raw;                                           // the provider's object, as received
};

struct Model {
  std::string id;    // what run/generate takes (apiId or id)
  std::string name;  // display name; the id when there is none
  Json raw;
};

// One page of a cursor-paginated list (the images API's /images).
struct Page {
  std::vector<Json> items;
  std::optional<std::string> nextCursor;
};

// The list in a reply, in any of the shapes the seeds leave open: a bare
// array, or an array under "models", "jobs", "data", "items" (also nested one
// level, as in {"data":{"items":[...]}}). Throws Error(malformed_reply)
// naming `what` when there is none.
const Json& listIn(const Json& reply, std::string_view what);

// The id of an entry keyed "apiId", "id", "jobId" or "taskId" (the first
// present, as a string); Error(malformed_reply) when none is.
std::string entryId(const Json& entry, std::string_view what);

}  // namespace pixabots::remote
