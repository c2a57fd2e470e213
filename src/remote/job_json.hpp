#pragma once
// The one JSON form of jobs and models that the C ABI hands out and the CLI
// prints with --json, whatever provider shape they came from.
#include "remote/job.hpp"

namespace pixabots::remote {

// {"id", "status": "pending"|"processing"|"completed"|"failed", "outputs": [URL...],
//  "error": reason or null, "expiresAt": time or null, "raw": the provider's object}
Json jobToJson(const Job& job);

// {"id", "name", "raw"}
Json modelToJson(const Model& model);

}  // namespace pixabots::remote
