#pragma once
// What the three provider implementations share to call their API and read
// its replies: operation names for messages, id checks, tolerant status
// words, result URLs and failure reasons. Internal to the remote module.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "remote/job.hpp"
#include "remote/provider.hpp"

namespace pixabots::remote::detail {

// The three shapes (jobs_provider.cpp, images_provider.cpp, tasks_provider.cpp).
std::unique_ptr<Provider> makeJobsProvider(ApiClient& client);
std::unique_ptr<Provider> makeImagesProvider(ApiClient& client);
std::unique_ptr<Provider> makeTasksProvider(ApiClient& client);

// "jobs API: GET /jobs/job_1", the form the client's messages use.
std::string operationName(ProviderKind kind, std::string_view method, std::string_view path);

// Error(malformed_reply): "<operation>: <problem>", with the key redacted
// from whatever of the reply the problem quotes.
Error malformed(const ApiClient& client, const std::string& operation, std::string_view problem, int httpStatus);

// listIn and entryId with the operation (and the reply's status) in the error.
const Json& listOf(const Json& reply, std::string_view what, const std::string& operation, int httpStatus);
std::string idOf(const Json& entry, std::string_view what, const std::string& operation, int httpStatus);

// `text` with the key redacted, on one line, cut to `limit` bytes at a
// character boundary: a provider's words quoted in a message.
std::string quoted(const ApiClient& client, std::string_view text, std::size_t limit);
// A short quoted excerpt of a reply value, as JSON.
std::string excerpt(const ApiClient& client, const Json& value);

// An id that goes into a path as one segment: not empty, no '/', not "." or
// ".." (the client keeps '/' and the transport folds dot segments).
// Error(validation) naming `what` otherwise.
void requireId(std::string_view id, std::string_view what);

// The input of a run: a JSON object, else Error(validation).
void requireObjectInput(const Json& input, std::string_view operation);

// The status word of any shape, case-insensitive and tolerant:
// pending|queued|starting|created, processing|running|in_progress|started,
// completed|succeeded|success, failed|error|canceled|cancelled.
std::optional<JobStatus> parseStatus(std::string_view word);
// object[key] as a JobStatus; Error(malformed_reply) naming the value when
// it is missing, not a string or unknown.
JobStatus statusIn(const ApiClient& client, const Json& object, std::string_view key, const std::string& operation,
                   int httpStatus);

// object[key] when it is a string.
std::optional<std::string> stringIn(const Json& object, std::string_view key);

bool isHttpUrl(std::string_view text);

// Appends the http(s) URLs under `node` that are not in `urls` yet: a string,
// the elements of an array, and in an object the members a media result
// keeps its URLs under (url, urls, images, videos, audios, imageUrl, ...), in
// that order, to a small depth. Anything else is ignored.
void collectUrls(const Json& node, std::vector<std::string>& urls);

// A failure reason: a string, or an object's "message" (or "error").
std::optional<std::string> reasonIn(const Json& value);

// Fails with Error(unsupported) when a poll option is given to a shape that
// has none (only the tasks API has `refresh`).
void requireNoPollOptions(ProviderKind kind, const PollOptions& options);

}  // namespace pixabots::remote::detail
