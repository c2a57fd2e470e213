// Any bytes as a provider's reply, under any status, to every operation of
// each API shape (jobs, images, tasks): a provider answers or throws
// remote::Error, nothing else escapes, a job it reads has an id and only
// http(s) outputs, and no message holds the API key.
//
// Input: shape, operation, status, header flags, a Retry-After value, then
// the reply body. With flag 4, "KEY" in the body becomes the API key, so the
// redaction is exercised.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_input.hpp"
#include "remote/fake_clock.hpp"
#include "remote/provider.hpp"

namespace {

using namespace pixabots::remote;

constexpr std::string_view kKey = "pxb_fuzz_key_7d1e03";

void check(bool ok) {
  if (!ok) std::abort();
}

// Answers every request with the same reply, as the curl transport would.
class CannedTransport final : public Transport {
 public:
  explicit CannedTransport(HttpResponse reply) : reply_(std::move(reply)) {}
  HttpResponse send(const HttpRequest&, const TransferLimits& limits, const BodySink&) override {
    if (reply_.body.size() > limits.maxBodyBytes) throw Error(Errc::too_large, "reply too large");
    return reply_;
  }

 private:
  HttpResponse reply_;
};

// Any case of the scheme, as URLs allow.
bool isHttpUrl(std::string url) {
  for (char& c : url) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return url.starts_with("http://") || url.starts_with("https://");
}

void checkJob(const Job& job) {
  check(!job.id.empty());
  for (const std::string& url : job.outputs) check(isHttpUrl(url));
  check(job.error.find(kKey) == std::string::npos);
}

void run(Provider& provider, int operation) {
  const Json input = {{"prompt", "a robot"}, {"scene", "text-to-image"}};
  switch (operation) {
    case 0:
      for (const Model& m : provider.listModels()) check(!m.id.empty());
      break;
    case 1: provider.modelSchema("fake-model"); break;
    case 2: provider.modelSchema(""); break;
    case 3: checkJob(provider.submit("fake-model", input)); break;
    case 4: checkJob(provider.submit("", input)); break;
    case 5: checkJob(provider.getJob("job_1")); break;
    case 6: checkJob(provider.getJob("job_1", PollOptions{"assets"})); break;
    case 7:
      for (const Job& job : provider.listJobs(5)) checkJob(job);
      break;
    case 8: provider.webhook("job_1"); break;
    case 9: provider.replayWebhook("job_1"); break;
    case 10: provider.account(); break;
    case 11: {
      ImageQuery query;
      query.limit = 10;
      query.cursor = "c1";
      provider.listImages(query);
      break;
    }
    default: provider.getImage("stock-image-1"); break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static constexpr ProviderKind kKinds[] = {ProviderKind::jobs, ProviderKind::images, ProviderKind::tasks};
  static constexpr int kStatuses[] = {200, 201, 204, 302, 400, 401, 402, 403, 404, 410, 422, 429, 500, 503};
  FuzzInput in{data, size};
  const ProviderKind kind = kKinds[in.take<std::uint8_t>() % 3];
  const int operation = in.take<std::uint8_t>() % 13;
  HttpResponse reply;
  reply.status = kStatuses[in.take<std::uint8_t>() % std::size(kStatuses)];
  const std::uint8_t flags = in.take<std::uint8_t>();
  const std::string wait = in.text(12);
  if (flags & 1) reply.headers["Retry-After"] = wait;
  if (flags & 2) reply.headers["X-RateLimit-Reset"] = wait;
  reply.body.assign(reinterpret_cast<const char*>(in.data), in.size);
  if (flags & 4) {
    for (auto at = reply.body.find("KEY"); at != std::string::npos; at = reply.body.find("KEY", at + kKey.size())) {
      reply.body.replace(at, 3, kKey);
    }
  }

  RemoteConfig config;
  config.provider = kind;
  config.baseUrl = "https://provider.test/api/v1";
  config.apiKey = kKey;
  config.taskUpstream = "evolink";
  config.retry.maxRetries = 1;
  CannedTransport transport(reply);
  pixabots::remote::test::FakeClock clock;
  ApiClient client(config, transport, clock, 1);
  const auto provider = makeProvider(client);
  try {
    run(*provider, operation);
  } catch (const Error& e) {
    check(std::string_view(e.what()).find(kKey) == std::string_view::npos);
  }
  return 0;
}
