#include "remote/job_json.hpp"

namespace pixabots::remote {

Json jobToJson(const Job& job) {
  return Json{{"id", job.id},
              {"status", jobStatusName(job.status)},
              {"outputs", job.outputs},
              {"error", job.error.empty() ? Json(nullptr) : Json(job.error)},
              {"expiresAt", job.expiresAt ? Json(*job.expiresAt) : Json(nullptr)},
              {"raw", job.raw}};
}

Json modelToJson(const Model& model) { return Json{{"id", model.id}, {"name", model.name}, {"raw", model.raw}}; }

}  // namespace pixabots::remote
