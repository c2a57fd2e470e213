#pragma once
// The C++ layer over libpixabots_remote (remote.h), header-only like
// pixabots.hpp: link pixabots::pixabots_remote (or pkg-config pixabots-remote).
// Failures throw pixabots::RemoteError with the pxb_remote_status and
// pxb_remote_last_error()'s message. docs/cpp-api.md is the guide.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "pixabots/remote.h"

namespace pixabots {

class RemoteError : public std::runtime_error {
 public:
  RemoteError(pxb_remote_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  pxb_remote_status status() const noexcept { return status_; }

 private:
  pxb_remote_status status_;
};

namespace detail {
inline void checkRemote(pxb_remote_status status) {
  if (status != PXB_REMOTE_OK) {
    const char* detail = pxb_remote_last_error();
    throw RemoteError(status, detail != nullptr && *detail != '\0' ? detail : pxb_remote_strerror(status));
  }
}
}  // namespace detail

enum class Provider {
  fromConfig = PXB_PROVIDER_FROM_CONFIG,  // PIXABOTS_PROVIDER, else the config file
  jobs = PXB_PROVIDER_JOBS,
  images = PXB_PROVIDER_IMAGES,
  tasks = PXB_PROVIDER_TASKS,
};

// Mirrors pxb_remote_options; an empty field keeps the library's default
// (the environment, then the config file, then the built-in value). Every
// member is initialized, as in Options.
struct RemoteOptions {
  Provider provider = Provider::fromConfig;
  std::optional<std::string> baseUrl{};
  std::optional<std::string> apiKey{};
  std::optional<std::filesystem::path> configFile{};
  std::optional<std::chrono::milliseconds> timeout{};
  std::optional<int> maxRetries{};
  std::optional<std::int64_t> maxAssetBytes{};
  std::optional<std::string> taskProvider{};
  std::optional<std::chrono::milliseconds> pollInterval{};
};

// A connection to a generation provider. Every call returns the C ABI's JSON
// as text (parse it with the JSON library of your choice) and throws
// RemoteError with the pxb_remote_status (PXB_REMOTE_ERR_UNAUTHORIZED,
// PXB_REMOTE_ERR_VALIDATION, ...) and the message. Thread-safe: share one
// across threads; cancel() from any thread. Movable, not copyable.
class Remote {
 public:
  explicit Remote(const RemoteOptions& options = {}) {
    pxb_remote_options o;
    detail::checkRemote(pxb_remote_options_init(&o));
    const std::string configFile = options.configFile ? options.configFile->string() : std::string();
    o.provider = static_cast<std::int32_t>(options.provider);
    o.base_url = options.baseUrl ? options.baseUrl->c_str() : nullptr;
    o.api_key = options.apiKey ? options.apiKey->c_str() : nullptr;
    o.config_file = options.configFile ? configFile.c_str() : nullptr;
    if (options.timeout) o.timeout_ms = static_cast<std::int32_t>(options.timeout->count());
    if (options.maxRetries) o.max_retries = *options.maxRetries;
    if (options.maxAssetBytes) o.max_asset_bytes = *options.maxAssetBytes;
    o.task_provider = options.taskProvider ? options.taskProvider->c_str() : nullptr;
    if (options.pollInterval) o.poll_interval_ms = static_cast<std::int32_t>(options.pollInterval->count());
    detail::checkRemote(pxb_remote_new(&o, &raw_));
  }
  Remote(Remote&& other) noexcept : raw_(std::exchange(other.raw_, nullptr)) {}
  Remote& operator=(Remote&& other) noexcept {
    if (this != &other) {
      pxb_remote_free(raw_);
      raw_ = std::exchange(other.raw_, nullptr);
    }
    return *this;
  }
  Remote(const Remote&) = delete;
  Remote& operator=(const Remote&) = delete;
  ~Remote() { pxb_remote_free(raw_); }

  // The C handle, for mixing with C calls; still owned by this object.
  pxb_remote* get() const noexcept { return raw_; }

  // [{"id", "name", "raw"}, ...]
  std::string models() const {
    return json([&](std::uint8_t** out, std::size_t* size) { return pxb_remote_models(raw_, out, size); });
  }
  // The model's input JSON Schema.
  std::string schema(std::string_view model) const {
    const std::string m(model);
    return json([&](std::uint8_t** out, std::size_t* size) { return pxb_remote_schema(raw_, m.c_str(), out, size); });
  }
  // The submitted job: {"id", "status", "outputs", "error", "expiresAt", "raw"}.
  std::string submit(std::string_view model, std::string_view inputJson, bool validate = true) const {
    const std::string m(model), input(inputJson);
    return json([&](std::uint8_t** out, std::size_t* size) {
      return pxb_remote_submit(raw_, m.c_str(), input.c_str(), validate ? 1 : 0, out, size);
    });
  }
  std::string poll(std::string_view jobId) const {
    const std::string id(jobId);
    return json([&](std::uint8_t** out, std::size_t* size) { return pxb_remote_poll(raw_, id.c_str(), out, size); });
  }
  // The completed job; deadline zero: 10 minutes.
  std::string wait(std::string_view jobId, std::chrono::milliseconds deadline = {}) const {
    const std::string id(jobId);
    return json([&](std::uint8_t** out, std::size_t* size) {
      return pxb_remote_wait(raw_, id.c_str(), deadline.count(), out, size);
    });
  }
  // The paths written into `dir`, as a JSON array.
  std::string fetch(std::string_view jobId, const std::filesystem::path& dir) const {
    const std::string id(jobId), d = dir.string();
    return json([&](std::uint8_t** out, std::size_t* size) {
      return pxb_remote_fetch(raw_, id.c_str(), d.c_str(), out, size);
    });
  }
  // Every call in progress on this object fails with PXB_REMOTE_ERR_CANCELLED.
  void cancel() const noexcept { pxb_remote_cancel(raw_); }

 private:
  template <class Call>
  static std::string json(Call call) {
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    detail::checkRemote(call(&data, &size));
    const std::unique_ptr<std::uint8_t, decltype(&pxb_free)> owned(data, &pxb_free);
    return {reinterpret_cast<const char*>(data), size};
  }
  pxb_remote* raw_ = nullptr;
};

}  // namespace pixabots
