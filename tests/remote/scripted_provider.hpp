#pragma once
// An in-memory Provider for the lifecycle tests (validate, wait): it answers
// getJob from a script and records every call, with no HTTP in between, so
// the polling logic is tested on its own. An ApiClient whose transport
// refuses every request supplies the clock.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "remote/provider.hpp"

namespace pixabots::remote::test {

// A transport for tests that must not touch the network: any request is an
// error the test will see.
class NoTransport final : public Transport {
 public:
  HttpResponse send(const HttpRequest& request, const TransferLimits&, const BodySink&) override {
    throw Error(Errc::unsupported, "unexpected request: " + request.method + " " + request.url);
  }
};

class ScriptedProvider final : public Provider {
 public:
  struct Poll {
    std::string id;
    std::string refresh;
    const CancelToken* cancel;
  };

  // getJob answers these in order, the last one again once the script ends.
  std::vector<Job> script;
  // Runs at each getJob before it answers, e.g. to make a poll slow.
  std::function<void(int poll)> beforeReply;
  Json schema = Json::object();

  std::vector<Poll> polls;
  std::vector<std::string> schemaRequests;
  std::vector<std::pair<std::string, Json>> submitted;

  ProviderKind kind() const override { return ProviderKind::jobs; }
  std::vector<Model> listModels() override { return {}; }
  Json modelSchema(std::string_view model) override {
    schemaRequests.emplace_back(model);
    return schema;
  }
  Job submit(std::string_view model, const Json& input, const CancelToken*) override {
    submitted.emplace_back(std::string(model), input);
    return job("job_1", JobStatus::pending);
  }
  Job getJob(std::string_view id, const PollOptions& options, const CancelToken* cancel) override {
    polls.push_back({std::string(id), options.refresh, cancel});
    if (beforeReply) beforeReply(static_cast<int>(polls.size()));
    if (script.empty()) throw Error(Errc::not_found, "no job scripted");
    return script[std::min(polls.size(), script.size()) - 1];
  }

  static Job job(std::string id, JobStatus status) {
    Job j;
    j.id = std::move(id);
    j.status = status;
    return j;
  }
};

}  // namespace pixabots::remote::test
