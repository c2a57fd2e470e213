// remote_models, remote_schema, remote_run, remote_job, remote_replay_webhook:
// the configured generation provider through the remote module's client,
// with its error model. Only the remote helper has them (mcp/remote_tools.hpp),
// and the server offers them only when a provider is configured.
#include <chrono>
#include <string>

#include "mcp/tool_support.hpp"
#include "mcp/remote_tools.hpp"
#include "remote/config.hpp"
#include "remote/job_json.hpp"
#include "remote/lifecycle.hpp"

namespace pixabots::mcp {
namespace {

constexpr int kMaxDeadlineSeconds = 600;

// Runs a provider call; its document becomes the result, a remote::Error an
// isError result with the error's code, message and details. Both pass
// through redact(): a provider may echo anything, and the key must never
// reach the client.
template <class Call>
Json providerCall(const RemoteAccess& remote, const std::string& tool, Call call) {
  try {
    const Json document = call();
    return jsonResult(Json::parse(remote::redact(rpc::serialize(document), remote.apiKey)));
  } catch (const remote::Error& e) {
    std::string message = tool + " failed (" + std::string(remote::errcName(e.code())) + "): " + e.what();
    for (const std::string& detail : e.details()) message += "\n" + detail;
    return errorResult(remote::redact(message, remote.apiKey));
  }
}

Json modelProperty() {
  return {{"type", "string"}, {"minLength", 1}, {"description", "a model id, as remote_models lists them"}};
}

Json jobIdProperty() {
  return {{"type", "string"}, {"minLength", 1}, {"description", "a job id, as remote_run returned it"}};
}

Json run(const RemoteAccess& remote, const Json& arguments) {
  const std::string model = arguments.at("model").get<std::string>();
  const Json input = arguments.value("input", Json::object());
  remote::Job job = arguments.value("validate", true) ? remote::submitValidated(remote.provider, model, input)
                                                      : remote.provider.submit(model, input);
  if (arguments.value("wait", false) && !remote::isTerminal(job.status)) {
    remote::WaitOptions options;
    options.deadline = std::chrono::seconds(arguments.value("deadline_seconds", kMaxDeadlineSeconds));
    job = remote::waitForJob(remote.provider, remote.client, job.id, options);
  }
  return remote::jobToJson(job);
}

}  // namespace

void addRemoteTools(ToolRegistry& registry, const RemoteAccess& remote) {
  registry.add({"remote_models", "The models the configured generation provider offers: [{id, name, raw}].",
                objectSchema(Json::object()), [remote](const Json&) {
                  return providerCall(remote, "remote_models", [&] {
                    Json models = Json::array();
                    for (const remote::Model& model : remote.provider.listModels()) {
                      models.push_back(remote::modelToJson(model));
                    }
                    return Json{{"models", std::move(models)}};
                  });
                }});
  registry.add({"remote_schema", "A model's input JSON Schema: what remote_run's input must satisfy.",
                objectSchema({{"model", modelProperty()}}, {"model"}), [remote](const Json& arguments) {
                  return providerCall(remote, "remote_schema", [&] {
                    const std::string model = arguments.at("model").get<std::string>();
                    return Json{{"model", model}, {"schema", remote.provider.modelSchema(model)}};
                  });
                }});
  registry.add({"remote_run",
                "Starts a generation on the configured provider (this may spend credits). The input is checked "
                "against the model's schema first unless validate is false. Returns the job {id, status, outputs "
                "(URLs once completed), error, expiresAt, raw}; with wait, only once it completed or failed.",
                objectSchema({{"model", modelProperty()},
                              {"input",
                               {{"type", "object"},
                                {"description", "the model's input, e.g. {\"prompt\": \"...\"} (default {})"}}},
                              {"validate",
                               {{"type", "boolean"},
                                {"description",
                                 "check input against the model's schema first (default "
                                 "true)"}}},
                              {"wait",
                               {{"type", "boolean"},
                                {"description",
                                 "wait until the job completes or fails (default false: "
                                 "return it as submitted)"}}},
                              {"deadline_seconds",
                               {{"type", "integer"},
                                {"minimum", 1},
                                {"maximum", kMaxDeadlineSeconds},
                                {"description",
                                 "with wait: give up after this many seconds, "
                                 "1..600 (default 600)"}}}},
                             {"model"}),
                [remote](const Json& arguments) {
                  return providerCall(remote, "remote_run", [&] { return run(remote, arguments); });
                }});
  registry.add({"remote_job", "A job's current state: {id, status, outputs, error, expiresAt, raw}.",
                objectSchema({{"job_id", jobIdProperty()}}, {"job_id"}), [remote](const Json& arguments) {
                  return providerCall(remote, "remote_job", [&] {
                    return remote::jobToJson(remote.provider.getJob(arguments.at("job_id").get<std::string>()));
                  });
                }});
  registry.add({"remote_replay_webhook",
                "Asks the provider to deliver a job's webhook again (the jobs API only); returns its delivery reply.",
                objectSchema({{"job_id", jobIdProperty()}}, {"job_id"}), [remote](const Json& arguments) {
                  return providerCall(remote, "remote_replay_webhook", [&] {
                    return remote.provider.replayWebhook(arguments.at("job_id").get<std::string>());
                  });
                }});
}

}  // namespace pixabots::mcp
