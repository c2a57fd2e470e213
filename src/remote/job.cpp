#include "remote/job.hpp"

#include <array>

namespace pixabots::remote {

namespace {

// Where the seeds' replies keep a list, in the order they are looked for.
constexpr std::array<std::string_view, 4> kListKeys{"models", "jobs", "data", "items"};

const Json* listUnder(const Json& object) {
  for (std::string_view key : kListKeys) {
    if (const auto it = object.find(key); it != object.end() && it->is_array()) return &*it;
  }
  return nullptr;
}

}  // namespace

std::string_view jobStatusName(JobStatus status) {
  switch (status) {
    case JobStatus::pending: return "pending";
    case JobStatus::processing: return "processing";
    case JobStatus::completed: return "completed";
    case JobStatus::failed: return "failed";
  }
  return "unknown";
}

const Json& listIn(const Json& reply, std::string_view what) {
  if (reply.is_array()) return reply;
  if (reply.is_object()) {
    if (const Json* list = listUnder(reply)) return *list;
    for (std::string_view key : kListKeys) {
      if (const auto it = reply.find(key); it != reply.end() && it->is_object()) {
        if (const Json* list = listUnder(*it)) return *list;
      }
    }
  }
  throw Error(Errc::malformed_reply,
              "the reply holds no list of " + std::string(what) + " (expected an array, or one under \"models\", " +
                  "\"jobs\", \"data\" or \"items\"; got " + std::string(reply.type_name()) + ")");
}

std::string entryId(const Json& entry, std::string_view what) {
  if (entry.is_object()) {
    for (std::string_view key : {"apiId", "id", "jobId", "taskId"}) {
      const auto it = entry.find(key);
      if (it == entry.end()) continue;
      if (it->is_string() && !it->get_ref<const std::string&>().empty()) return it->get<std::string>();
      if (it->is_number_integer()) return it->dump();
    }
  }
  throw Error(Errc::malformed_reply, "a " + std::string(what) +
                                         " entry has no id (expected a non-empty \"apiId\", \"id\", \"jobId\" or "
                                         "\"taskId\"; got " +
                                         std::string(entry.type_name()) + ")");
}

}  // namespace pixabots::remote
