// pxb_remote_*: libpixabots_remote's C ABI over the remote module. Every call
// goes through remoteCall(), which turns remote::Error into its
// pxb_remote_status with the message (API key redacted) as this thread's
// pxb_remote_last_error().
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "capi/buffer.hpp"
#include "capi/remote_guard.hpp"
#include "pixabots/core/json_input.hpp"
#include "remote/config.hpp"
#include "remote/job_json.hpp"
#include "remote/lifecycle.hpp"

namespace remote = pixabots::remote;

struct pxb_remote {
  remote::RemoteConfig config;
  std::unique_ptr<remote::Transport> transport;
  std::unique_ptr<remote::ApiClient> client;   // uses transport
  std::unique_ptr<remote::Provider> provider;  // uses client
  std::chrono::milliseconds pollInterval{0};   // 0: WaitOptions' default

  // Calls take the token current when they start; pxb_remote_cancel fires it
  // and puts a fresh one in its place, so later calls run normally.
  std::mutex cancelMutex;
  std::shared_ptr<remote::CancelToken> cancel = std::make_shared<remote::CancelToken>();

  std::shared_ptr<const remote::CancelToken> currentCancel() {
    std::lock_guard lock(cancelMutex);
    return cancel;
  }
};

namespace pixabots::remote_capi {
namespace {

pxb_remote_status statusOf(remote::Errc code) {
  using remote::Errc;
  switch (code) {
    case Errc::unauthorized: return PXB_REMOTE_ERR_UNAUTHORIZED;
    case Errc::insufficient_credits: return PXB_REMOTE_ERR_INSUFFICIENT_CREDITS;
    case Errc::forbidden: return PXB_REMOTE_ERR_FORBIDDEN;
    case Errc::validation: return PXB_REMOTE_ERR_VALIDATION;
    case Errc::not_found: return PXB_REMOTE_ERR_NOT_FOUND;
    case Errc::expired: return PXB_REMOTE_ERR_EXPIRED;
    case Errc::rate_limited: return PXB_REMOTE_ERR_RATE_LIMITED;
    case Errc::server:
    case Errc::rejected: return PXB_REMOTE_ERR_REMOTE;
    case Errc::timeout: return PXB_REMOTE_ERR_TIMEOUT;
    case Errc::unreachable:
    case Errc::network: return PXB_REMOTE_ERR_NETWORK;
    case Errc::malformed_reply:
    case Errc::bad_content_type: return PXB_REMOTE_ERR_MALFORMED_REPLY;
    case Errc::too_large: return PXB_REMOTE_ERR_TOO_LARGE;
    case Errc::job_failed: return PXB_REMOTE_ERR_JOB_FAILED;
    case Errc::cancelled: return PXB_REMOTE_ERR_CANCELLED;
    case Errc::unsupported: return PXB_REMOTE_ERR_UNSUPPORTED;
    case Errc::config: return PXB_REMOTE_ERR_INVALID_OPTION;
    case Errc::io: return PXB_REMOTE_ERR_IO;
  }
  return PXB_REMOTE_ERR_INTERNAL;
}

// what(), then every detail (schema violation) on its own line, unless
// what() already lists it.
std::string describe(const remote::Error& e, std::string_view apiKey) {
  std::string message = e.what();
  for (const std::string& detail : e.details()) {
    if (message.find(detail) == std::string::npos) message += "\n" + detail;
  }
  return remote::redact(message, apiKey);
}

template <class Body>
pxb_remote_status remoteCall(std::string_view apiKey, Body&& body) noexcept {
  return guarded([&]() -> pxb_remote_status {
    try {
      return body();
    } catch (const remote::Error& e) {
      return fail(statusOf(e.code()), describe(e, apiKey));
    }
  });
}

// What to redact from messages; none before a handle exists.
std::string_view keyOf(const pxb_remote* handle) {
  return handle != nullptr ? std::string_view(handle->config.apiKey) : std::string_view();
}

pxb_remote_status handOver(const remote::Json& value, uint8_t** out, size_t* out_size) {
  // Provider text is echoed as received: invalid UTF-8 must not abort the call.
  capi::handOver(value.dump(-1, ' ', false, remote::Json::error_handler_t::replace), out, out_size);
  return PXB_REMOTE_OK;
}

[[noreturn]] void badOption(const std::string& message) { throw remote::Error(remote::Errc::config, message); }

constexpr int kMaxRetries = 100;

// The settings pxb_remote_options gives, as loadConfig's overrides; the rest
// come from the environment and the config file.
std::map<std::string, std::string> overridesOf(const pxb_remote_options& o) {
  std::map<std::string, std::string> overrides;
  if (o.provider < PXB_PROVIDER_FROM_CONFIG || o.provider > PXB_PROVIDER_TASKS) {
    throw InvalidArgument{"provider " + std::to_string(o.provider) +
                          " is not a pxb_provider (-1 from the configuration, 0 jobs, 1 images, 2 tasks)"};
  }
  if (o.provider != PXB_PROVIDER_FROM_CONFIG) {
    overrides["provider"] = remote::providerName(static_cast<remote::ProviderKind>(o.provider));
  }
  if (o.timeout_ms < 0) {
    badOption("timeout_ms " + std::to_string(o.timeout_ms) + " is out of range: must be 0 (default) or positive");
  }
  if (o.timeout_ms > 0) overrides["timeout_ms"] = std::to_string(o.timeout_ms);
  if (o.base_url != nullptr) overrides["base_url"] = o.base_url;
  if (o.api_key != nullptr) overrides["api_key"] = o.api_key;
  if (o.task_provider != nullptr) overrides["task_provider"] = o.task_provider;
  return overrides;
}

void applyLimits(const pxb_remote_options& o, remote::RemoteConfig& config) {
  if (o.max_retries < -1 || o.max_retries > kMaxRetries) {
    badOption("max_retries " + std::to_string(o.max_retries) + " is out of range: must be -1 (default) or 0.." +
              std::to_string(kMaxRetries));
  }
  if (o.max_retries >= 0) config.retry.maxRetries = o.max_retries;
  if (o.max_asset_bytes < 0) {
    badOption("max_asset_bytes " + std::to_string(o.max_asset_bytes) +
              " is out of range: must be 0 (default) or positive");
  }
  if (o.max_asset_bytes > 0) config.assetLimits.maxBodyBytes = static_cast<std::size_t>(o.max_asset_bytes);
}

std::chrono::milliseconds pollIntervalOf(const pxb_remote_options& o) {
  if (o.poll_interval_ms < 0) {
    badOption("poll_interval_ms " + std::to_string(o.poll_interval_ms) +
              " is out of range: must be 0 (default) or positive");
  }
  return std::chrono::milliseconds{o.poll_interval_ms};
}

remote::Json parseInput(const char* inputJson) {
  try {
    return core::parseJsonBounded(inputJson);
  } catch (const remote::Json::exception& e) {
    // parse_error, or out_of_range for a number no double holds.
    throw InvalidArgument{std::string("input_json is not valid JSON: ") + e.what()};
  } catch (const core::JsonTooDeep& e) {
    throw InvalidArgument{std::string("input_json is refused: ") + e.what()};
  }
}

remote::Job unlessFailed(const remote::Job& job) {
  if (job.status == remote::JobStatus::failed) {
    throw remote::Error(remote::Errc::job_failed, "job " + job.id + " failed: " +
                                                      (job.error.empty() ? "the provider gave no reason" : job.error));
  }
  return job;
}

}  // namespace
}  // namespace pixabots::remote_capi

extern "C" {

using namespace pixabots;

pxb_remote_status pxb_remote_options_init_version(pxb_remote_options* options, uint32_t version) {
  return remote_capi::guarded([&] {
    if (version != PXB_REMOTE_OPTIONS_VERSION) {
      return remote_capi::fail(PXB_REMOTE_ERR_VERSION_MISMATCH,
                               "pxb_remote_options version " + std::to_string(version) +
                                   " does not match the library's " + std::to_string(PXB_REMOTE_OPTIONS_VERSION) +
                                   ": rebuild against the library's headers");
    }
    remote_capi::require(options, "options");
    *options = pxb_remote_options{};
    options->version = PXB_REMOTE_OPTIONS_VERSION;
    options->provider = PXB_PROVIDER_FROM_CONFIG;
    options->max_retries = -1;
    return PXB_REMOTE_OK;
  });
}

pxb_remote_status pxb_remote_new(const pxb_remote_options* options, pxb_remote** out) {
  pxb_remote_options defaults;
  if (options == nullptr) {
    pxb_remote_options_init(&defaults);
    options = &defaults;
  }
  const std::string_view apiKey = options->api_key != nullptr ? options->api_key : "";
  return remote_capi::remoteCall(apiKey, [&] {
    remote_capi::require(out, "out");
    if (options->version != PXB_REMOTE_OPTIONS_VERSION) {
      return remote_capi::fail(PXB_REMOTE_ERR_VERSION_MISMATCH,
                               "pxb_remote_options version " + std::to_string(options->version) +
                                   " does not match the library's " + std::to_string(PXB_REMOTE_OPTIONS_VERSION) +
                                   ": initialise options with pxb_remote_options_init");
    }
    const auto overrides = remote_capi::overridesOf(*options);
    std::optional<std::filesystem::path> configFile;
    if (options->config_file != nullptr) configFile = options->config_file;
    std::optional<remote::RemoteConfig> config = remote::loadConfig(overrides, configFile);
    if (!config) {
      return remote_capi::fail(
          PXB_REMOTE_ERR_UNSUPPORTED,
          "no remote provider is configured: set pxb_remote_options.provider, PIXABOTS_PROVIDER or "
          "\"provider\" in the config file");
    }
    remote_capi::applyLimits(*options, *config);
    auto made = std::make_unique<pxb_remote>();
    made->config = std::move(*config);
    made->pollInterval = remote_capi::pollIntervalOf(*options);
    made->transport = remote::makeCurlTransport();
    made->client = std::make_unique<remote::ApiClient>(made->config, *made->transport);
    made->provider = remote::makeProvider(*made->client);
    *out = made.release();
    return PXB_REMOTE_OK;
  });
}

void pxb_remote_free(pxb_remote* handle) { delete handle; }

void pxb_remote_cancel(pxb_remote* handle) {
  if (handle == nullptr) return;
  std::shared_ptr<remote::CancelToken> fired;
  {
    std::lock_guard lock(handle->cancelMutex);
    fired = handle->cancel;
    try {
      handle->cancel = std::make_shared<remote::CancelToken>();
    } catch (...) {
      // Out of memory: the fired token stays, so later calls are cancelled too.
    }
  }
  fired->cancel();
}

pxb_remote_status pxb_remote_models(pxb_remote* handle, uint8_t** out, size_t* out_size) {
  return remote_capi::remoteCall(remote_capi::keyOf(handle), [&] {
    capi::clearOutput(out, out_size);
    remote_capi::require(handle, "remote");
    remote::Json models = remote::Json::array();
    for (const remote::Model& model : handle->provider->listModels()) models.push_back(remote::modelToJson(model));
    return remote_capi::handOver(models, out, out_size);
  });
}

pxb_remote_status pxb_remote_schema(pxb_remote* handle, const char* model, uint8_t** out, size_t* out_size) {
  return remote_capi::remoteCall(remote_capi::keyOf(handle), [&] {
    capi::clearOutput(out, out_size);
    remote_capi::require(handle, "remote");
    remote_capi::require(model, "model");
    return remote_capi::handOver(handle->provider->modelSchema(model), out, out_size);
  });
}

pxb_remote_status pxb_remote_submit(pxb_remote* handle, const char* model, const char* input_json, int32_t validate,
                                    uint8_t** out, size_t* out_size) {
  return remote_capi::remoteCall(remote_capi::keyOf(handle), [&] {
    capi::clearOutput(out, out_size);
    remote_capi::require(handle, "remote");
    remote_capi::require(model, "model");
    remote_capi::require(input_json, "input_json");
    const remote::Json input = remote_capi::parseInput(input_json);
    if (!input.is_object()) {
      throw remote_capi::InvalidArgument{"input_json must be a JSON object, not " + std::string(input.type_name())};
    }
    const auto cancel = handle->currentCancel();
    const remote::Job job = validate != 0 ? remote::submitValidated(*handle->provider, model, input, cancel.get())
                                          : handle->provider->submit(model, input, cancel.get());
    return remote_capi::handOver(remote::jobToJson(job), out, out_size);
  });
}

pxb_remote_status pxb_remote_poll(pxb_remote* handle, const char* job_id, uint8_t** out, size_t* out_size) {
  return remote_capi::remoteCall(remote_capi::keyOf(handle), [&] {
    capi::clearOutput(out, out_size);
    remote_capi::require(handle, "remote");
    remote_capi::require(job_id, "job_id");
    const auto cancel = handle->currentCancel();
    return remote_capi::handOver(remote::jobToJson(handle->provider->getJob(job_id, {}, cancel.get())), out, out_size);
  });
}

pxb_remote_status pxb_remote_wait(pxb_remote* handle, const char* job_id, int64_t deadline_ms, uint8_t** out,
                                  size_t* out_size) {
  return remote_capi::remoteCall(remote_capi::keyOf(handle), [&] {
    capi::clearOutput(out, out_size);
    remote_capi::require(handle, "remote");
    remote_capi::require(job_id, "job_id");
    if (deadline_ms < 0) {
      remote_capi::badOption("deadline_ms " + std::to_string(deadline_ms) +
                             " is out of range: must be 0 (10 minutes) or positive");
    }
    const auto cancel = handle->currentCancel();
    remote::WaitOptions options;
    if (deadline_ms > 0) options.deadline = std::chrono::milliseconds{deadline_ms};
    if (handle->pollInterval.count() > 0) {
      options.initialInterval = handle->pollInterval;
      options.maxInterval = std::max(options.maxInterval, handle->pollInterval);
    }
    options.cancel = cancel.get();
    const remote::Job job = remote::waitForJob(*handle->provider, *handle->client, job_id, options);
    return remote_capi::handOver(remote::jobToJson(job), out, out_size);
  });
}

pxb_remote_status pxb_remote_fetch(pxb_remote* handle, const char* job_id, const char* dir, uint8_t** out,
                                   size_t* out_size) {
  return remote_capi::remoteCall(remote_capi::keyOf(handle), [&] {
    capi::clearOutput(out, out_size);
    remote_capi::require(handle, "remote");
    remote_capi::require(job_id, "job_id");
    remote_capi::require(dir, "dir");
    const auto cancel = handle->currentCancel();
    const remote::Job job = remote_capi::unlessFailed(handle->provider->getJob(job_id, {}, cancel.get()));
    if (job.status != remote::JobStatus::completed) {
      return remote_capi::fail(PXB_REMOTE_ERR_NOT_READY,
                               "job " + job.id + " is still " + std::string(remote::jobStatusName(job.status)) +
                                   ": wait for it (pxb_remote_wait) before fetching its outputs");
    }
    remote::DownloadOptions options;
    options.cancel = cancel.get();
    remote::Json paths = remote::Json::array();
    for (const std::filesystem::path& path : remote::downloadOutputs(*handle->client, job, dir, options)) {
      paths.push_back(path.string());
    }
    return remote_capi::handOver(paths, out, out_size);
  });
}

}  // extern "C"
